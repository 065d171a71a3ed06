"""Shared fixtures: a clean environment for every test, and a real sandbox server."""

from __future__ import annotations

import logging

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
    # The CLI configures the package logger (level, handler); undo that after each test
    # so tests that read log records see the library's own behaviour.
    package_logger = logging.getLogger("pipeline")
    saved = (package_logger.level, list(package_logger.handlers), package_logger.propagate)
    yield
    set_language(None)
    package_logger.setLevel(saved[0])
    package_logger.handlers[:] = saved[1]
    package_logger.propagate = saved[2]
