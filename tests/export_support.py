"""Shared pieces of the export tests: a client for a running sandbox, and workbook checks."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pipeline.client.api import ApiClient
from pipeline.config import Settings


def client_for(box, **overrides) -> ApiClient:
    """Return a real client for a running sandbox; ``overrides`` go to ApiClient."""
    settings = Settings(partner_id=box.partner_id, partner_key=box.partner_key, base_url=box.base_url)
    return ApiClient(settings, **overrides)


def formula_cells(path: Path) -> list[str]:
    """Return 'sheet!cell' for every formula cell in the workbook."""
    workbook = openpyxl.load_workbook(path)
    found = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            found.extend(f"{sheet.title}!{cell.coordinate}" for cell in row if cell.data_type == "f")
    return found


def sheet_rows(path: Path, sheet: str) -> list[tuple]:
    workbook = openpyxl.load_workbook(path)
    return [tuple(row) for row in workbook[sheet].iter_rows(values_only=True)]


class FakeApi:
    """A stand-in API on 127.0.0.1 that answers canned data, for values the sandbox never sends.

    ``answers`` maps an endpoint to a function (form dict) -> data, or raises
    ``FakeFailure`` to send an HTTP status instead. Signatures are not checked.
    """

    def __init__(self, answers):
        import http.server
        import json
        import threading
        import urllib.parse

        self.answers = answers
        self.calls = []
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                endpoint = self.path.rsplit("/", 1)[-1]
                length = int(self.headers.get("Content-Length") or 0)
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode("utf-8")))
                fake.calls.append((endpoint, form))
                try:
                    body = json.dumps({"code": 0, "data": fake.answers[endpoint](form), "msg": "", "ts": 0})
                    status = 200
                except FakeFailure as failure:
                    body, status = "failed", failure.status
                encoded = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(encoded)))
                self.end_headers()
                self.wfile.write(encoded)

            def log_message(self, *args):
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.partner_id = "1000"
        self.partner_key = "fake-key"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._server.shutdown()
        self._server.server_close()

    def count(self, endpoint):
        return sum(1 for name, _ in self.calls if name == endpoint)


class FakeFailure(Exception):
    def __init__(self, status=500):
        super().__init__(status)
        self.status = status


def paged(items, list_field="list"):
    """Return an answer function serving ``items`` page by page, as the API does."""

    def answer(form):
        page, size = int(form["page"]), int(form["page_size"])
        return {"total": len(items), list_field: items[(page - 1) * size:page * size]}

    return answer
