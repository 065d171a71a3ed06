"""The result of an export, for the CLI's message, ``--json`` and the drop folder."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pipeline.client.api import ApiClient


@dataclass
class ExportSummary:
    """The file written and what it took.

    ``rows`` counts data rows (devices, lessons or room-device pairs), not header or
    note rows. ``calls`` counts API requests sent, retries included.
    """

    path: Path
    rows: int
    calls: int
    calls_by_endpoint: dict[str, int] = field(default_factory=dict)
    # Cells whose text lost control characters or was cut to Excel's 32,767 characters.
    cleaned_cells: int = 0
    # Photo addresses written as text because a sheet reached Excel's link limits.
    links_as_text: int = 0
    # Rooms reported as "does not exist" (3001) or "deleted" (3002), left out of the file.
    skipped_rooms: list[str] = field(default_factory=list)
    # Devices whose activation lookup the API refused (their cell gives the reason).
    failed_activations: int = 0

    @property
    def empty(self) -> bool:
        return self.rows == 0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["path"] = str(self.path)
        data["empty"] = self.empty
        return data


class CallCounter:
    """Counts the client's requests from the moment it is created."""

    def __init__(self, client: ApiClient) -> None:
        self._client = client
        self._start = Counter(client.calls)

    def by_endpoint(self) -> dict[str, int]:
        sent = Counter(self._client.calls)
        sent.subtract(self._start)
        return {endpoint: count for endpoint, count in sorted(sent.items()) if count}

    def total(self) -> int:
        return sum(self.by_endpoint().values())
