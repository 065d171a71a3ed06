"""Message catalog lookup: every user-facing string goes through :func:`t`.

The language is Simplified Chinese unless ``--lang en`` or ``PAIKE_LANG=en`` chooses
English. The CLI calls :func:`set_language` once; library code only calls :func:`t`.
"""

from __future__ import annotations

import os
import re

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
    language = current_language()
    entry = MESSAGES[key]
    template = entry.get(language) or entry["zh"]
    text = template.format(**params) if params else template
    return _english_singulars(text) if language == "en" and params else text


# English templates count things with a plural noun ("{rooms} rooms"); a count of one
# takes the singular. Chinese needs no such change.
_ONE_OF_PLURAL = re.compile(r"\b(?<![.,])1 (error|warning|room|lesson|file|run|device|call|problem)s\b")


def _english_singulars(text: str) -> str:
    return _ONE_OF_PLURAL.sub(r"1 \1", text)


def has_message(key: str) -> bool:
    return key in MESSAGES
