"""Builds the click command tree and runs it with paike's error handling."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import click

from pipeline.cli import EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE
from pipeline.cli.output import print_error
from pipeline.config import Settings, load_settings
from pipeline.errors import ConfigError, InputFileError, PaikeError
from pipeline.i18n import t

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@dataclass
class CliState:
    """Global flags, kept until a command needs settings."""

    config_path: str | None = None
    flags: dict[str, Any] = field(default_factory=dict)

    def settings(self, **overrides: Any) -> Settings:
        return load_settings({**self.flags, **overrides}, config_path=self.config_path)


def build_cli() -> click.Group:
    """Return the ``paike`` group with every command registered."""

    @click.group(context_settings=CONTEXT_SETTINGS, help=t("cli.help.main"))
    @click.option("--lang", type=click.Choice(["zh", "en"]), help=t("cli.help.lang"))
    @click.option("--config", "config_path", type=click.Path(dir_okay=False), help=t("cli.help.config"))
    @click.option("--base-url", help=t("cli.help.base_url"))
    @click.option("--partner-id", help=t("cli.help.partner_id"))
    @click.option("--private-domain", help=t("cli.help.private_domain"))
    @click.option("--state-dir", type=click.Path(file_okay=False), help=t("cli.help.state_dir"))
    @click.option("-v", "--verbose", is_flag=True, help=t("cli.help.verbose"))
    @click.version_option(package_name="paike", message="paike %(version)s")
    @click.pass_context
    def cli(ctx: click.Context, lang, config_path, base_url, partner_id, private_domain, state_dir, verbose) -> None:
        _configure_logging(verbose)
        ctx.obj = CliState(
            config_path=config_path,
            flags={
                "base_url": base_url,
                "partner_id": partner_id,
                "private_domain": private_domain,
                "state_dir": state_dir,
            },
        )

    from pipeline.cli import check, demo, export, history, publish, sandbox, template, watch

    for module in (check, publish, history, sandbox, demo, template, watch, export):
        module.register(cli)
    return cli


def run(cli: click.Group, args: list[str]) -> int:
    """Run the command tree; return the exit code. No traceback reaches the user."""
    try:
        result = cli.main(args=args, prog_name="paike", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.Abort:
        print_error(t("cli.aborted"))
        return EXIT_USAGE
    except click.UsageError as error:
        print_error(t("cli.usage_error", detail=error.format_message()))
        if error.ctx is not None:
            print_error(t("cli.usage_hint", command=error.ctx.command_path))
        return EXIT_USAGE
    except click.ClickException as error:
        print_error(error.format_message())
        return error.exit_code
    except ConfigError as error:
        print_error(error.message)
        return EXIT_USAGE
    except InputFileError as error:
        print_error(error.message)
        return EXIT_INVALID_INPUT
    except PaikeError as error:
        print_error(error.message)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print_error(t("cli.interrupted"))
        return 130
    return result if isinstance(result, int) else EXIT_OK


def _configure_logging(verbose: bool) -> None:
    """Send library log lines to stderr: warnings by default, every API call with -v."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("pipeline")
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    root.propagate = False
