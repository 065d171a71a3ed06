"""The checks every call passes before its handler runs: account, timestamp and signature.

They run in the order a strict server would use. A missing or malformed parameter is
1001 and an unknown ``partner_id`` is 2001. A ``timestamp`` that is not 10 digits, or
is more than five minutes from the server's clock, is 1001. A wrong ``sign`` is 1002.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from sandbox.refusals import BAD_SIGN, NO_SUCH_ACCOUNT, Refusal, invalid, missing
from sandbox.signing import sign_matches

COMMON_PARAMS = ("partner_id", "timestamp", "sign")
TIMESTAMP = re.compile(r"[0-9]{10}")
MAX_CLOCK_SKEW_SECONDS = 300


def check_common_params(params: Mapping[str, str], partner_id: str, partner_key: str, now: float) -> None:
    """Raise a :class:`Refusal` unless the call names our account, is fresh and is signed right."""
    sent_partner_id = params.get("partner_id")
    if sent_partner_id is None:
        raise missing("partner_id")
    if not sent_partner_id.isascii() or not sent_partner_id.isdigit():
        raise invalid("partner_id", "账号 ID 应为纯数字")
    if sent_partner_id != partner_id:
        raise Refusal(NO_SUCH_ACCOUNT, f"账号不存在：{sent_partner_id}")

    check_timestamp(params.get("timestamp"), now)

    if not params.get("sign"):
        raise missing("sign")
    if not sign_matches(params, partner_key):
        raise Refusal(BAD_SIGN, "签名错误，请检查 partner_id 和 partner_key")


def check_timestamp(value: str | None, now: float) -> None:
    if value is None:
        raise missing("timestamp")
    if not TIMESTAMP.fullmatch(value):
        raise invalid("timestamp", f"“{value}”应为 10 位的 Unix 时间戳（秒，不是毫秒）")
    if abs(int(value) - now) > MAX_CLOCK_SKEW_SECONDS:
        raise invalid("timestamp", f"“{value}”与服务器时间相差超过 5 分钟，请校准本机时间")
