"""Benchmark: `paike export devices` of 100,000 devices from the sandbox.

Starts `paike sandbox --devices N` as its own process, then measures, each as a
process of its own in the same run: a baseline that writes the same rows with plain
openpyxl in normal mode (baseline_devices_openpyxl.py), and `paike export devices`.
Prints wall time and peak memory of both, their ratio, and the API calls paike made.
Targets: paike at most 0.7x the baseline's wall time, paike under 200 MB, and exactly
ceil(N/1000) listDevice calls plus the listZone pages.

Both runs fetch over HTTP; the sandbox allows 200 calls in 10 s like the real service,
so the script waits out one window between the runs.

Run: .venv/bin/python bench/bench_export_devices.py [--devices 100000]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import HERE, free_port, measure

PARTNER_ID = "20240301"
PARTNER_KEY = "bench-only-key"
RATE_WINDOW_SECONDS = 10
START_TIMEOUT_SECONDS = 300


def start_sandbox(devices: int, port: int) -> subprocess.Popen:
    env = {**os.environ, "PAIKE_PARTNER_ID": PARTNER_ID, "PAIKE_PARTNER_KEY": PARTNER_KEY}
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "sandbox", "--port", str(port), "--devices", str(devices), "--seed", "1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        try:
            stats(port)
            return process
        except OSError:
            if process.poll() is not None:
                raise SystemExit(f"the sandbox exited with {process.returncode}")
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("the sandbox did not start in time")


def stats(port: int) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_sandbox/stats", timeout=5) as response:
        return json.load(response)


def calls_between(before: dict, after: dict) -> dict[str, int]:
    names = set(before["by_endpoint"]) | set(after["by_endpoint"])
    delta = {name: after["by_endpoint"].get(name, 0) - before["by_endpoint"].get(name, 0) for name in names}
    return {name: count for name, count in sorted(delta.items()) if count}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--devices", type=int, default=100_000)
    args = parser.parse_args()

    port = free_port()
    started = time.perf_counter()
    sandbox = start_sandbox(args.devices, port)
    print(f"sandbox with {args.devices} devices ready in {time.perf_counter() - started:.1f} s")
    env = {"PAIKE_BASE_URL": f"http://127.0.0.1:{port}", "PAIKE_PARTNER_ID": PARTNER_ID,
           "PAIKE_PARTNER_KEY": PARTNER_KEY}
    try:
        with tempfile.TemporaryDirectory() as folder:
            baseline = measure([sys.executable, str(HERE / "baseline_devices_openpyxl.py"),
                                str(Path(folder) / "baseline.xlsx")], env=env)
            time.sleep(RATE_WINDOW_SECONDS + 1)
            before = stats(port)
            output = Path(folder) / "paike.xlsx"
            paike = measure([sys.executable, "-m", "pipeline", "export", "devices", "-o", str(output)], env=env)
            calls = calls_between(before, stats(port))
            size_mb = output.stat().st_size / 1e6 if output.exists() else 0
    finally:
        sandbox.terminate()
        sandbox.wait(timeout=30)

    print(f"{'run':<34}{'seconds':>10}{'peak MB':>10}")
    for name, figures in (("baseline: openpyxl normal mode", baseline), ("paike export devices", paike)):
        print(f"{name:<34}{figures['seconds']:>10.2f}{figures['peak_mb']:>10.0f}")
    for name, figures in (("baseline", baseline), ("paike", paike)):
        if figures["exit"] != 0:
            print(f"{name} exited {figures['exit']}: {figures['stderr_tail']}")
    print(f"paike workbook: {size_mb:.1f} MB")

    ratio = paike["seconds"] / baseline["seconds"]
    print(f"paike / baseline: {ratio:.2f}x (target <= 0.70x) {'OK' if ratio <= 0.7 else 'MISSED'}")
    memory_ok = paike["peak_mb"] < 200
    print(f"paike peak memory: {paike['peak_mb']:.0f} MB (target < 200 MB) {'OK' if memory_ok else 'MISSED'}")
    zones = math.ceil(args.devices / 50)
    expected = {"listDevice": math.ceil(args.devices / 1000), "listZone": max(1, math.ceil(zones / 1000))}
    print(f"paike API calls: {calls} (expected {expected}) {'OK' if calls == expected else 'MISSED'}")


if __name__ == "__main__":
    main()
