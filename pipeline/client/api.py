"""The double_teacher OpenAPI over a ``requests.Session``.

Each call is a form-encoded POST to ``{base}/openapi/double_teacher/<name>``, signed by
:class:`~pipeline.client.signing.Signer`, paced by the shared
:class:`~pipeline.client.ratelimit.RateLimiter`, and answered with the envelope
``{"code", "data", "msg", "ts"}``. A non-zero ``code`` raises :class:`ApiError`.

Retries: timeouts, connection errors, HTTP 5xx and HTTP 429 are retried with
exponential backoff and jitter, but only where repeating the call is harmless.
``addSchedule`` and ``updateSchedule`` are not repeated blindly once the request may
have reached the server; the caller gets an :class:`ApiTransportError` with
``may_have_committed=True`` and reconciles by reading the room again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import requests
import urllib3
from tenacity import (
    RetryError,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

from pipeline.client.pagination import MAX_PAGE_SIZE, FetchPage, Page, PagedRows, read_all_pages
from pipeline.client.ratelimit import RateLimiter
from pipeline.client.signing import Signer
from pipeline.config import Settings
from pipeline.errors import ApiError, ApiTransportError
from pipeline.i18n import t
from pipeline.lessons import Lesson
from pipeline.transform.schedule import schedule_json

logger = logging.getLogger(__name__)

API_PATH = "/openapi/double_teacher/"
# Calls that are not safe to send twice once the server may have seen them.
NOT_IDEMPOTENT = frozenset({"addSchedule", "updateSchedule"})
MAX_ATTEMPTS = 6


class _Retryable(Exception):
    """Internal: one attempt failed in a way that a new attempt may fix."""

    def __init__(self, error: ApiTransportError, rate_limited: bool = False) -> None:
        super().__init__(error.msg)
        self.error = error
        self.rate_limited = rate_limited


class ApiClient:
    """Calls the API for one account. Thread-safe: workers share one client."""

    def __init__(
        self,
        settings: Settings,
        session: requests.Session | None = None,
        limiter: RateLimiter | None = None,
        max_attempts: int = MAX_ATTEMPTS,
    ) -> None:
        settings.require_credentials()
        self.base_url = settings.endpoint
        self.timeout = (settings.connect_timeout, settings.read_timeout)
        self.signer = Signer(settings.partner_id, settings.partner_key)
        self.limiter = limiter or RateLimiter(settings.rate_limit_calls, settings.rate_limit_seconds)
        self.max_attempts = max_attempts
        self._session = session or requests.Session()
        self._counts_lock = threading.Lock()
        # Calls sent, by endpoint (every attempt counts), and refusals for the run summary.
        self.calls: Counter[str] = Counter()
        self.rate_limited = 0

    def __repr__(self) -> str:
        return f"ApiClient(base_url={self.base_url!r}, signer={self.signer!r})"

    def close(self) -> None:
        self._session.close()

    # ---- the schedule calls ---------------------------------------------------

    def get_all_schedule(self, room_id: str) -> list[Lesson]:
        """Return the room's current lessons, with times as ``HH:MM``."""
        data = self.call("getAllSchedule", {"room_id": room_id})
        items = (data or {}).get("list") or []
        return sorted(lesson_from_api(room_id, item) for item in items)

    def set_room_schedules(
        self,
        room_id: str,
        lessons: Iterable[Lesson],
        title: str | None = None,
        teacher_name: str | None = None,
    ) -> None:
        """Replace every lesson of the room (and optionally its course title/teacher)."""
        params = {"room_id": room_id, "schedule": schedule_json(lessons)}
        if title:
            params["title"] = title
        if teacher_name:
            params["teacher_name"] = teacher_name
        self.call("setRoomSchedules", params)

    def add_schedule(self, room_id: str, lesson: Lesson) -> None:
        self.call("addSchedule", {"room_id": room_id, **lesson.to_api()})

    def update_schedule(self, room_id: str, lesson: Lesson) -> None:
        self.call("updateSchedule", {"room_id": room_id, **lesson.to_api()})

    def delete_schedule_batch(self, room_id: str, serial_numbers: Iterable[int]) -> None:
        serials = ",".join(str(serial) for serial in serial_numbers)
        self.call("deleteScheduleBatch", {"room_id": room_id, "serial_numbers": serials})

    def delete_all_schedule(self, room_id: str) -> None:
        self.call("deleteAllSchedule", {"room_id": room_id})

    def set_room_schedule_info(
        self, room_id: str, title: str, teacher_name: str | None = None
    ) -> None:
        params = {"room_id": room_id, "title": title}
        if teacher_name:
            params["teacher_name"] = teacher_name
        self.call("setRoomScheduleInfo", params)

    # ---- transport -------------------------------------------------------------

    def call(self, endpoint: str, params: Mapping[str, Any]) -> Any:
        """Send one call (with retries where harmless) and return the envelope's ``data``."""
        retrying = Retrying(
            stop=stop_after_attempt(self.max_attempts),
            wait=wait_exponential_jitter(multiplier=0.5, max=20),
            retry=retry_if_exception(lambda error: isinstance(error, _Retryable)),
            reraise=False,
        )
        try:
            return retrying(self._send_once, endpoint, params)
        except RetryError as error:
            raise error.last_attempt.exception().error from None

    def _send_once(self, endpoint: str, params: Mapping[str, Any]) -> Any:
        self.limiter.acquire()
        body = self.signer.sign(params)
        started = time.monotonic()
        with self._counts_lock:
            self.calls[endpoint] += 1
        try:
            response = self._session.post(self.base_url + API_PATH + endpoint, data=body, timeout=self.timeout)
        except requests.ConnectTimeout:
            # A connect timeout means the request was never sent, so a repeat is safe.
            raise _Retryable(ApiTransportError(endpoint, -1, "connect timeout", may_have_committed=False)) from None
        except requests.ConnectionError as error:
            if _never_connected(error):
                msg = t("api.connect_failed", url=self.base_url)
                raise _Retryable(ApiTransportError(endpoint, -1, msg, may_have_committed=False)) from None
            raise self._ambiguous(endpoint, -1, type(error).__name__) from None
        except requests.RequestException as error:
            # A read timeout, a reset or a cut-off body: the server may have acted.
            raise self._ambiguous(endpoint, -1, type(error).__name__) from None
        elapsed_ms = (time.monotonic() - started) * 1000
        return self._read_envelope(endpoint, params, response, elapsed_ms)

    def _read_envelope(self, endpoint: str, params: Mapping[str, Any], response: requests.Response, elapsed_ms: float) -> Any:
        room = params.get("room_id", "-")
        if response.status_code == 429:
            logger.warning("%s room=%s rejected by the server's rate limit (HTTP 429); pausing", endpoint, room)
            with self._counts_lock:
                self.rate_limited += 1
            self.limiter.refused()
            raise _Retryable(ApiTransportError(endpoint, 429, "rate limited", may_have_committed=False), rate_limited=True)
        if response.status_code >= 500:
            logger.warning("%s room=%s HTTP %s after %.0f ms", endpoint, room, response.status_code, elapsed_ms)
            raise self._ambiguous(endpoint, response.status_code, f"HTTP {response.status_code}")
        try:
            envelope = response.json()
        except ValueError:
            raise ApiTransportError(endpoint, response.status_code, "response is not JSON", may_have_committed=True) from None
        code = envelope.get("code")
        logger.info("%s room=%s code=%s %.0f ms", endpoint, room, code, elapsed_ms)
        if code != 0:
            raise ApiError(endpoint, int(code) if isinstance(code, int) else -1, str(envelope.get("msg") or ""))
        return envelope.get("data")

    def _ambiguous(self, endpoint: str, code: int, msg: str) -> Exception:
        """Classify a failure where the server may or may not have applied the call."""
        error = ApiTransportError(endpoint, code, msg, may_have_committed=True)
        if endpoint in NOT_IDEMPOTENT:
            return error
        return _Retryable(error)

    # ---- zones and devices ----------------------------------------------------

    def list_zones(self, page_size: int = MAX_PAGE_SIZE) -> PagedRows:
        """Read every zone (校区). Close the result, or use it in a ``with`` block."""
        return read_all_pages(self._page_fetcher("listZone", {}), endpoint="listZone", key="zone_id",
                              page_size=page_size)

    def list_devices(self, zone_id: int | None = None, page_size: int = MAX_PAGE_SIZE) -> PagedRows:
        """Read every device, or those of one zone, spooled to disk (see :mod:`pagination`)."""
        params = {} if zone_id is None else {"zone_id": zone_id}
        return read_all_pages(self._page_fetcher("listDevice", params), endpoint="listDevice", key="device_id",
                              page_size=page_size)

    def room_devices(self, room_id: str, page_size: int = MAX_PAGE_SIZE) -> list[dict]:
        """Return the devices bound to a room, each with the role of its binding."""
        fetch = self._page_fetcher("getRoomDeviceInfo", {"room_id": room_id}, list_field="room_device_list")
        with read_all_pages(fetch, endpoint="getRoomDeviceInfo", key="device_id", page_size=page_size) as rows:
            return list(rows)

    def recent_activation(self, device_id: int) -> dict | None:
        """Return the device's last activation ``{activate_time, activate_length}``, or None.

        A device never activated is answered with an empty ``activate_record``.
        """
        data = self.call("getRecentActivateRecord", {"device_id": device_id}) or {}
        record = data.get("activate_record")
        return record if isinstance(record, dict) and record else None

    def _page_fetcher(self, endpoint: str, params: Mapping[str, Any], list_field: str = "list") -> FetchPage:
        def fetch(page: int, page_size: int) -> Page:
            data = self.call(endpoint, {**params, "page": page, "page_size": page_size}) or {}
            items = data.get(list_field) or []
            return Page(items=list(items), total=_page_total(endpoint, data.get("total")))

        return fetch


