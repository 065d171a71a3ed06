"""Run one command as a child process and print its wall time and peak memory as JSON.

Used by the benchmark scripts so each figure comes from a process of its own:
``getrusage(RUSAGE_CHILDREN)`` then reports the peak resident set of that one child.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main() -> None:
    command = sys.argv[1:]
    started = time.perf_counter()
    completed = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({
        "seconds": round(wall, 3),
        "peak_mb": round(peak_kib / 1024, 1),
        "exit": completed.returncode,
        "stderr_tail": completed.stderr.decode("utf-8", "replace")[-500:],
    }))


if __name__ == "__main__":
    main()
