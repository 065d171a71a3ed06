"""The command line itself: help for every command, translated usage errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from fixtures.cli_runner import run_paike

from pipeline.cli.app import COMMAND_MODULES

COMMANDS = list(COMMAND_MODULES)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_command_has_help(command, lang):
    result = run_paike(command, "--help", lang=lang)

    assert result.code == 0, result.text
    if lang == "zh":
        assert "用法：" in result.out
        assert "Show this message" not in result.out
    else:
        assert "Usage:" in result.out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("publish",), "缺少 PATHS"),
        (("publish", "x.xlsx", "--nope"), "没有这个选项：--nope"),
        (("nope",), "没有这个命令：nope"),
        (("undo", "abc"), "RUN_ID 的值无效：应当是整数"),
        (("publish", "x.xlsx", "--mode", "fast"), "应当是 replace / append / sync 之一"),
        (("sandbox", "--port", "99999"), "应当在 0 到 65535 之间"),
    ],
)
def test_usage_errors_in_chinese(args, expected):
    result = run_paike(*args)

    assert result.code == 2
    assert expected in result.err


def test_bare_command_prints_help():
    result = run_paike()

    assert result.code == 0
    assert "命令" in result.out
    assert "check" in result.out


def test_lang_option_after_the_command():
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline", "publish", "--lang", "en", "--nope"],
        capture_output=True, text=True, timeout=60,
    )

    assert completed.returncode == 2
    assert "No such option: --nope" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_json_failure_still_prints_an_object(tmp_path):
    config = tmp_path / "paike.toml"
    config.write_text("workers = 0\n", encoding="utf-8")

    result = run_paike("--config", config, "check", tmp_path / "x.xlsx", "--json")

    assert result.code == 2
    data = json.loads(result.out)
    assert data["ok"] is False
    assert data["error"]["kind"] == "config"
    assert "workers" in data["error"]["message"]


def test_file_in_place_of_folder_is_named(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")

    result = run_paike("template", "-o", blocker / "sub")

    assert result.code == 2
    assert "是文件而不是文件夹" in result.err
