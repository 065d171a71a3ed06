"""Shared fixtures: a clean environment for every test, and a real sandbox server."""

from __future__ import annotations

import pytest

from pipeline.i18n import set_language


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    """Strip PAIKE_* variables so a developer's own settings never leak into a test."""
    import os

    for name in list(os.environ):
        if name.startswith("PAIKE_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("PAIKE_STATE_DIR", str(tmp_path / "state"))
    set_language(None)
    yield
    set_language(None)
