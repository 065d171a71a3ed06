"""``paike template``: write the import template workbook."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli import EXIT_OK
from pipeline.cli.output import stdout
from pipeline.i18n import t


def register(cli: click.Group) -> None:
    @cli.command("template", help=t("cli.help.template"))
    @click.option("-o", "--output-dir", type=click.Path(file_okay=False), default="templates",
                  show_default=True, help=t("cli.help.template_dir"))
    def template(output_dir) -> int:
        from pipeline.template import write_template

        path = write_template(Path(output_dir))
        stdout.print(t("cli.template.written", path=path))
        return EXIT_OK
