"""The double_teacher signature rule, written from Baijiayun's public description.

Take every parameter sent except ``sign``, sort by key in byte order, join as
``k1=v1&k2=v2`` with the raw (not URL-encoded) values, append ``&partner_key=<key>``
and take the lowercase hex MD5 of the UTF-8 bytes.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping


def compute_sign(params: Mapping[str, str], partner_key: str) -> str:
    """Return the ``sign`` value for ``params``; a ``sign`` entry in ``params`` is ignored."""
    pairs = sorted(
        ((key, value) for key, value in params.items() if key != "sign"),
        key=lambda pair: pair[0].encode("utf-8"),
    )
    text = "&".join(f"{key}={value}" for key, value in pairs)
    text += f"&partner_key={partner_key}"
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def sign_matches(params: Mapping[str, str], partner_key: str) -> bool:
    """Return True when ``params["sign"]`` is exactly the expected lowercase hex digest."""
    sent = params.get("sign", "")
    expected = compute_sign(params, partner_key)
    return hmac.compare_digest(sent.encode("utf-8"), expected.encode("utf-8"))
