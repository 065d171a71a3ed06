"""``paike demo``: the main job end to end on the built-in sandbox, with no setup.

It starts the sandbox on a free loopback port, checks every sample workbook, shows the
error report of the ones with mistakes, publishes the others, reads every room back
with ``getAllSchedule`` and writes the read-back to ``out/`` as a workbook.
"""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

import click

import pipeline
from pipeline.checking import check_files, is_report_file, write_reports
from pipeline.cli import EXIT_OK, EXIT_ROOMS_FAILED
from pipeline.cli.output import stdout
from pipeline.cli.problems_view import count_line, print_problems
from pipeline.cli.publish import execute, print_results
from pipeline.client.api import ApiClient
from pipeline.config import Settings
from pipeline.errors import InputFileError
from pipeline.export.schedules import write_schedules_workbook
from pipeline.i18n import t
from pipeline.loading import SUPPORTED_SUFFIXES
from pipeline.publishing.publisher import PublishOptions


def register(cli: click.Group) -> None:
    @cli.command("demo", help=t("cli.help.demo"))
    @click.option("--samples", "samples_dir", type=click.Path(file_okay=False), help=t("cli.help.demo_samples"))
    @click.option("-o", "--output-dir", type=click.Path(file_okay=False), default="out", show_default=True,
                  help=t("cli.help.demo_out"))
    def demo(samples_dir, output_dir) -> int:
        samples = _find_samples(samples_dir)
        out = Path(output_dir)
        out.mkdir(parents=True, exist_ok=True)
        from sandbox.server import SandboxOptions, start_sandbox

        with tempfile.TemporaryDirectory(prefix="paike-demo-") as state_dir, \
                start_sandbox(SandboxOptions(partner_id=_demo_partner_id(), partner_key=secrets.token_urlsafe(32))) as box:
            stdout.print(t("cli.demo.sandbox_started", url=box.base_url, rooms=len(box.rooms)))
            settings = Settings(partner_id=box.partner_id, partner_key=box.partner_key,
                                base_url=box.base_url, state_dir=state_dir)
            return _run(settings, samples, out)


def _demo_partner_id() -> str:
    # Fresh credentials each run, so the demo never uses a real account's settings.
    return str(secrets.randbelow(90_000_000) + 10_000_000)


def _find_samples(samples_dir: str | None) -> list[Path]:
    candidates = [Path(samples_dir)] if samples_dir else [
        Path.cwd() / "samples",
        Path(pipeline.__file__).resolve().parent.parent / "samples",
    ]
    for folder in candidates:
        files = sorted(
            path for path in folder.glob("*")
            if path.suffix.lower() in SUPPORTED_SUFFIXES and not is_report_file(path)
        )
        if files:
            return files
    raise InputFileError("cli.demo.no_samples", path=str(candidates[0]))


def _run(settings: Settings, samples: list[Path], out: Path) -> int:
    clean, faulty = [], []
    for sample in samples:
        outcome = check_files([sample])
        (clean if outcome.ok else faulty).append(sample)

    for sample in faulty:
        outcome = check_files([sample])
        stdout.rule(t("cli.demo.faulty_heading", file=sample.name))
        print_problems(outcome.result.errors)
        stdout.print(count_line(outcome.result.problems))
        for report in write_reports(outcome, out):
            stdout.print(t("cli.check.report_written", path=report))

    stdout.rule(t("cli.demo.publish_heading", files=", ".join(sample.name for sample in clean)))
    outcome = check_files(clean)
    run = execute(settings, outcome, PublishOptions(workers=settings.workers), quiet=False)
    print_results(run.results)

    lessons_by_room = outcome.result.lessons_by_room()
    client = ApiClient(settings)
    try:
        read_back = {room_id: client.get_all_schedule(room_id) for room_id in lessons_by_room}
    finally:
        client.close()
    path = write_schedules_workbook(read_back, out / "回读课表.xlsx", overwrite=True)

    published = sum(len(lessons) for lessons in lessons_by_room.values())
    returned = sum(len(lessons) for lessons in read_back.values())
    matches = all(read_back[room] == sorted(lessons) for room, lessons in lessons_by_room.items())
    stdout.rule(t("cli.demo.summary_heading"))
    stdout.print(t("cli.demo.summary", rooms=len(lessons_by_room), published=published, returned=returned,
                   result=t("cli.demo.match" if matches else "cli.demo.mismatch")))
    stdout.print(t("cli.demo.readback_written", path=path))
    return EXIT_OK if matches and run.ok else EXIT_ROOMS_FAILED
