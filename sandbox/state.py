"""Everything a running sandbox holds: its store, account, counters, limiter and faults."""

from __future__ import annotations

import base64
import os
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pipeline.errors import ConfigError
from sandbox.faults import FaultInjector
from sandbox.handlers import Context
from sandbox.limits import SlidingWindowLimiter
from sandbox.options import SandboxOptions
from sandbox.seed import seed_devices, seed_rooms
from sandbox.stats import Stats
from sandbox.store import Store

# Sources of a credential. The banner prints a key only when the sandbox generated it.
FROM_OPTION = "option"
FROM_ENVIRONMENT = "environment"
FROM_STATE = "state"
GENERATED = "generated"


@dataclass
class SandboxState:
    options: SandboxOptions
    store: Store
    context: Context
    partner_key: str = field(repr=False)
    partner_key_source: str
    stats: Stats
    limiter: SlidingWindowLimiter
    faults: FaultInjector

    @property
    def partner_id(self) -> str:
        return self.context.partner_id

    def stats_snapshot(self) -> dict[str, Any]:
        return self.stats.snapshot(peak_window_calls=self.limiter.peak)


def create_state(options: SandboxOptions, environ: Mapping[str, str] = os.environ) -> SandboxState:
    """Open the store, seed it, settle the account and build the per-run helpers."""
    options.validate()
    store = Store(options.state)
    seed_rooms(store)
    seed_devices(store, options.devices, options.seed)

    partner_id, _ = resolve_credential(options.partner_id, "partner_id", environ, store, new_partner_id)
    if not (partner_id.isascii() and partner_id.isdigit()):
        store.close()
        raise ConfigError("config.bad_partner_id", value=partner_id)
    partner_key, key_source = resolve_credential(options.partner_key, "partner_key", environ, store, new_partner_key)

    return SandboxState(
        options=options,
        store=store,
        context=Context(store=store, partner_id=partner_id, any_room=options.rooms == "any"),
        partner_key=partner_key,
        partner_key_source=key_source,
        stats=Stats(),
        limiter=SlidingWindowLimiter(options.rate_limit, options.rate_window),
        faults=FaultInjector(options.fail_rate, options.drop_after_commit_rate, options.seed),
    )


def resolve_credential(
    given: str | None, name: str, environ: Mapping[str, str], store: Store, generate: Callable[[], str]
) -> tuple[str, str]:
    """Return (value, source): the option, else PAIKE_<NAME>, else the state file's, else a new one.

    Only a generated value is written to the state, so a real key from the environment
    never lands in the sandbox's file.
    """
    if given:
        return given, FROM_OPTION
    from_environment = environ.get(f"PAIKE_{name.upper()}")
    if from_environment:
        return from_environment, FROM_ENVIRONMENT
    stored = store.get_meta(name)
    if stored:
        return stored, FROM_STATE
    value = generate()
    store.set_meta(name, value)
    return value, GENERATED


def new_partner_id() -> str:
    return str(secrets.randbelow(90_000_000) + 10_000_000)


def new_partner_key() -> str:
    # Same shape as the vendor's keys: base64 of 64 random bytes, so it contains + / and =.
    return base64.b64encode(secrets.token_bytes(64)).decode("ascii")
