"""The sandbox's settings, as the ``paike sandbox`` command and tests pass them."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

from pipeline.errors import ConfigError
from pipeline.i18n import t

ROOM_MODES = ("seeded", "any")


@dataclass
class SandboxOptions:
    """How to run the sandbox; the defaults behave like the real service without faults."""

    host: str = "127.0.0.1"
    # 0 picks a free port.
    port: int = 0
    # SQLite file for the state; None keeps it in memory until the sandbox stops.
    state: str | None = None
    # None reads PAIKE_PARTNER_ID / PAIKE_PARTNER_KEY, then the state file, else generates one.
    partner_id: str | None = None
    partner_key: str | None = field(default=None, repr=False)
    # "seeded": only the fixed rooms exist; "any": every 14-15 digit room number exists.
    rooms: str = "seeded"
    # At most rate_limit calls per partner_id in any rate_window seconds; more get HTTP 429.
    rate_limit: int = 200
    rate_window: float = 10.0
    # Delay added to every call, in milliseconds.
    latency_ms: int = 0
    # Share of calls that get HTTP 500/502/503 and change nothing.
    fail_rate: float = 0.0
    # Share of successful write calls whose connection is cut after the change is committed.
    drop_after_commit_rate: float = 0.0
    # Number of devices to generate (in about devices/50 zones) when the state has none.
    devices: int = 0
    # Seed for the generated devices and for picking which calls get a fault.
    seed: int = 0

    def validate(self) -> None:
        """Raise ConfigError naming the first invalid setting."""
        if not is_loopback(self.host):
            raise ConfigError("sandbox.host_not_loopback", host=self.host)
        checks = (
            ("port", 0 <= self.port <= 65535, "sandbox.expected_port"),
            ("rooms", self.rooms in ROOM_MODES, "sandbox.expected_room_mode"),
            ("rate_limit", self.rate_limit >= 1, "sandbox.expected_positive"),
            ("rate_window", self.rate_window > 0, "sandbox.expected_positive"),
            ("latency_ms", self.latency_ms >= 0, "sandbox.expected_not_negative"),
            ("fail_rate", 0 <= self.fail_rate <= 1, "sandbox.expected_share"),
            ("drop_after_commit_rate", 0 <= self.drop_after_commit_rate <= 1, "sandbox.expected_share"),
            ("devices", self.devices >= 0, "sandbox.expected_not_negative"),
        )
        for name, valid, expected_key in checks:
            if not valid:
                raise ConfigError("config.bad_value", name=name, value=getattr(self, name), expected=t(expected_key))


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
