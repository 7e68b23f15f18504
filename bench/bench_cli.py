"""Command-line start-up: ``ramlens --help``, ``ramlens status`` and ``ramlens actions`` vs ``import psutil``.

Each run is a fresh interpreter started through the installed ``ramlens`` entry point; the
reference is the least a Python memory reading costs: ``python -c "import psutil;
psutil.virtual_memory()"`` from the same virtual environment. They alternate for ROUNDS rounds so
machine noise hits them alike; the figure is each one's median CPU time (user + system of the
child). Target: every command ≤ 3× the reference.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
from pathlib import Path

from bench.procs import ROOT, verdict

ROUNDS = 9
TARGET = 3.0
RAMLENS = Path(sys.executable).parent / "ramlens"
REFERENCE = [sys.executable, "-c", "import psutil; psutil.virtual_memory()"]
COMMANDS = (["--help"], ["status"], ["actions"])


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def cpu_of(argv: list[str]) -> float:
    """CPU seconds (user + system) one run of ``argv`` costs; RuntimeError when it fails."""
    before = _children_cpu()
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.strip()[-400:]}")
    return _children_cpu() - before


def measure() -> dict[str, float]:
    """Median CPU seconds of the reference and of each command."""
    runs: dict[str, list[float]] = {"reference": [], **{" ".join(c): [] for c in COMMANDS}}
    for _ in range(ROUNDS):
        runs["reference"].append(cpu_of(REFERENCE))
        for command in COMMANDS:
            runs[" ".join(command)].append(cpu_of([str(RAMLENS), *command]))
    return {name: statistics.median(got) for name, got in runs.items()}


def main() -> None:
    """Print each median and its ratio to the reference."""
    if not RAMLENS.exists():
        raise RuntimeError(f"the ramlens entry point is not installed next to {sys.executable}")
    r = measure()
    reference = r.pop("reference")
    print(f"{'python -c import psutil; virtual_memory()':<42} {reference * 1000:6.0f} ms CPU")
    for name, cpu in r.items():
        ratio = cpu / reference
        print(
            f"{'ramlens ' + name:<42} {cpu * 1000:6.0f} ms CPU  {ratio:.2f}× (target ≤ {TARGET:g}×) — "
            f"{verdict(ratio <= TARGET)}"
        )


if __name__ == "__main__":
    main()
