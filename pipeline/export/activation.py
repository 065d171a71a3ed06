"""Looking up each device's last activation (``getRecentActivateRecord``), one call per
device, with a few calls in flight so the client's rate limiter, not the network's
round trip, sets the pace."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from pipeline.client.api import ApiClient
from pipeline.errors import ApiError, ApiTransportError
from pipeline.export.device_columns import ActivationFailure, Device

# on_progress(devices looked up so far, devices in the export)
ProgressCallback = Callable[[int, int], None]


class ActivationLookup:
    """Fills ``device["activation"]`` for batches of devices, reporting progress."""

    def __init__(self, client: ApiClient, total: int, workers: int, on_progress: ProgressCallback | None) -> None:
        self.client = client
        self.total = total
        self.done = 0
        self.failures = 0
        self.on_progress = on_progress
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="paike-activation")

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def fill(self, devices: list[Device]) -> None:
        """Look up every device of the batch; a refused lookup is recorded, not raised.

        Raises ApiTransportError when the API stops responding, because then every
        remaining lookup would fail too.
        """
        for device, record in zip(devices, self._pool.map(self._look_up, devices)):
            device["activation"] = record
            self.failures += isinstance(record, ActivationFailure)
            self.done += 1
            if self.on_progress:
                self.on_progress(self.done, self.total)

    def _look_up(self, device: Device) -> dict | ActivationFailure | None:
        device_id = device.get("device_id")
        if device_id is None:
            return ActivationFailure("device_id missing")
        try:
            return self.client.recent_activation(device_id)
        except ApiTransportError:
            raise
        except ApiError as error:
            # For example a device deleted after the list was read.
            return ActivationFailure(error.msg or str(error.code))
