"""The device inventory workbook: 设备清单 (one row per device, its zone's name joined in)
and 汇总 (counts per zone and city, devices never activated, a chart).

The steps: read every zone, read every device page into a spool file (see
:mod:`pipeline.client.pagination`), then stream the rows into the workbook in batches,
looking up activations batch by batch when asked. Memory use is one batch of devices
plus the per-zone counts, whatever the size of the inventory.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pipeline.client.api import ApiClient
from pipeline.client.pagination import PagedRows
from pipeline.errors import PaikeError
from pipeline.export.activation import ActivationLookup, ProgressCallback
from pipeline.export.cells import SheetWriter, Styles, WriteCounts, open_workbook
from pipeline.export.device_columns import Device, device_columns, is_never_activated
from pipeline.export.files import refuse_existing, write_atomically
from pipeline.export.inventory_summary import InventoryTally, SummaryContext, write_summary_sheet
from pipeline.export.summary import CallCounter, ExportSummary
from pipeline.i18n import t

BATCH_SIZE = 1000
# Activation lookups in flight at once; the client's rate limiter still caps the pace.
ACTIVATION_WORKERS = 4
SPOT_COUNT_SQL = (
    "SELECT COALESCE(MAX(CASE json_type(body, '$.class_spot') WHEN 'array' THEN json_array_length(body, '$.class_spot')"
    " WHEN 'text' THEN 1 ELSE 0 END), 0) FROM rows"
)
NEVER_ACTIVATED_SQL = "SELECT rows.body FROM rows JOIN never_activated USING (id) ORDER BY rows.seq"

Zones = dict[str, dict[str, Any]]


def export_device_inventory(
    client: ApiClient,
    destination: Path,
    *,
    zone_id: int | None = None,
    with_activation: bool = False,
    overwrite: bool = False,
    on_progress: ProgressCallback | None = None,
    workers: int = ACTIVATION_WORKERS,
) -> ExportSummary:
    """Write the device inventory of the account (or of one zone) to ``destination``.

    Raises PaikeError ``export.exists`` before any call when the file exists and
    ``overwrite`` is false, ``export.no_such_zone`` for an unknown ``zone_id``,
    PaginationError when the device list never added up, and ApiError when the API
    fails after retries. On any error no file is left behind.
    """
    destination = Path(destination)
    refuse_existing(destination, overwrite)
    calls = CallCounter(client)
    zones = read_zones(client)
    if zone_id is not None and str(zone_id) not in zones:
        raise PaikeError("export.no_such_zone", zone_id=zone_id)

    with client.list_devices(zone_id) as devices:
        lookup = ActivationLookup(client, len(devices), workers, on_progress) if with_activation else None
        inventory = InventoryWorkbook(devices, zones, zone_id, lookup)
        try:
            write_atomically(destination, inventory.write, overwrite)
        finally:
            if lookup:
                lookup.close()

    return ExportSummary(
        path=destination,
        rows=inventory.counts.rows,
        calls=calls.total(),
        calls_by_endpoint=calls.by_endpoint(),
        cleaned_cells=inventory.counts.cleaned,
        links_as_text=inventory.counts.links_as_text,
        failed_activations=lookup.failures if lookup else 0,
    )


def read_zones(client: ApiClient) -> Zones:
    """Return every zone by its id as text."""
    with client.list_zones() as rows:
        return {str(zone.get("zone_id")): zone for zone in rows}


class InventoryWorkbook:
    """Writer of the two sheets from spooled devices; ``counts`` records what it wrote."""

    def __init__(self, devices: PagedRows, zones: Zones, zone_id: int | None, lookup: ActivationLookup | None) -> None:
        self.devices = devices
        self.zones = zones
        self.zone_id = zone_id
        self.lookup = lookup
        self.counts = WriteCounts()
        self.tally = InventoryTally()

    def write(self, path: Path) -> None:
        workbook = open_workbook(str(path))
        workbook.set_properties({"title": t("export.devices.sheet")})
        styles = Styles(workbook)
        device_sheet = SheetWriter.add_sheet(styles, t("export.devices.sheet"), self.counts)
        summary_sheet = SheetWriter.add_sheet(styles, t("export.devices.summary_sheet"), self.counts)

        self._write_device_sheet(device_sheet)
        never_activated = self.devices.execute("SELECT COUNT(*) FROM never_activated").fetchone()[0]
        write_summary_sheet(summary_sheet, self.tally, self.zones, self._never_activated_devices(),
                            self._summary_context(never_activated))
        _set_print_layout(device_sheet, summary_sheet)
        workbook.close()

    def _write_device_sheet(self, writer: SheetWriter) -> None:
        spot_count = self.devices.execute(SPOT_COUNT_SQL).fetchone()[0]
        columns = device_columns(spot_count, with_activation=self.lookup is not None)
        writer.header(0, [column.title for column in columns], [column.width for column in columns])
        self.devices.execute("CREATE TABLE never_activated (id TEXT PRIMARY KEY)")

        for batch in _batches(self.devices, BATCH_SIZE):
            if self.lookup:
                self.lookup.fill(batch)
            never_activated = []
            for device in batch:
                self.counts.rows += 1
                row = self.counts.rows
                device["zone_name"] = self._zone_name(device)
                for column_index, column in enumerate(columns):
                    column.write(writer, row, column_index, device)
                inactive = is_never_activated(device)
                self.tally.add(device, inactive)
                if inactive:
                    never_activated.append((str(device.get("device_id")),))
            self.devices.executemany("INSERT OR IGNORE INTO never_activated (id) VALUES (?)", never_activated)

        if self.counts.rows:
            writer.sheet.autofilter(0, 0, self.counts.rows, len(columns) - 1)
        else:
            writer.text(1, 0, self._empty_message(), writer.style("bold", bold=True))

    def _never_activated_devices(self) -> Iterator[Device]:
        for (body,) in self.devices.execute(NEVER_ACTIVATED_SQL):
            yield json.loads(body)

    def _zone_name(self, device: Device) -> str:
        zone = self.zones.get(str(device.get("zone_id")))
        return zone.get("name") if zone else t("export.devices.zone_missing")

    def _scope(self) -> str:
        if self.zone_id is None:
            return t("export.summary.scope_all")
        return t("export.summary.scope_zone", zone=self.zones[str(self.zone_id)].get("name"), zone_id=self.zone_id)

    def _empty_message(self) -> str:
        if self.zone_id is None:
            return t("export.devices.empty")
        return t("export.devices.empty_zone", zone=self.zones[str(self.zone_id)].get("name"))

    def _summary_context(self, never_activated: int) -> SummaryContext:
        notes = []
        if self.counts.cleaned:
            notes.append(t("export.summary.note_cleaned", count=self.counts.cleaned))
        if self.counts.links_as_text:
            notes.append(t("export.summary.note_links", count=self.counts.links_as_text))
        if self.lookup and self.lookup.failures:
            notes.append(t("export.summary.note_activation_failed", count=self.lookup.failures))
        return SummaryContext(
            exported_at=dt.datetime.now(),
            scope=self._scope(),
            notes=notes,
            empty_message=None if self.counts.rows else self._empty_message(),
            never_activated_count=never_activated,
        )


def _batches(devices: Iterable[Device], size: int) -> Iterator[list[Device]]:
    iterator = iter(devices)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _set_print_layout(device_sheet: SheetWriter, summary_sheet: SheetWriter) -> None:
    for writer in (device_sheet, summary_sheet):
        writer.sheet.set_landscape()
        writer.sheet.set_paper(9)  # A4
    device_sheet.sheet.repeat_rows(0)
