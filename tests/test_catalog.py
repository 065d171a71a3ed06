import string

from pipeline.i18n import set_language, t
from pipeline.i18n.catalog import MESSAGES


def placeholders(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_entry_has_both_languages():
    missing = [key for key, entry in MESSAGES.items() if not entry.get("zh") or not entry.get("en")]

    assert missing == []


def test_languages_share_placeholders():
    mismatched = [
        key for key, entry in MESSAGES.items() if placeholders(entry["zh"]) != placeholders(entry["en"])
    ]

    assert mismatched == []


def test_language_switch(monkeypatch):
    monkeypatch.setenv("PAIKE_LANG", "en")
    assert t("cli.level.error") == "error"

    set_language("zh")
    assert t("cli.level.error") == "错误"


def test_english_counts_of_one_are_singular():
    set_language("en")

    assert t("cli.check.counts", errors=1, warnings=11, detail="x") == "1 error, 11 warnings (x)."
    assert t("cli.check.ok", rooms=1, lessons=21) == "Check passed: 1 room, 21 lessons."
