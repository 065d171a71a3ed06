"""Catalog entries for API errors and the hint shown for each documented code."""

MESSAGES = {
    "api.connect_failed": {
        "zh": "无法连接服务器 {url}",
        "en": "cannot connect to {url}",
    },
    "api.account_failed": {
        "zh": "第一个教室就失败了，原因在账号或服务器，其余教室没有发送：{message}",
        "en": "The first room failed for a reason that concerns the account or the server, so no other room was sent: {message}",
    },
    "api.error": {
        "zh": "接口 {endpoint} 返回错误 {code}：{msg}",
        "en": "API call {endpoint} failed with code {code}: {msg}",
    },
    "api.transport_error": {
        "zh": "接口 {endpoint} 没有正常应答（{msg}）。",
        "en": "API call {endpoint} got no usable answer ({msg}).",
    },
    "api.hint.-1": {
        "zh": "请检查网络和服务器地址（PAIKE_BASE_URL / PAIKE_PRIVATE_DOMAIN），稍后重新运行；已成功的教室不会重复写入。",
        "en": "Check the network and the server address (PAIKE_BASE_URL / PAIKE_PRIVATE_DOMAIN), then run again; rooms already done are not written twice.",
    },
    "api.hint.1": {
        "zh": "服务器拒绝了这次操作，原因见上；常见原因是同一教室同一天的课节编号重复。",
        "en": "The server rejected the call for the reason above; a common cause is a serial number repeated in one room on one day.",
    },
    "api.hint.404": {
        "zh": "接口地址不存在：请检查服务器地址是否正确。",
        "en": "No such API path: check the server address.",
    },
    "api.hint.429": {
        "zh": "调用太频繁，被服务器限流：请稍后重新运行，或在配置中调低 rate_limit_calls。",
        "en": "The server's rate limit refused the calls: run again later, or lower rate_limit_calls in the settings.",
    },
    "api.hint.1001": {
        "zh": "参数缺失或格式不对：请先用 paike check 检查表格；若表格无误，请把这条信息发给技术人员。",
        "en": "A parameter is missing or malformed: run paike check on the file; if it is clean, send this message to your IT contact.",
    },
    "api.hint.1002": {
        "zh": "签名错误：请核对账号 ID（PAIKE_PARTNER_ID）和密钥（PAIKE_PARTNER_KEY）是否配对，并确认本机时间准确。",
        "en": "Wrong signature: check that PAIKE_PARTNER_ID and PAIKE_PARTNER_KEY belong together and that this computer's clock is right.",
    },
    "api.hint.2001": {
        "zh": "账号不存在：请核对账号 ID（PAIKE_PARTNER_ID）。",
        "en": "The account does not exist: check PAIKE_PARTNER_ID.",
    },
    "api.hint.2002": {
        "zh": "账号没有开通这项功能的权限：请联系百家云开通双师排课。",
        "en": "The account lacks permission for this feature: ask Baijiayun to enable dual-teacher scheduling.",
    },
    "api.hint.2003": {
        "zh": "账号未开通或服务已停止：请联系百家云。",
        "en": "The account is not opened or its service has stopped: contact Baijiayun.",
    },
    "api.hint.3001": {
        "zh": "教室号不存在：请核对表格中的教室号（应为 14–15 位数字的直播间号）。",
        "en": "The room does not exist: check the room number in the file (a 14–15 digit live-room number).",
    },
    "api.hint.3002": {
        "zh": "教室已被删除：请换用有效的教室号。",
        "en": "The room was deleted: use a valid room number.",
    },
}

# Every 5xx status shares one hint.
for _status in (500, 502, 503, 504):
    MESSAGES[f"api.hint.{_status}"] = {
        "zh": "服务器暂时出错：请稍后重新运行；已成功的教室不会重复写入。",
        "en": "The server failed for a moment: run again later; rooms already done are not written twice.",
    }
