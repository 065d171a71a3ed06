"""Message catalog lookup: every user-facing string goes through :func:`t`.

The language is Simplified Chinese unless ``--lang en`` or ``PAIKE_LANG=en`` chooses
English. The CLI calls :func:`set_language` once; library code only calls :func:`t`.
"""

from __future__ import annotations

import os

from pipeline.i18n.catalog import MESSAGES

SUPPORTED_LANGUAGES = ("zh", "en")
_chosen_language: str | None = None


def set_language(language: str | None) -> None:
    """Choose the output language for this process (``None`` falls back to PAIKE_LANG)."""
    global _chosen_language
    _chosen_language = normalize_language(language) if language else None


def normalize_language(language: str) -> str:
    """Map spellings such as ``en_US.UTF-8`` or ``zh-CN`` to ``en`` or ``zh``."""
    lowered = language.strip().lower()
    return "en" if lowered.startswith("en") else "zh"


def current_language() -> str:
    if _chosen_language:
        return _chosen_language
    return normalize_language(os.environ.get("PAIKE_LANG", "zh") or "zh")


def t(key: str, /, **params: object) -> str:
    """Render catalog entry ``key`` in the current language with ``params`` filled in."""
    entry = MESSAGES[key]
    template = entry.get(current_language()) or entry["zh"]
    return template.format(**params) if params else template


def has_message(key: str) -> bool:
    return key in MESSAGES
