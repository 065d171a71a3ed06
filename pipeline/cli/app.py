"""Builds the click command tree and runs it with paike's error handling."""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from typing import Any

import click

from pipeline.cli import EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE
from pipeline.cli.output import print_error, print_json, stdout
from pipeline.cli.usage_errors import describe_usage_error
from pipeline.config import Settings, load_settings
from pipeline.errors import ApiError, ConfigError, InputFileError, PaikeError
from pipeline.i18n import t

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

# Command name -> the module under pipeline.cli that registers it, in the order --help
# lists them. A module is imported only when one of its commands runs, so `paike export`
# does not pay for pandas and `paike --help` stays quick.
COMMAND_MODULES = {
    "check": "check",
    "plan": "publish",
    "publish": "publish",
    "history": "history",
    "undo": "history",
    "clear": "history",
    "export": "export",
    "watch": "watch",
    "batch": "watch",
    "template": "template",
    "sandbox": "sandbox",
    "demo": "demo",
}


class TranslatedFormatter(click.HelpFormatter):
    """Writes click's help headings (usage, options, commands) from the catalog."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix=t("cli.help.usage_prefix"))

    def section(self, name: str):
        titles = {"Options": t("cli.help.options_title"), "Commands": t("cli.help.commands_title")}
        return super().section(titles.get(name, name))


class PaikeContext(click.Context):
    formatter_class = TranslatedFormatter


class TranslatedHelpMixin:
    """Gives the --help option and the help headings catalog texts instead of click's."""

    context_class = PaikeContext

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = t("cli.help.help")
        return option


class PaikeCommand(TranslatedHelpMixin, click.Command):
    pass


class PaikeGroup(TranslatedHelpMixin, click.Group):
    command_class = PaikeCommand


PaikeGroup.group_class = PaikeGroup


class LazyGroup(PaikeGroup):
    """A click group that imports a command's module the first time it is needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module_name = COMMAND_MODULES.get(name)
        if module_name is None:
            return None
        if name not in self.commands:
            module = importlib.import_module(f"pipeline.cli.{module_name}")
            module.register(self)
        command = self.commands.get(name)
        if command is not None and command.short_help is None and command.help:
            command.short_help = first_sentence(command.help)
        return command


def first_sentence(text: str) -> str:
    """Return the first sentence of a help text, for the command list.

    click shortens help at word boundaries, which a Chinese sentence has none of.
    """
    for end in ("。", ". "):
        if end in text:
            return text.split(end, 1)[0] + end.strip()
    return text


@dataclass
class CliState:
    """Global flags, kept until a command needs settings."""

    config_path: str | None = None
    flags: dict[str, Any] = field(default_factory=dict)

    def settings(self, **overrides: Any) -> Settings:
        return load_settings({**self.flags, **overrides}, config_path=self.config_path)


def build_cli() -> click.Group:
    """Return the ``paike`` group with every command registered."""

    @click.group(cls=LazyGroup, context_settings=CONTEXT_SETTINGS, help=t("cli.help.main"))
    @click.option("--lang", type=click.Choice(["zh", "en"]), help=t("cli.help.lang"))
    @click.option("--config", "config_path", type=click.Path(dir_okay=False), help=t("cli.help.config"))
    @click.option("--base-url", help=t("cli.help.base_url"))
    @click.option("--partner-id", help=t("cli.help.partner_id"))
    @click.option("--private-domain", help=t("cli.help.private_domain"))
    @click.option("--state-dir", type=click.Path(file_okay=False), help=t("cli.help.state_dir"))
    @click.option("-v", "--verbose", is_flag=True, help=t("cli.help.verbose"))
    @click.version_option(package_name="paike", message="paike %(version)s", help=t("cli.help.version"))
    @click.pass_context
    def cli(ctx: click.Context, lang, config_path, base_url, partner_id, private_domain, state_dir, verbose) -> None:
        _configure_logging(verbose)
        state = CliState(
            config_path=config_path,
            flags={
                "base_url": base_url,
                "partner_id": partner_id,
                "private_domain": private_domain,
                "state_dir": state_dir,
            },
        )
        # Read the settings once now, so a mistake in them is reported by every command.
        state.settings()
        ctx.obj = state

    return cli


def run(cli: click.Group, args: list[str]) -> int:
    """Run the command tree; return the exit code. No traceback reaches the user.

    With ``--json`` a failure also prints ``{"ok": false, "error": {...}}`` on stdout,
    so a calling program always has one object to read.
    """
    code, failure = _run(cli, args)
    if failure is not None:
        kind, message = failure
        print_error(message)
        if "--json" in args:
            print_json({"ok": False, "error": {"kind": kind, "message": message}})
    return code


def _run(cli: click.Group, args: list[str]) -> tuple[int, tuple[str, str] | None]:
    """Run the command; return its exit code and, on failure, (kind, message)."""
    try:
        result = cli.main(args=args, prog_name="paike", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code, None
    except click.exceptions.NoArgsIsHelpError as error:
        stdout.print(error.ctx.get_help(), markup=False, highlight=False)
        return EXIT_OK, None
    except click.Abort:
        # click turns Ctrl-C (and end of input at a prompt) into Abort.
        return EXIT_USAGE, ("interrupted", t("cli.interrupted"))
    except click.UsageError as error:
        message = describe_usage_error(error)
        if error.ctx is not None:
            message += "\n" + t("cli.usage_hint", command=error.ctx.command_path)
        return EXIT_USAGE, ("usage", message)
    except click.ClickException as error:
        return error.exit_code, ("usage", error.format_message())
    except ConfigError as error:
        return EXIT_USAGE, ("config", error.message)
    except InputFileError as error:
        return EXIT_INVALID_INPUT, ("input", error.message)
    except ApiError as error:
        # Only a failure of the whole account or server reaches here; room failures
        # are results, not exceptions.
        return EXIT_USAGE, ("api", t("api.account_failed", message=error.message))
    except PaikeError as error:
        return EXIT_USAGE, ("error", error.message)
    except OSError as error:
        # A folder or file paike was asked to write cannot be written (missing parent,
        # a file in the way, no permission, disk full).
        return EXIT_USAGE, ("os", describe_os_error(error))
    except KeyboardInterrupt:
        return 130, ("interrupted", t("cli.interrupted"))
    return (result if isinstance(result, int) else EXIT_OK), None


def describe_os_error(error: OSError) -> str:
    """Return a catalog message for a file-system error, naming the path."""
    path = error.filename or "-"
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        return t("cli.not_a_folder", path=path)
    return t("cli.os_error", path=path, reason=error.strerror or str(error))


def _configure_logging(verbose: bool) -> None:
    """Send library log lines to stderr: errors by default, every API call with -v.

    Retries and failed rooms are part of each command's printed result, so their
    (English) warning lines would only repeat it.
    """
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("pipeline")
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO if verbose else logging.ERROR)
    root.propagate = False
