"""Run every benchmark in bench/ (modules named bench_*.py, each with a main() that prints).

Each benchmark prints its figures as ratios against a reference measured in the same run,
because these machines are noisy. ``python3 dev.py bench [NAME…]`` runs them all or the named ones.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Run the selected benchmarks; exit 1 when any of them raised."""
    sys.path.insert(0, str(HERE.parent))
    names = sorted(p.stem for p in HERE.glob("bench_*.py"))
    chosen = [n for n in names if not argv or any(a in n for a in argv)]
    failed = 0
    for name in chosen:
        print(f"== {name}", flush=True)
        module = importlib.import_module(f"bench.{name}")
        try:
            module.main()
        except Exception as exc:  # report and go on with the others; the exit status says so
            print(f"!! {name} failed: {exc!r}", flush=True)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