def _never_connected(error: requests.ConnectionError) -> bool:
    """Return True when the connection itself failed (refused, no route, unknown host)."""
    reason = getattr(error.args[0] if error.args else None, "reason", None)
    return isinstance(reason, urllib3.exceptions.NewConnectionError)


def lesson_from_api(room_id: str, item: Mapping[str, Any]) -> Lesson:
    """Turn one ``getAllSchedule`` item (times as ``YYYY-MM-DD HH:MM:SS``) into a Lesson."""
    return Lesson(
        room_id=str(room_id),
        date=str(item["date"]),
        start_time=_clock_time(item["start_time"]),
        end_time=_clock_time(item["end_time"]),
        serial_number=int(item["serial_number"]),
        title=str(item.get("title") or ""),
        teacher_name=(str(item.get("teacher_name") or "").strip() or None),
    )


def _clock_time(value: str) -> str:
    """Return ``HH:MM`` from ``YYYY-MM-DD HH:MM:SS`` or ``HH:MM[:SS]``."""
    clock = str(value).strip().split(" ")[-1]
    return clock[:5]


def _page_total(endpoint: str, value: Any) -> int:
    """Read a page's ``total``, which may come as text; without it no count can be checked."""
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ApiError(endpoint, -1, f"the response has no valid total: {value!r}") from None
