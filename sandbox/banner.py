"""The text ``serve()`` prints at start: where the sandbox listens and how to point paike at it."""

from __future__ import annotations

from pipeline.i18n import t
from sandbox.seed import SEEDED_ROOMS
from sandbox.state import FROM_ENVIRONMENT, FROM_OPTION, SandboxState

ROOMS_PER_LINE = 4


def render_banner(state: SandboxState, base_url: str) -> str:
    """Return the start banner; it shows partner_key only when the sandbox generated it."""
    options = state.options
    lines = [
        t("sandbox.banner.title"),
        "",
        t("sandbox.banner.base_url", base_url=base_url),
        t("sandbox.banner.partner_id", partner_id=state.partner_id),
        partner_key_line(state),
        t("sandbox.banner.rate_limit", limit=options.rate_limit, window=options.rate_window),
        state_line(state),
    ]
    lines += device_lines(state)
    lines += fault_lines(state)
    lines += [""] + room_lines(state)
    lines += [""] + environment_lines(state, base_url)
    lines += ["", t("sandbox.banner.stop_hint")]
    return "\n".join(lines)


def partner_key_line(state: SandboxState) -> str:
    if state.partner_key_source == FROM_ENVIRONMENT:
        return t("sandbox.banner.partner_key_from_environment")
    if state.partner_key_source == FROM_OPTION:
        return t("sandbox.banner.partner_key_given")
    return t("sandbox.banner.partner_key", partner_key=state.partner_key)


def state_line(state: SandboxState) -> str:
    if state.options.state:
        return t("sandbox.banner.state_file", path=state.options.state)
    return t("sandbox.banner.state_memory")


def device_lines(state: SandboxState) -> list[str]:
    devices = state.store.fetch_value("SELECT COUNT(*) FROM devices")
    if not devices:
        return []
    zones = state.store.fetch_value("SELECT COUNT(*) FROM zones")
    return [t("sandbox.banner.devices", devices=devices, zones=zones)]


def fault_lines(state: SandboxState) -> list[str]:
    options = state.options
    if not (options.latency_ms or options.fail_rate or options.drop_after_commit_rate):
        return []
    return [
        t(
            "sandbox.banner.faults",
            latency_ms=options.latency_ms,
            fail_percent=f"{options.fail_rate * 100:g}",
            drop_percent=f"{options.drop_after_commit_rate * 100:g}",
        )
    ]


def room_lines(state: SandboxState) -> list[str]:
    key = "sandbox.banner.rooms_any" if state.context.any_room else "sandbox.banner.rooms_seeded"
    lines = [t(key, count=len(SEEDED_ROOMS))]
    for start in range(0, len(SEEDED_ROOMS), ROOMS_PER_LINE):
        lines.append("  " + "  ".join(SEEDED_ROOMS[start : start + ROOMS_PER_LINE]))
    return lines


def environment_lines(state: SandboxState, base_url: str) -> list[str]:
    """Return the commands that point paike at this sandbox, for POSIX shells and PowerShell."""
    variables = {"PAIKE_BASE_URL": base_url, "PAIKE_PARTNER_ID": state.partner_id}
    if state.partner_key_source not in (FROM_ENVIRONMENT, FROM_OPTION):
        variables["PAIKE_PARTNER_KEY"] = state.partner_key

    lines = [t("sandbox.banner.environment_hint"), t("sandbox.banner.posix_shell")]
    lines += [f"  export {name}='{value}'" for name, value in variables.items()]
    lines += [t("sandbox.banner.powershell")]
    lines += [f"  $env:{name} = '{value}'" for name, value in variables.items()]
    return lines
