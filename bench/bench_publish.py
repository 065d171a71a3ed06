"""Benchmark: publish 1,000 rooms x 20 lessons to the sandbox with 50 ms latency.

The sandbox runs as a separate process on 127.0.0.1 with the account limit of 200
calls in any 10 seconds. The script publishes the file, then publishes it again, and
prints for each run: calls by endpoint, seconds, calls per second and the ratio to the
ceiling (20 calls/s), plus the sandbox's rate-limit refusals. Targets: the first run
makes the minimum calls the plan needs (one getAllSchedule and one setRoomSchedules
per room), reaches at least 90% of the ceiling with no refusals, and the second run
makes zero write calls.

Run: .venv/bin/python bench/bench_publish.py [--rooms 1000] [--lessons 20]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import free_port, write_timetable

CEILING_PER_SECOND = 200 / 10
WRITES = ("setRoomSchedules", "addSchedule", "updateSchedule", "deleteScheduleBatch", "deleteAllSchedule")


def sandbox_stats(base_url: str) -> dict:
    with urllib.request.urlopen(f"{base_url}/_sandbox/stats", timeout=10) as response:
        return json.loads(response.read())


def wait_until_up(base_url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            sandbox_stats(base_url)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the sandbox did not start within 30 s")


def publish(path: Path, env: dict) -> tuple[float, int]:
    started = time.perf_counter()
    completed = subprocess.run([sys.executable, "-m", "pipeline", "publish", str(path), "--json"],
                               env=env, capture_output=True, text=True)
    return time.perf_counter() - started, completed.returncode


def report(name: str, before: dict, after: dict, seconds: float, exit_code: int) -> dict:
    calls = {endpoint: after["by_endpoint"].get(endpoint, 0) - before["by_endpoint"].get(endpoint, 0)
             for endpoint in after["by_endpoint"]}
    total = sum(calls.values())
    rate = total / seconds
    refused = after["refused"] - before["refused"]
    writes = sum(calls.get(endpoint, 0) for endpoint in WRITES)
    print(f"{name}: exit {exit_code}, {total} calls in {seconds:.1f} s = {rate:.1f} calls/s "
          f"({rate / CEILING_PER_SECOND:.0%} of the ceiling), refusals {refused}, write calls {writes}")
    print(f"  by endpoint: {json.dumps({k: v for k, v in calls.items() if v}, ensure_ascii=False)}")
    return {"calls": calls, "total": total, "rate": rate, "refused": refused, "writes": writes}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rooms", type=int, default=1000)
    parser.add_argument("--lessons", type=int, default=20)
    parser.add_argument("--latency-ms", type=int, default=50)
    args = parser.parse_args()

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PAIKE_PARTNER_ID": "37102096", "PAIKE_PARTNER_KEY": secrets.token_urlsafe(24),
           "PAIKE_BASE_URL": base_url, "PAIKE_LANG": "en"}
    with tempfile.TemporaryDirectory() as folder:
        env["PAIKE_STATE_DIR"] = str(Path(folder) / "state")
        path = Path(folder) / "timetable.xlsx"
        rows = write_timetable(path, args.rooms, args.lessons)
        print(f"file: {args.rooms} rooms, {rows} lessons; sandbox latency {args.latency_ms} ms")
        server = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "sandbox", "--port", str(port), "--rooms", "any",
             "--latency-ms", str(args.latency_ms), "--rate-limit", "200"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_up(base_url, time.monotonic() + 30)
            start = sandbox_stats(base_url)
            seconds, code = publish(path, env)
            middle = sandbox_stats(base_url)
            first = report("first publish", start, middle, seconds, code)
            seconds, code = publish(path, env)
            second = report("publish again", middle, sandbox_stats(base_url), seconds, code)
        finally:
            server.terminate()
            server.wait(timeout=10)

    minimum = 2 * args.rooms
    print(f"minimum calls for the plan: {minimum} (getAllSchedule + setRoomSchedules per room); "
          f"made {first['total']} {'OK' if first['total'] == minimum else 'MISSED'}")
    rate_ok = first["rate"] >= 0.9 * CEILING_PER_SECOND and first["refused"] == 0
    print(f"rate: {first['rate'] / CEILING_PER_SECOND:.0%} of the ceiling, no refusals (target >= 90%) "
          f"{'OK' if rate_ok else 'MISSED'}")
    print(f"write calls when publishing again: {second['writes']} (target 0) {'OK' if second['writes'] == 0 else 'MISSED'}")


if __name__ == "__main__":
    main()
