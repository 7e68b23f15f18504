"""Opening a large snapshot: ``snapshot.loads`` against plain ``json.loads`` of the same text.

The document is the largest a snapshot may be: 24 h of history at 1 s for the seven lists, and
100,000 processes whose names hold braces, brackets, commas and quotes (what the quick counts
before the parse must look inside texts for), written by the program's own writer
(``snapshot.dumps``). json.loads only builds the values; loads also bounds the document before the
parse and checks every field after it. Reported: CPU seconds (best of ROUNDS; the machine is shared,
so not the wall clock) of each, the ratio, and loads' two parts of its own (the checks on the raw
bytes, the strict reading of the parsed values, timed as loads runs it: cycle collector paused).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from app import snapshot as snap
from app.snapshot import fileio, schema
from tests.snapshot_samples import largest  # the same document as the test that it loads

ROUNDS = 5


def best(work: Callable[[], Any]) -> float:
    """The fastest of ROUNDS runs of ``work``, in CPU seconds of this process."""
    times = []
    for _ in range(ROUNDS):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def read(parsed: Any) -> snap.Snapshot:
    """The strict reading of parsed values, as ``loads`` does it."""
    with fileio._no_cycle_collection():
        return snap.Snapshot.from_json(parsed)


def main() -> None:
    """Print the times and the ratio."""
    raw = snap.dumps(largest()).encode("utf-8")
    text = raw.decode("utf-8")
    parsed = json.loads(text)
    reference = best(lambda: json.loads(text))
    ours = best(lambda: snap.loads(raw))
    checks = best(lambda: fileio._checked_text(raw))
    reading = best(lambda: read(parsed))
    size = f"{len(raw) / 2**20:.1f} MiB"
    print(f"document: {size}, {schema.MAX_PROCESSES:,} processes, {schema.MAX_HISTORY_ROWS:,} history rows")
    print(f"CPU: json.loads: {reference:.3f} s   snapshot.loads: {ours:.3f} s   ratio {ours / reference:.2f}")
    print(
        f"  of which checks on the bytes {checks:.3f} s ({checks / reference:.2f}× json.loads), "
        f"strict reading {reading:.3f} s ({reading / reference:.2f}× json.loads)"
    )


if __name__ == "__main__":
    main()
