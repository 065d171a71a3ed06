"""Catalog entries for configuration errors."""

MESSAGES = {
    "config.missing_partner_id": {
        "zh": "缺少账号 ID：请设置环境变量 PAIKE_PARTNER_ID，或在 paike.toml 中写 partner_id。",
        "en": "Missing account id: set PAIKE_PARTNER_ID or partner_id in paike.toml.",
    },
    "config.missing_partner_key": {
        "zh": "缺少账号密钥：请设置环境变量 PAIKE_PARTNER_KEY，或在 paike.toml 中写 partner_key。",
        "en": "Missing account key: set PAIKE_PARTNER_KEY or partner_key in paike.toml.",
    },
    "config.missing_endpoint": {
        "zh": "不知道要连接哪个服务器：请设置 PAIKE_PRIVATE_DOMAIN（专属域名）或 PAIKE_BASE_URL（例如 http://127.0.0.1:8000）。",
        "en": "No server to talk to: set PAIKE_PRIVATE_DOMAIN (your private domain) or PAIKE_BASE_URL (e.g. http://127.0.0.1:8000).",
    },
    "config.bad_partner_id": {
        "zh": "账号 ID“{value}”无效：应当是纯数字。",
        "en": "Account id '{value}' is invalid: it must be digits only.",
    },
    "config.bad_base_url": {
        "zh": "服务器地址“{value}”无效：应当以 http:// 或 https:// 开头。",
        "en": "Server address '{value}' is invalid: it must start with http:// or https://.",
    },
    "config.file_not_found": {
        "zh": "找不到配置文件 {path}：请检查 --config 或 PAIKE_CONFIG 的路径。",
        "en": "Config file {path} not found: check the path given with --config or PAIKE_CONFIG.",
    },
    "config.file_invalid": {
        "zh": "配置文件 {path} 格式有误（{reason}）：请按 TOML 格式改正。",
        "en": "Config file {path} is not valid TOML ({reason}); fix it and try again.",
    },
    "config.bad_value": {
        "zh": "配置项 {name} 的值“{value}”无效：{expected}。",
        "en": "Setting {name} has the invalid value '{value}': {expected}.",
    },
    "config.expected_float": {"zh": "应当是数字", "en": "it must be a number"},
    "config.expected_int": {"zh": "应当是整数", "en": "it must be a whole number"},
    "config.expected_range": {"zh": "应当在 {low} 到 {high} 之间", "en": "it must be between {low} and {high}"},
    "config.expected_choice": {"zh": "应当是 {choices} 之一", "en": "it must be one of {choices}"},
    "config.unknown_key": {
        "zh": "配置文件 {path} 中有无法识别的配置项：{keys}。请检查拼写；可用的配置项：{known}。",
        "en": "Config file {path} has unknown settings: {keys}. Check the spelling; known settings: {known}.",
    },
}
