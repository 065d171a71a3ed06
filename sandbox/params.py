"""Typed, strict reading of an endpoint's form parameters.

Every reader raises a 1001 :class:`~sandbox.refusals.Refusal` that names the parameter,
as a strict server does for a missing or malformed value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from sandbox.refusals import invalid, missing

DIGITS = re.compile(r"[0-9]+")
# A room number is an integer id: digits without a leading zero.
ROOM_NUMBER = re.compile(r"[1-9][0-9]*")
MAX_PAGE_SIZE = 1000
# Ids are stored as SQLite integers, which hold at most 19 digits.
MAX_ID_DIGITS = 18


class Params:
    """The parameters of one call, minus the common ``partner_id``/``timestamp``/``sign``."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self.values = dict(values)

    def has(self, name: str) -> bool:
        return name in self.values

    def text(self, name: str, *, required: bool = True, max_length: int | None = None) -> str | None:
        """Return the value; a required one must be sent and not blank."""
        value = self.values.get(name)
        if value is None:
            if required:
                raise missing(name)
            return None
        if required and not value.strip():
            raise invalid(name, "不能为空")
        if max_length is not None and len(value) > max_length:
            raise invalid(name, f"长度不能超过 {max_length} 个字符")
        return value

    def integer(self, name: str, *, required: bool = True) -> int | None:
        """Return a non-negative integer parameter written in decimal digits."""
        value = self.values.get(name)
        if value is None:
            if required:
                raise missing(name)
            return None
        return parse_id(name, value)

    def choice(self, name: str, allowed: tuple[int, ...], *, required: bool = True) -> int | None:
        number = self.integer(name, required=required)
        if number is not None and number not in allowed:
            shown = "、".join(str(option) for option in allowed)
            raise invalid(name, f"只能是 {shown}")
        return number

    def room_id(self, name: str = "room_id") -> str:
        """Return the room number as canonical digits (existence is checked elsewhere)."""
        value = self.values.get(name)
        if value is None:
            raise missing(name)
        return parse_room_number(name, value)

    def id_list(self, name: str) -> list[int]:
        """Return the ids of a comma-separated list such as ``"123, 456"``, in order, once each."""
        value = self.text(name)
        ids = [parse_id(name, item.strip()) for item in value.split(",")]
        return list(dict.fromkeys(ids))

    def room_list(self, name: str) -> list[str]:
        """Return the room numbers of a comma-separated list, in order, once each."""
        value = self.text(name)
        rooms = [parse_room_number(name, item.strip()) for item in value.split(",")]
        return list(dict.fromkeys(rooms))

    def page(self) -> tuple[int, int]:
        """Return ``(page, page_size)``: page from 1, page_size from 1 to 1000."""
        page = self.integer("page")
        page_size = self.integer("page_size")
        if page < 1:
            raise invalid("page", "页码从 1 开始")
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise invalid("page_size", f"每页条数应在 1 到 {MAX_PAGE_SIZE} 之间")
        return page, page_size


def parse_id(name: str, value: str) -> int:
    if not DIGITS.fullmatch(value):
        raise invalid(name, f"“{value}”不是整数")
    if len(value.lstrip("0")) > MAX_ID_DIGITS:
        raise invalid(name, f"“{value}”超出范围")
    return int(value)


def parse_room_number(name: str, value: str) -> str:
    if not ROOM_NUMBER.fullmatch(value) or len(value) > MAX_ID_DIGITS:
        raise invalid(name, f"“{value}”不是有效的教室号，教室号应为纯数字")
    return value
