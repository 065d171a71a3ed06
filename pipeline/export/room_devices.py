"""The devices bound to rooms (教室设备): one row per room and device, from
``getRoomDeviceInfo``, with the zone's name joined in from ``listZone``."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipeline.client.api import ApiClient
from pipeline.errors import ApiError
from pipeline.export.cells import SheetWriter, Styles, WriteCounts, open_workbook
from pipeline.export.device_columns import Column, columns_for
from pipeline.export.devices import Zones, read_zones
from pipeline.export.files import refuse_existing, write_atomically
from pipeline.export.schedules import MISSING_ROOM_CODES
from pipeline.export.summary import CallCounter, ExportSummary
from pipeline.i18n import t

DEVICE_FIELDS = ("device_id", "device_unique", "zone_id", "zone_name", "class_name", "address", "user_role",
                 "use_type", "status")
ROOM_COLUMN_WIDTH = 18


def export_room_devices(
    client: ApiClient, room_ids: Iterable[str], destination: Path, *, overwrite: bool = False
) -> ExportSummary:
    """Write the devices bound to each room to ``destination``.

    A room without devices gets one row with a note. A room the API reports as
    missing or deleted gets one row with the API's message and is listed in
    ``skipped_rooms``; any other API failure raises and leaves no file.
    """
    destination = Path(destination)
    refuse_existing(destination, overwrite)
    calls = CallCounter(client)
    rooms = sorted(dict.fromkeys(str(room_id).strip() for room_id in room_ids))
    zones = read_zones(client)
    counts = WriteCounts()
    skipped: list[str] = []

    def write(path: Path) -> None:
        workbook = open_workbook(str(path))
        writer = SheetWriter.add_sheet(Styles(workbook), t("export.room_devices.sheet"), counts)
        columns = columns_for(DEVICE_FIELDS)
        writer.header(0, [t("export.room_devices.col.room_id")] + [column.title for column in columns],
                      [ROOM_COLUMN_WIDTH] + [column.width for column in columns])
        row = 0
        for room_id in rooms:
            row = _write_room(writer, row, client, room_id, columns, zones, skipped)
        writer.sheet.autofilter(0, 0, max(row, 1), len(columns))
        workbook.close()

    written = write_atomically(destination, write, overwrite)
    return ExportSummary(path=written, rows=counts.rows, calls=calls.total(), calls_by_endpoint=calls.by_endpoint(),
                         cleaned_cells=counts.cleaned, skipped_rooms=skipped)


def _write_room(writer: SheetWriter, row: int, client: ApiClient, room_id: str, columns: list[Column],
                zones: Zones, skipped: list[str]) -> int:
    """Write one room's rows after ``row``; return the last row written."""
    try:
        devices = client.room_devices(room_id)
    except ApiError as error:
        if error.code not in MISSING_ROOM_CODES:
            raise
        skipped.append(room_id)
        return _write_note(writer, row + 1, room_id, t("export.room_devices.room_missing", msg=error.msg))
    if not devices:
        return _write_note(writer, row + 1, room_id, t("export.room_devices.no_devices"))

    for device in devices:
        row += 1
        zone = zones.get(str(device.get("zone_id")))
        device["zone_name"] = zone.get("name") if zone else t("export.devices.zone_missing")
        writer.text(row, 0, room_id, writer.style("text", num_format="@"))
        for column_index, column in enumerate(columns, start=1):
            column.write(writer, row, column_index, device)
        writer.counts.rows += 1
    return row


def _write_note(writer: SheetWriter, row: int, room_id: str, note: str) -> int:
    writer.text(row, 0, room_id, writer.style("text", num_format="@"))
    writer.text(row, 1, note, writer.style("note", italic=True, font_color="#9C0006"))
    return row
