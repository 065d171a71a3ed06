"""``paike sandbox``: run the built-in API emulation on this computer.

The sandbox is a package of its own; it is imported here, only when this command
runs, so the rest of paike never depends on it.
"""

from __future__ import annotations

import click

from pipeline.cli import EXIT_OK
from pipeline.i18n import t


def register(cli: click.Group) -> None:
    @cli.command("sandbox", help=t("cli.help.sandbox"))
    @click.option("--host", default="127.0.0.1", show_default=True, help=t("cli.help.sandbox_host"))
    @click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help=t("cli.help.sandbox_port"))
    @click.option("--state", type=click.Path(dir_okay=False), help=t("cli.help.sandbox_state"))
    @click.option("--rooms", default="seeded", show_default=True, type=click.Choice(["seeded", "any"]), help=t("cli.help.sandbox_rooms"))
    @click.option("--rate-limit", default=200, show_default=True, type=click.IntRange(1), help=t("cli.help.sandbox_rate_limit"))
    @click.option("--latency-ms", default=0, show_default=True, type=click.IntRange(0), help=t("cli.help.sandbox_latency"))
    @click.option("--fail-rate", default=0.0, show_default=True, type=click.FloatRange(0, 1), help=t("cli.help.sandbox_fail_rate"))
    @click.option("--drop-after-commit-rate", default=0.0, show_default=True, type=click.FloatRange(0, 1),
                  help=t("cli.help.sandbox_drop_rate"))
    @click.option("--devices", default=0, show_default=True, type=click.IntRange(0), help=t("cli.help.sandbox_devices"))
    @click.option("--seed", default=0, show_default=True, type=int, help=t("cli.help.sandbox_seed"))
    def sandbox(host, port, state, rooms, rate_limit, latency_ms, fail_rate, drop_after_commit_rate, devices, seed) -> int:
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise click.BadParameter(t("cli.sandbox.loopback_only"), param_hint="--host")
        from sandbox.server import SandboxOptions, serve

        serve(SandboxOptions(
            host=host, port=port, state=state, rooms=rooms, rate_limit=rate_limit, latency_ms=latency_ms,
            fail_rate=fail_rate, drop_after_commit_rate=drop_after_commit_rate, devices=devices, seed=seed,
        ))
        return EXIT_OK
