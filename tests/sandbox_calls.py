"""Signed calls to a sandbox over real HTTP, for the sandbox tests.

The signing here is written independently of ``sandbox.signing`` so that a mistake in
one does not hide the same mistake in the other.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

import requests

TIMEOUT_SECONDS = 10


def sign(params: dict[str, str], partner_key: str) -> str:
    keys = sorted(params, key=lambda key: key.encode())
    text = "&".join(f"{key}={params[key]}" for key in keys if key != "sign") + "&partner_key=" + partner_key
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def signed(sandbox, /, **params: Any) -> dict[str, str]:
    """Return ``params`` as strings plus partner_id, a fresh timestamp and the sign."""
    values = {key: str(value) for key, value in params.items()}
    values.setdefault("partner_id", sandbox.partner_id)
    values.setdefault("timestamp", str(int(time.time())))
    values["sign"] = sign(values, sandbox.partner_key)
    return values


def post(sandbox, endpoint: str, data: dict[str, str], session: requests.Session | None = None) -> requests.Response:
    url = f"{sandbox.base_url}/openapi/double_teacher/{endpoint}"
    return (session or requests).post(url, data=data, timeout=TIMEOUT_SECONDS)


def call(sandbox, endpoint: str, /, **params: Any) -> dict[str, Any]:
    """Make a signed call that must get HTTP 200 and return its envelope."""
    response = post(sandbox, endpoint, signed(sandbox, **params))
    assert response.status_code == 200, response.text
    return response.json()
