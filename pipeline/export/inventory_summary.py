"""The 汇总 sheet of the device inventory: counts per zone and per city by role and
status, the devices never activated, and a bar chart of devices per zone.

Counts are kept per zone and city while the device rows are written, so memory grows
with the number of zones, not devices. The never-activated list is read back from the
export's spool file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pipeline.export.cells import SheetWriter, parse_date
from pipeline.export.device_columns import Device, code_word
from pipeline.i18n import t

# The chart shows at most this many zones, those with the most devices.
MAX_CHART_ZONES = 30
CHART_COLUMN = 10
SUMMARY_WIDTHS = (12, 26, 34, 16, 10, 10, 19, 12, 10)
COUNT_KEYS = ("total", "teachers", "students", "normal", "disabled", "never_activated")


@dataclass
class GroupCounts:
    """Devices of one zone or city, by role and status."""

    total: int = 0
    teachers: int = 0
    students: int = 0
    normal: int = 0
    disabled: int = 0
    never_activated: int = 0

    def add(self, device: Device, never_activated: bool) -> None:
        self.total += 1
        role, status = _code(device.get("user_role")), _code(device.get("status"))
        self.teachers += role == 1
        self.students += role == 0
        self.normal += status == 0
        self.disabled += status == 1
        self.never_activated += never_activated

    def values(self) -> list[int]:
        return [getattr(self, key) for key in COUNT_KEYS]


@dataclass
class InventoryTally:
    """Counts per zone id and per (province, city), filled device by device."""

    zones: dict[str, GroupCounts] = field(default_factory=dict)
    cities: dict[tuple[str, str], GroupCounts] = field(default_factory=dict)
    zones_of_city: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    devices: int = 0

    def add(self, device: Device, never_activated: bool) -> None:
        self.devices += 1
        zone = str(device.get("zone_id") or "")
        city = (str(device.get("province") or ""), str(device.get("city") or ""))
        self.zones.setdefault(zone, GroupCounts()).add(device, never_activated)
        self.cities.setdefault(city, GroupCounts()).add(device, never_activated)
        self.zones_of_city.setdefault(city, set()).add(zone)


@dataclass
class SummaryContext:
    """Facts about the export shown at the top of the sheet."""

    exported_at: dt.datetime
    scope: str
    notes: list[str]
    empty_message: str | None
    never_activated_count: int = 0


def write_summary_sheet(
    writer: SheetWriter,
    tally: InventoryTally,
    zones: Mapping[str, Mapping[str, Any]],
    never_activated: Iterable[Device],
    context: SummaryContext,
) -> None:
    """Write the whole 汇总 sheet, top to bottom (the sheet streams its rows)."""
    for column, width in enumerate(SUMMARY_WIDTHS):
        writer.sheet.set_column(column, column, width)
    row = _write_heading_block(writer, tally, context)
    if context.empty_message:
        writer.text(row + 1, 0, context.empty_message, writer.style("bold", bold=True))
        return

    zone_first_row, zone_rows = row + 3, len(tally.zones)
    row = _write_zone_table(writer, row + 1, tally, zones)
    _insert_zone_chart(writer, zone_first_row, min(zone_rows, MAX_CHART_ZONES))
    row = _write_city_table(writer, row + 1, tally)
    _write_never_activated(writer, row + 1, never_activated, context.never_activated_count, zones)


def _write_heading_block(writer: SheetWriter, tally: InventoryTally, context: SummaryContext) -> int:
    writer.text(0, 0, t("export.summary.title"), writer.style("title", bold=True, font_size=14))
    label = writer.style("label", bold=True)
    writer.text(1, 0, t("export.summary.exported_at"), label)
    writer.date(1, 1, context.exported_at.replace(microsecond=0))
    writer.text(2, 0, t("export.summary.scope"), label)
    writer.text(2, 1, context.scope)
    writer.text(3, 0, t("export.summary.device_count"), label)
    writer.number(3, 1, tally.devices)
    row = 4
    for note in context.notes:
        writer.text(row, 0, note, writer.style("note", font_color="#9C0006"))
        row += 1
    return row


def _write_section_title(writer: SheetWriter, row: int, title: str) -> None:
    writer.text(row, 0, title, writer.style("section", bold=True, font_size=12))


def _write_table_header(writer: SheetWriter, row: int, titles: list[str]) -> None:
    header = writer.style("table_header", bold=True, bg_color="#DDEBF7", border=1)
    for column, title in enumerate(titles):
        writer.text(row, column, title, header)


def _count_titles() -> list[str]:
    return [t(f"export.summary.col.{key}") for key in COUNT_KEYS]


def _write_zone_table(writer: SheetWriter, row: int, tally: InventoryTally, zones: Mapping[str, Mapping[str, Any]]) -> int:
    """Write the per-zone table from ``row``, most devices first; return the next free row."""
    _write_section_title(writer, row, t("export.summary.by_zone"))
    titles = [t("export.devices.col.zone_id"), t("export.devices.col.zone_name"), t("export.devices.col.city")]
    _write_table_header(writer, row + 1, titles + _count_titles())
    row += 2
    ordered = sorted(tally.zones.items(), key=lambda item: (-item[1].total, _sort_key(item[0])))
    cities = _cities_by_zone(tally)
    for zone_id, counts in ordered:
        zone = zones.get(zone_id)
        writer.number(row, 0, zone_id)
        writer.text(row, 1, zone.get("name") if zone else t("export.devices.zone_missing"))
        writer.text(row, 2, "、".join(sorted(cities.get(zone_id, ()))))
        for column, value in enumerate(counts.values(), start=3):
            writer.number(row, column, value)
        row += 1
    return row


def _write_city_table(writer: SheetWriter, row: int, tally: InventoryTally) -> int:
    _write_section_title(writer, row, t("export.summary.by_city"))
    titles = [t("export.devices.col.province"), t("export.devices.col.city"), t("export.summary.col.zones")]
    _write_table_header(writer, row + 1, titles + _count_titles())
    row += 2
    for (province, city), counts in sorted(tally.cities.items()):
        writer.text(row, 0, province)
        writer.text(row, 1, city)
        writer.number(row, 2, len(tally.zones_of_city[(province, city)]))
        for column, value in enumerate(counts.values(), start=3):
            writer.number(row, column, value)
        row += 1
    return row


def _write_never_activated(
    writer: SheetWriter, row: int, devices: Iterable[Device], count: int, zones: Mapping[str, Mapping[str, Any]]
) -> None:
    if count == 0:
        _write_section_title(writer, row, t("export.summary.none_never_activated"))
        return
    _write_section_title(writer, row, t("export.summary.never_activated", count=count))
    fields = ("device_id", "zone_name", "device_unique", "class_name", "user_role", "status", "create_time",
              "install_date")
    _write_table_header(writer, row + 1, [t(f"export.devices.col.{name}") for name in fields])
    row += 2
    for device in devices:
        zone = zones.get(str(device.get("zone_id")))
        writer.number(row, 0, device.get("device_id"))
        writer.text(row, 1, zone.get("name") if zone else t("export.devices.zone_missing"))
        writer.text(row, 2, device.get("device_unique"))
        writer.text(row, 3, device.get("class_name"))
        writer.text(row, 4, code_word("user_role", device.get("user_role")))
        writer.text(row, 5, code_word("status", device.get("status")))
        for column, name in ((6, "create_time"), (7, "install_date")):
            writer.date(row, column, parse_date(device.get(name)), raw=device.get(name))
        row += 1


def _insert_zone_chart(writer: SheetWriter, first_row: int, zone_count: int) -> None:
    if zone_count == 0:
        return
    sheet_name = writer.sheet.get_name()
    last_row = first_row + zone_count - 1
    chart = writer.workbook.add_chart({"type": "bar"})
    chart.add_series({
        "name": t("export.summary.col.total"),
        "categories": [sheet_name, first_row, 1, last_row, 1],
        "values": [sheet_name, first_row, 3, last_row, 3],
        "data_labels": {"value": True},
        "fill": {"color": "#5B9BD5"},
    })
    title_key = "export.summary.chart_title" if zone_count < MAX_CHART_ZONES else "export.summary.chart_title_top"
    chart.set_title({"name": t(title_key, count=zone_count), "name_font": {"size": 12}})
    # Bar charts draw the first category at the bottom; reversed, the largest zone is on top.
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"none": True})
    chart.set_size({"width": 640, "height": 120 + 22 * zone_count})
    writer.sheet.insert_chart(1, CHART_COLUMN, chart)


def _cities_by_zone(tally: InventoryTally) -> dict[str, set[str]]:
    """Return zone id -> the "province city" names its devices report (normally one)."""
    cities: dict[str, set[str]] = {}
    for city, zone_ids in tally.zones_of_city.items():
        name = " ".join(part for part in city if part)
        for zone_id in zone_ids:
            if name:
                cities.setdefault(zone_id, set()).add(name)
    return cities


def _sort_key(zone_id: str) -> tuple[int, str]:
    return (int(zone_id), "") if zone_id.isdigit() else (1 << 62, zone_id)


def _code(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None

