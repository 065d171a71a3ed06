"""Translate click's usage errors into catalog messages.

click writes its own messages in English. The common ones are rebuilt here from the
exception's fields: a missing argument, an unknown option or command, and a value of the
wrong type or outside the choices. Anything else keeps click's text.
"""

from __future__ import annotations

import click

from pipeline.i18n import t


def describe_usage_error(error: click.UsageError) -> str:
    """Return a translated one-line description of ``error``."""
    if isinstance(error, click.exceptions.NoSuchOption):
        return _with_suggestion(t("cli.usage.no_such_option", name=error.option_name), error.possibilities)
    if isinstance(error, click.exceptions.NoSuchCommand):
        return _with_suggestion(t("cli.usage.no_such_command", name=error.command_name), error.possibilities)
    if isinstance(error, click.MissingParameter):
        return t("cli.usage.missing", name=_param_name(error))
    if isinstance(error, click.BadParameter) and error.param is not None:
        return t("cli.usage.bad_value", name=_param_name(error), expected=_expected(error.param, error))
    if isinstance(error, click.BadParameter) and error.param_hint:
        # Raised by a command itself, with a message that is already translated.
        return t("cli.usage.bad_value", name=error.param_hint, expected=error.message.rstrip("。."))
    return t("cli.usage_error", detail=error.format_message())


def _with_suggestion(message: str, possibilities) -> str:
    options = sorted(possibilities or ())
    if not options:
        return message
    return message + t("cli.usage.did_you_mean", options=" / ".join(options))


def _param_name(error: click.UsageError) -> str:
    param = getattr(error, "param", None)
    if param is None:
        return "-"
    if isinstance(param, click.Option):
        return " / ".join(param.opts)
    return param.human_readable_name


def _expected(param: click.Parameter, error: click.BadParameter) -> str:
    kind = param.type
    if isinstance(kind, click.Choice):
        return t("cli.usage.expected_choice", choices=" / ".join(str(choice) for choice in kind.choices))
    if isinstance(kind, (click.IntRange, click.FloatRange)):
        return t("cli.usage.expected_range", low=kind.min if kind.min is not None else "-∞",
                 high=kind.max if kind.max is not None else "∞")
    if kind is click.INT or isinstance(kind, click.types.IntParamType):
        return t("cli.usage.expected_int")
    if kind is click.FLOAT or isinstance(kind, click.types.FloatParamType):
        return t("cli.usage.expected_number")
    # Our own BadParameter messages are already translated; click's others are kept.
    return error.message.rstrip("。.")
