"""Settings, read in one place: command-line flags beat environment variables, which
beat the ``paike.toml`` file given with ``--config`` or ``PAIKE_CONFIG``.

Environment variables:
    PAIKE_PARTNER_ID      account id (digits)
    PAIKE_PARTNER_KEY     account key used for signing; never printed or logged
    PAIKE_PRIVATE_DOMAIN  private domain: calls go to https://{domain}.at.baijiayun.com
    PAIKE_BASE_URL        full base URL, wins over the domain (e.g. http://127.0.0.1:8000)
    PAIKE_STATE_DIR       folder for the ledger, history and logs
    PAIKE_DROP_ROOT       root of the drop folder that ``paike watch`` and ``paike batch`` use
    PAIKE_CONFIG          path of a paike.toml
    PAIKE_LANG            zh (default) or en

paike.toml takes the same names in lower case without the prefix (``partner_id``,
``partner_key``, ``private_domain``, ``base_url``, ``state_dir``, ``drop_root``) plus the tuning keys
listed in :class:`Settings`.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from pipeline.errors import ConfigError
from pipeline.i18n import t

ENV_PREFIX = "PAIKE_"
ENDPOINT_TEMPLATE = "https://{domain}.at.baijiayun.com"


@dataclass(frozen=True)
class Settings:
    """Everything paike needs to reach the API and keep its state."""

    partner_id: str | None = None
    partner_key: str | None = field(default=None, repr=False)
    private_domain: str | None = None
    base_url: str | None = None
    state_dir: str | None = None
    # Root of the drop folder (待导入, 已导入, 未导入, 报告); the ROOT argument of
    # `paike watch` and `paike batch` wins over it.
    drop_root: str | None = None
    # Seconds to wait for a connection and for a response.
    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    # The account may make at most 200 calls in any 10 seconds; stay a little under it.
    rate_limit_calls: int = 190
    rate_limit_seconds: float = 10.0
    workers: int = 8
    mode: str = "replace"
    # A room whose plan deletes more than this share of its lessons (and at least
    # `delete_guard_min` lessons) is refused unless --allow-deletes is given.
    delete_guard_ratio: float = 0.2
    delete_guard_min: int = 3

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{item.name}={getattr(self, item.name)!r}" for item in fields(self) if item.repr
        )
        key_state = "[secure]" if self.partner_key else None
        return f"Settings({shown}, partner_key={key_state!r})"

    @property
    def endpoint(self) -> str:
        """Return the base URL every ``/openapi/double_teacher/<name>`` path hangs off."""
        if self.base_url:
            return self.base_url.rstrip("/")
        if self.private_domain:
            return ENDPOINT_TEMPLATE.format(domain=self.private_domain.strip())
        raise ConfigError("config.missing_endpoint")

    @property
    def state_path(self) -> Path:
        if self.state_dir:
            return Path(self.state_dir).expanduser()
        return Path(platformdirs.user_data_dir("paike", appauthor=False))

    def require_credentials(self) -> "Settings":
        """Return self after checking that the API can be called with these settings."""
        if not self.partner_id:
            raise ConfigError("config.missing_partner_id")
        if not self.partner_id.isdigit():
            raise ConfigError("config.bad_partner_id", value=self.partner_id)
        if not self.partner_key:
            raise ConfigError("config.missing_partner_key")
        endpoint = self.endpoint
        if not endpoint.startswith(("http://", "https://")):
            raise ConfigError("config.bad_base_url", value=endpoint)
        return self


_FIELD_TYPES = {item.name: item.type for item in fields(Settings)}


def load_settings(
    flags: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    config_path: str | os.PathLike[str] | None = None,
) -> Settings:
    """Merge file, environment and flags (in rising priority) into a :class:`Settings`.

    ``flags`` holds command-line values by setting name; ``None`` values are ignored.
    """
    environ = os.environ if environ is None else environ
    path = config_path or environ.get(f"{ENV_PREFIX}CONFIG")
    merged: dict[str, Any] = {}
    if path:
        merged.update(_read_config_file(Path(path)))
    merged.update(_read_environment(environ))
    merged.update({name: value for name, value in (flags or {}).items() if value is not None})
    settings = replace(Settings(), **_coerce(merged))
    _check_ranges(settings)
    return settings


def _read_config_file(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError("config.file_not_found", path=str(path))
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError("config.file_invalid", path=str(path), reason=str(error)) from None
    # A [paike] table is allowed so the file can be shared with other tools.
    data = data.get("paike", data)
    unknown = sorted(name for name in data if name not in _FIELD_TYPES)
    if unknown:
        raise ConfigError("config.unknown_key", path=str(path), keys=", ".join(unknown),
                          known=", ".join(name for name in _FIELD_TYPES if name != "partner_key") + ", partner_key")
    return dict(data)


def _read_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    values = {}
    for name in _FIELD_TYPES:
        raw = environ.get(f"{ENV_PREFIX}{name.upper()}")
        if raw not in (None, ""):
            values[name] = raw
    return values


# (low, high) bounds of numeric settings, both inclusive; None means unbounded.
RANGES: dict[str, tuple[float | None, float | None]] = {
    "connect_timeout": (0.1, 600),
    "read_timeout": (0.1, 3600),
    # The account's limit is 200 calls in any 10 seconds.
    "rate_limit_calls": (1, 200),
    "rate_limit_seconds": (0.1, 3600),
    "workers": (1, 64),
    "delete_guard_ratio": (0, 1),
    "delete_guard_min": (0, None),
}
PUBLISH_MODES = ("replace", "append", "sync")


def _check_ranges(settings: Settings) -> None:
    for name, (low, high) in RANGES.items():
        value = getattr(settings, name)
        if (low is not None and value < low) or (high is not None and value > high):
            expected = t("config.expected_range", low=low if low is not None else "-∞",
                         high=high if high is not None else "∞")
            raise ConfigError("config.bad_value", name=name, value=value, expected=expected)
    if settings.mode not in PUBLISH_MODES:
        expected = t("config.expected_choice", choices=" / ".join(PUBLISH_MODES))
        raise ConfigError("config.bad_value", name="mode", value=settings.mode, expected=expected)


def _coerce(values: dict[str, Any]) -> dict[str, Any]:
    coerced = {}
    for name, value in values.items():
        kind = _FIELD_TYPES[name]
        try:
            if kind == "float":
                coerced[name] = float(value)
            elif kind == "int":
                coerced[name] = int(value)
            else:
                coerced[name] = str(value).strip()
        except (TypeError, ValueError):
            expected = t(f"config.expected_{kind}")
            raise ConfigError("config.bad_value", name=name, value=value, expected=expected) from None
    return coerced
