"""Running the sandbox: in a background thread for tests (:func:`start_sandbox`) or in the
foreground for the ``paike sandbox`` command (:func:`serve`).

    with start_sandbox(SandboxOptions(devices=200)) as sandbox:
        requests.post(f"{sandbox.base_url}/openapi/double_teacher/getAllSchedule", data=...)
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any, TextIO

import uvicorn

from pipeline.errors import ConfigError
from pipeline.i18n import t
from sandbox.app import build_app
from sandbox.banner import render_banner
from sandbox.faults import quiet_uvicorn_about_cuts
from sandbox.handlers.schedules import read_lessons
from sandbox.options import SandboxOptions
from sandbox.seed import SEEDED_ROOMS
from sandbox.state import SandboxState, create_state

__all__ = ["SandboxOptions", "RunningSandbox", "start_sandbox", "serve"]

logger = logging.getLogger(__name__)

START_TIMEOUT_SECONDS = 15.0
STOP_TIMEOUT_SECONDS = 10.0
GRACEFUL_SHUTDOWN_SECONDS = 3


class RunningSandbox:
    """A sandbox serving in a background thread; a context manager that stops it on exit."""

    def __init__(self, state: SandboxState, server: uvicorn.Server, thread: threading.Thread, base_url: str) -> None:
        self.base_url = base_url
        self.partner_id = state.partner_id
        self.partner_key = state.partner_key
        self.rooms = list(SEEDED_ROOMS)
        self._state = state
        self._server = server
        self._thread = thread
        self._stopped = False

    def __repr__(self) -> str:
        return f"RunningSandbox(base_url={self.base_url!r}, partner_id={self.partner_id!r}, partner_key='[secure]')"

    def __enter__(self) -> "RunningSandbox":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop serving and close the store; calling it again does nothing."""
        if self._stopped:
            return
        self._stopped = True
        self._server.should_exit = True
        self._thread.join(STOP_TIMEOUT_SECONDS)
        self._state.store.close()
        logger.info("sandbox at %s stopped", self.base_url)

    def stats(self) -> dict[str, Any]:
        """Return the counters described in :mod:`sandbox.stats`."""
        return self._state.stats_snapshot()

    def lessons(self, room_id: str | int) -> list[dict[str, Any]]:
        """Return the room's lessons in ``getAllSchedule``'s shape, read straight from the store."""
        return read_lessons(self._state.store, str(room_id))

    def course_info(self, room_id: str | int) -> dict[str, str] | None:
        """Return the room's ``{"title", "teacher_name"}`` as last set, or None for an unknown room."""
        rows = self._state.store.fetch_all("SELECT title, teacher_name FROM rooms WHERE room_id = ?", (str(room_id),))
        return dict(rows[0]) if rows else None


def start_sandbox(options: SandboxOptions | None = None) -> RunningSandbox:
    """Start a sandbox in a background thread and return once it accepts connections."""
    state = create_state(options or SandboxOptions())
    listener = open_listener(state)
    server = uvicorn.Server(make_config(state))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, name="paike-sandbox", daemon=True)
    thread.start()

    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            state.store.close()
            raise ConfigError("sandbox.start_timeout", seconds=START_TIMEOUT_SECONDS)
        time.sleep(0.01)

    base_url = url_of(listener)
    logger.info("sandbox listening at %s", base_url)
    return RunningSandbox(state, server, thread, base_url)


def serve(options: SandboxOptions, out: TextIO = sys.stdout) -> None:
    """Run a sandbox in the foreground, printing a banner, until Ctrl-C or SIGTERM."""
    state = create_state(options)
    try:
        listener = open_listener(state)
        server = uvicorn.Server(make_config(state))
        with stop_signals_stop(server):
            print(render_banner(state, url_of(listener)), file=out, flush=True)
            server.run(sockets=[listener])
    finally:
        state.store.close()
    print(t("sandbox.stopped"), file=out, flush=True)


def make_config(state: SandboxState) -> uvicorn.Config:
    quiet_uvicorn_about_cuts()
    return uvicorn.Config(
        build_app(state),
        # The cut-connection fault relies on how uvicorn's h11 protocol closes an unfinished response.
        http="h11",
        loop="asyncio",
        lifespan="off",
        access_log=False,
        # Leave logging to the caller (the CLI configures it; tests use pytest's capture).
        log_config=None,
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
    )


def open_listener(state: SandboxState) -> socket.socket:
    """Bind the listening socket now, so that port 0 is resolved before uvicorn starts."""
    host, port = state.options.host, state.options.port
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as error:
        listener.close()
        state.store.close()
        raise ConfigError("sandbox.port_in_use", host=host, port=port, reason=error.strerror) from None
    return listener


def url_of(listener: socket.socket) -> str:
    host, port = listener.getsockname()[:2]
    shown_host = f"[{host}]" if ":" in host else host
    return f"http://{shown_host}:{port}"


@contextlib.contextmanager
def stop_signals_stop(server: uvicorn.Server) -> Iterator[None]:
    """Make SIGINT and SIGTERM stop ``server`` and let :func:`serve` return normally.

    uvicorn installs its own handlers while it runs, and these cover the moments before
    and after. After shutting down, uvicorn raises the signal again for these handlers,
    so the default SIGTERM action does not kill the process.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def request_stop(signal_number: int, frame: object) -> None:
        server.should_exit = True

    stop_signals = (signal.SIGINT, signal.SIGTERM)
    previous = {number: signal.signal(number, request_stop) for number in stop_signals}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
