"""The columns of the 设备清单 sheet: header, width, and how each cell is written.

Values come from ``listDevice`` as the API sends them, so each writer accepts odd ones.
``None`` or empty text leaves a blank cell, and an unknown code is shown as 未知（value）.
Text that is not a date stays text. ``class_spot`` may be a list, a JSON text, a single
address or nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pipeline.export.cells import SheetWriter, parse_date
from pipeline.i18n import has_message, t

# More site photos than this go, as text, into the last photo column.
MAX_SPOT_COLUMNS = 10
PHOTO_COLUMN_WIDTH = 11

# A device as written: the listDevice fields plus "zone_name" and, with activation
# lookups, "activation" (a record dict, None when never activated, or an ActivationFailure).
Device = dict[str, Any]
CellWriter = Callable[[SheetWriter, int, int, Device], None]


@dataclass(frozen=True)
class ActivationFailure:
    """The API refused the activation lookup of one device; ``msg`` is its reason."""

    msg: str


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    write: CellWriter


def code_word(kind: str, value: Any) -> str | None:
    """Return the word for a code (``user_role``, ``use_type``, ``status``); None when blank."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    code = value.strip() if isinstance(value, str) else value
    key = f"export.devices.{kind}.{code}"
    if has_message(key):
        return t(key)
    return t("export.devices.code_unknown", value=value)


def spot_photos(value: Any) -> list[str]:
    """Return the site-photo addresses of ``class_spot``, whatever shape it came in."""
    if value is None:
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                return spot_photos(json.loads(text))
            except ValueError:
                return [text]
        return [text] if text else []
    if isinstance(value, list | tuple):
        return [str(item).strip() for item in value if item is not None and str(item).strip()]
    return [str(value)]


def _number(field: str) -> CellWriter:
    return lambda writer, row, column, device: writer.number(row, column, device.get(field))


def _text(field: str) -> CellWriter:
    return lambda writer, row, column, device: writer.text(row, column, device.get(field))


def _code(field: str) -> CellWriter:
    return lambda writer, row, column, device: writer.text(row, column, code_word(field, device.get(field)))


def _date(field: str) -> CellWriter:
    def write(writer: SheetWriter, row: int, column: int, device: Device) -> None:
        raw = device.get(field)
        writer.date(row, column, parse_date(raw), raw=raw)

    return write


def _link(field: str) -> CellWriter:
    return lambda writer, row, column, device: writer.link(row, column, device.get(field), t("export.devices.open_photo"))


def _spot(position: int, last: bool) -> CellWriter:
    def write(writer: SheetWriter, row: int, column: int, device: Device) -> None:
        photos = spot_photos(device.get("class_spot"))
        if position >= len(photos):
            return
        if last and len(photos) > position + 1:
            writer.text(row, column, "\n".join(photos[position:]))
        else:
            writer.link(row, column, photos[position], t("export.devices.open_photo"))

    return write


def _activation_time(writer: SheetWriter, row: int, column: int, device: Device) -> None:
    record = device.get("activation")
    if isinstance(record, ActivationFailure):
        writer.text(row, column, t("export.devices.activation_failed", msg=record.msg))
    elif record is None:
        writer.text(row, column, t("export.devices.never_activated"))
    else:
        raw = record.get("activate_time")
        writer.date(row, column, parse_date(raw), raw=raw)


def _activation_length(writer: SheetWriter, row: int, column: int, device: Device) -> None:
    record = device.get("activation")
    if isinstance(record, dict):
        writer.number(row, column, record.get("activate_length"))


# (field, width, writer factory), in sheet order.
BASE_COLUMNS = (
    ("device_id", 9, _number),
    ("device_unique", 36, _text),
    ("zone_id", 8, _number),
    ("zone_name", 24, _text),
    ("province", 8, _text),
    ("city", 8, _text),
    ("user_role", 6, _code),
    ("class_name", 18, _text),
    ("address", 36, _text),
    ("max_user", 9, _number),
    ("use_type", 13, _code),
    ("status", 6, _code),
    ("create_time", 19, _date),
    ("install_date", 11, _date),
    ("first_active_date", 13, _date),
    ("confirm_pic", PHOTO_COLUMN_WIDTH, _link),
)


def columns_for(fields: tuple[str, ...]) -> list[Column]:
    """Return the columns of these ``listDevice`` fields, in the order given."""
    known = {field: (width, make) for field, width, make in BASE_COLUMNS}
    return [Column(t(f"export.devices.col.{field}"), known[field][0], known[field][1](field)) for field in fields]


def device_columns(spot_columns: int, with_activation: bool) -> list[Column]:
    """Return the 设备清单 columns with this many site-photo columns."""
    columns = columns_for(tuple(field for field, _width, _make in BASE_COLUMNS))
    spot_columns = min(spot_columns, MAX_SPOT_COLUMNS)
    for position in range(spot_columns):
        title = t("export.devices.col.class_spot", number=position + 1)
        columns.append(Column(title, PHOTO_COLUMN_WIDTH, _spot(position, last=position == spot_columns - 1)))
    if with_activation:
        # NOTE: the vendor's document gives no unit for activate_length, so the header names none.
        columns.append(Column(t("export.devices.col.activate_time"), 19, _activation_time))
        columns.append(Column(t("export.devices.col.activate_length"), 10, _activation_length))
    return columns


def is_never_activated(device: Device) -> bool:
    """Return True when neither the device nor its activation lookup shows an activation."""
    record = device.get("activation")
    if isinstance(record, dict):
        return False
    first_active = device.get("first_active_date")
    return parse_date(first_active) is None
