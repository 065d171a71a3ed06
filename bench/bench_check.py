"""Benchmark: `paike check` on a 200,000-row timetable (1,000 rooms).

Prints wall time and peak memory of `paike check` as a whole process beside two
baselines measured in the same run on the same file: a bare python-calamine read and
pandas.read_excel with openpyxl. Targets: paike at most 3x the calamine read, and
peak memory under 500 MB.

Run: .venv/bin/python bench/bench_check.py [--rows 200000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from common import measure, write_timetable

CALAMINE_READ = (
    "import sys, python_calamine as c;"
    "wb = c.CalamineWorkbook.from_path(sys.argv[1]);"
    "rows = wb.get_sheet_by_index(0).to_python(); print(len(rows))"
)
PANDAS_READ = "import sys, pandas as pd; print(len(pd.read_excel(sys.argv[1], engine='openpyxl')))"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--rooms", type=int, default=1_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "timetable.xlsx"
        rows = write_timetable(path, args.rooms, args.rows // args.rooms)
        print(f"file: {rows} rows, {path.stat().st_size / 1e6:.1f} MB")

        calamine = measure([sys.executable, "-c", CALAMINE_READ, str(path)])
        pandas = measure([sys.executable, "-c", PANDAS_READ, str(path)])
        paike = measure([sys.executable, "-m", "pipeline", "check", str(path), "--json", "--no-report"])

    print(f"{'run':<28}{'seconds':>10}{'peak MB':>10}")
    for name, figures in (("python-calamine read", calamine), ("pandas + openpyxl read", pandas),
                          ("paike check", paike)):
        print(f"{name:<28}{figures['seconds']:>10.2f}{figures['peak_mb']:>10.0f}")
    if paike["exit"] != 0:
        print(f"paike check exited {paike['exit']}: {paike['stderr_tail']}")
    ratio = paike["seconds"] / calamine["seconds"]
    print(f"paike / calamine: {ratio:.2f}x (target <= 3.0x) {'OK' if ratio <= 3 else 'MISSED'}")
    print(f"paike / pandas+openpyxl: {paike['seconds'] / pandas['seconds']:.2f}x")
    print(f"paike peak memory: {paike['peak_mb']:.0f} MB (target < 500 MB) {'OK' if paike['peak_mb'] < 500 else 'MISSED'}")


if __name__ == "__main__":
    main()
