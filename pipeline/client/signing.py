"""Baijiayun's public signing rule, the same for every endpoint.

Every parameter that is sent, except ``sign`` itself, is sorted by key in byte order,
joined as ``k1=v1&k2=v2`` with the raw (not URL-encoded) values, followed by
``&partner_key=<key>``; ``sign`` is the lowercase hex MD5 of those UTF-8 bytes. The key is
never sent. An optional parameter that is not sent is not signed.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Mapping


def compute_sign(params: Mapping[str, object], partner_key: str) -> str:
    """Return the ``sign`` value for ``params`` (a ``sign`` entry in them is ignored)."""
    pairs = sorted(
        ((key, str(value)) for key, value in params.items() if key != "sign"),
        key=lambda pair: pair[0].encode("utf-8"),
    )
    text = "&".join(f"{key}={value}" for key, value in pairs)
    text += f"&partner_key={partner_key}"
    return hashlib.md5(text.encode("utf-8")).hexdigest()


class Signer:
    """Adds ``partner_id``, ``timestamp`` and ``sign`` to a call's parameters.

    The key is kept private and left out of ``repr`` so it cannot leak into logs or
    tracebacks that print objects.
    """

    def __init__(
        self,
        partner_id: str,
        partner_key: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.partner_id = str(partner_id)
        self._partner_key = partner_key
        self._clock = clock

    def __repr__(self) -> str:
        return f"Signer(partner_id={self.partner_id!r}, partner_key='[secure]')"

    def sign(self, params: Mapping[str, object]) -> dict[str, str]:
        """Return the parameters to send: ``params`` as text plus the common ones."""
        signed = {key: str(value) for key, value in params.items() if value is not None}
        signed["partner_id"] = self.partner_id
        # Unix seconds, 10 digits: the server rejects milliseconds.
        signed["timestamp"] = str(int(self._clock()))
        signed["sign"] = compute_sign(signed, self._partner_key)
        return signed
