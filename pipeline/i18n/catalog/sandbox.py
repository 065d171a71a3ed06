"""Catalog entries for the sandbox server's console output and its setting errors."""

MESSAGES = {
    "sandbox.banner.title": {
        "zh": "paike 沙箱已启动：这是在本机模拟的百家云双师排课接口，仅供试用和测试，不会连接百家云。",
        "en": "paike sandbox started: a local imitation of Baijiayun's double_teacher API, for trying and testing only. It never contacts Baijiayun.",
    },
    "sandbox.banner.base_url": {"zh": "服务地址：{base_url}", "en": "Base URL: {base_url}"},
    "sandbox.banner.partner_id": {"zh": "账号 ID（partner_id）：{partner_id}", "en": "Account id (partner_id): {partner_id}"},
    "sandbox.banner.partner_key": {
        "zh": "账号密钥（partner_key）：{partner_key}（沙箱生成，只对本沙箱有效）",
        "en": "Account key (partner_key): {partner_key} (made up by the sandbox, valid only here)",
    },
    "sandbox.banner.partner_key_from_environment": {
        "zh": "账号密钥（partner_key）：使用环境变量 PAIKE_PARTNER_KEY 的值（不在此显示）",
        "en": "Account key (partner_key): the value of PAIKE_PARTNER_KEY (not shown)",
    },
    "sandbox.banner.partner_key_given": {
        "zh": "账号密钥（partner_key）：使用启动时指定的密钥（不在此显示）",
        "en": "Account key (partner_key): the key given at start (not shown)",
    },
    "sandbox.banner.rate_limit": {
        "zh": "频率限制：每个账号每 {window:g} 秒最多 {limit} 次请求，超出的请求返回 HTTP 429。",
        "en": "Rate limit: at most {limit} calls per account in any {window:g} seconds; calls past it get HTTP 429.",
    },
    "sandbox.banner.state_file": {
        "zh": "数据保存在 {path}，重启沙箱后仍然保留。",
        "en": "State is kept in {path} and survives a restart.",
    },
    "sandbox.banner.state_memory": {
        "zh": "数据只保存在内存中，沙箱停止后清空。",
        "en": "State is kept in memory only and is lost when the sandbox stops.",
    },
    "sandbox.banner.devices": {
        "zh": "设备：{devices} 台，分布在 {zones} 个校区。",
        "en": "Devices: {devices} in {zones} zones.",
    },
    "sandbox.banner.faults": {
        "zh": "故障模拟：每次请求延迟 {latency_ms} 毫秒；{fail_percent}% 的请求返回 HTTP 5xx 且不生效；{drop_percent}% 的写请求生效后断开连接。",
        "en": "Simulated faults: {latency_ms} ms added to every call; {fail_percent}% of calls get HTTP 5xx and change nothing; {drop_percent}% of writes are applied and then the connection is cut.",
    },
    "sandbox.banner.rooms_seeded": {
        "zh": "可以使用以下 {count} 个教室号，其他教室号会返回 3001（教室不存在）：",
        "en": "These {count} room numbers exist; any other returns 3001 (room not found):",
    },
    "sandbox.banner.rooms_any": {
        "zh": "任何 14–15 位的教室号都可以使用；以下 {count} 个教室号已预置：",
        "en": "Any 14-15 digit room number is accepted; these {count} are preset:",
    },
    "sandbox.banner.environment_hint": {
        "zh": "在另一个终端中设置以下环境变量，paike 就会连接这个沙箱：",
        "en": "Set these environment variables in another terminal to point paike at this sandbox:",
    },
    "sandbox.banner.posix_shell": {"zh": "Linux / macOS：", "en": "Linux / macOS:"},
    "sandbox.banner.powershell": {"zh": "Windows PowerShell：", "en": "Windows PowerShell:"},
    "sandbox.banner.stop_hint": {"zh": "按 Ctrl+C 停止沙箱。", "en": "Press Ctrl+C to stop the sandbox."},
    "sandbox.stopped": {"zh": "沙箱已停止。", "en": "Sandbox stopped."},
    "sandbox.port_in_use": {
        "zh": "无法在 {host}:{port} 上启动沙箱（{reason}）：端口可能已被占用，请换一个端口，或把端口设为 0 让系统自动选择。",
        "en": "Cannot start the sandbox on {host}:{port} ({reason}): the port may be in use. Choose another port, or 0 to let the system pick one.",
    },
    "sandbox.host_not_loopback": {
        "zh": "沙箱只能在本机地址上监听（例如 127.0.0.1），不能使用“{host}”。",
        "en": "The sandbox listens on a loopback address only (such as 127.0.0.1), not on '{host}'.",
    },
    "sandbox.start_timeout": {
        "zh": "沙箱在 {seconds} 秒内没有启动成功，请查看日志中的错误。",
        "en": "The sandbox did not start within {seconds} seconds; check the log for errors.",
    },
    "sandbox.state_unopenable": {
        "zh": "无法打开或写入沙箱数据文件 {path}（{reason}）：请用 --state 指定一个可以写入的位置（所在文件夹必须已存在），"
              "或者省略 --state，让数据只保存在内存中。",
        "en": "Cannot open or write the sandbox state file {path} ({reason}): give --state a path you can write to "
              "(its folder must exist), or leave out --state to keep the state in memory.",
    },
    "sandbox.state_not_database": {
        "zh": "{path} 不是沙箱的数据文件（它不是 SQLite 数据库，或者已损坏）：请用 --state 指定以前由沙箱创建的文件，"
              "或者一个还不存在的新文件名，沙箱会自动创建它。",
        "en": "{path} is not a sandbox state file (it is not an SQLite database, or it is damaged): give --state a file "
              "the sandbox created before, or a new file name, which the sandbox then creates.",
    },
    "sandbox.state_foreign": {
        "zh": "{path} 是其他程序的数据库，不是沙箱的数据文件（例如 paike 自己的发布记录），沙箱不会改动它：请用 --state "
              "指定以前由沙箱创建的文件，或者一个还不存在的新文件名。",
        "en": "{path} is another program's database (paike's own publishing ledger, for example), not a sandbox state "
              "file, and the sandbox leaves it alone: give --state a file the sandbox created before, or a new file name.",
    },
    "sandbox.reason.no_folder": {"zh": "文件夹 {folder} 不存在", "en": "the folder {folder} does not exist"},
    "sandbox.reason.not_writable": {"zh": "没有写入权限", "en": "permission denied"},
    "sandbox.reason.locked": {"zh": "文件正被另一个程序使用", "en": "another program holds the file locked"},
    "sandbox.expected_port": {"zh": "应当是 0 到 65535 之间的整数", "en": "it must be a whole number from 0 to 65535"},
    "sandbox.expected_room_mode": {"zh": "应当是 seeded 或 any", "en": "it must be seeded or any"},
    "sandbox.expected_positive": {"zh": "应当大于 0", "en": "it must be greater than 0"},
    "sandbox.expected_not_negative": {"zh": "不能小于 0", "en": "it must not be negative"},
    "sandbox.expected_share": {"zh": "应当是 0 到 1 之间的比例", "en": "it must be a share from 0 to 1"},
}
