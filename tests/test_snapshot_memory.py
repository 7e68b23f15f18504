"""A rejected snapshot costs at most 6× its size in memory (issue 12.4), measured in a child process.

Before the fix, a 63 MiB file of ``[{},{},…]`` process entries cost 1.6 GB of RSS to refuse: json
built 22 million dicts before any cap was checked. Each shape here is 63 MiB (just under the 64 MiB
cap) and crafted to cost the most per byte in one way; the child measures its peak RSS
(``ru_maxrss``) above its own baseline taken after a warm-up load.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

SIZE = 63 * 2**20
BOUND = 6  # × the file's size
HEAD = b'{"kind":"ramlens-snapshot","schema":1,'
ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import resource, sys
from app import snapshot as snap
try:
    snap.loads(b'{"kind":"ramlens-snapshot","schema":1}')  # warm-up: every import in the baseline
except snap.SnapshotError:
    pass
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    snap.load(sys.argv[1])
    print("loaded")
except snap.SnapshotError as exc:
    print("refused:", exc)
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) * 1024)
"""


def _fill(prefix: bytes, unit: bytes, suffix: bytes) -> bytes:
    return prefix + unit * ((SIZE - len(prefix) - len(suffix)) // len(unit)) + suffix


TEXT = b'"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstu",'
# Built one at a time by the test that needs it (six of them at once would be 378 MiB).
SHAPES: dict[str, Callable[[], bytes]] = {
    # the probe's file: a processes array of empty objects
    "empty objects": lambda: _fill(HEAD + b'"processes":[', b"{},", b"{}]}"),
    "empty arrays": lambda: _fill(HEAD + b'"processes":[', b"[],", b"[]]}"),
    "short floats": lambda: _fill(HEAD + b'"history":{"times":[', b"1e9,", b"1]}}"),
    "short texts": lambda: _fill(HEAD + b'"processes":[', b'"ab",', b'"a"]}'),
    "one giant text with an emoji": lambda: _fill(HEAD + b'"app_version":"\xf0\x9f\x98\x80', b"a", b'"}'),
    # the file summary: empty entries, refused by the container count
    "file summary of empty objects": lambda: _fill(
        HEAD + b'"files":{"method":"cachestat","complete":true,"files":[', b"{},", b"{}]}}"
    ),
    # the longest texts the quick checks let through (16 KiB, 4 × PATH_MAX), so they reach the parser
    # and the summary's own check refuses them
    "file summary of 16 KiB paths": lambda: _fill(
        HEAD + b'"files":{"method":"cachestat","complete":true,"files":[',
        b'{"path":"/' + b"p" * 16_000 + b'","cached_bytes":1},',
        b'{"path":"/","cached_bytes":1}]}}',
    ),
    # under every count cap, so it reaches the parser; a euro sign makes the text 2 bytes a character
    "texts and numbers under the caps": lambda: _fill(
        HEAD + b'"processes":["\xe2\x82\xac",' + TEXT * 1_200_000, b"1790000000.1234567,", b"1]}"
    ),
}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss in KiB is Linux's unit")
@pytest.mark.parametrize("shape", list(SHAPES))
def test_peak_memory_of_a_rejected_63_mib_file(tmp_path: Path, shape: str) -> None:
    path = tmp_path / "hostile.json"
    path.write_bytes(SHAPES[shape]())
    assert path.stat().st_size <= SIZE
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    verdict, peak = done.stdout.splitlines()
    assert verdict.startswith("refused: hostile.json: ")
    assert int(peak) <= BOUND * SIZE, f"{shape}: {int(peak) / 2**20:.0f} MiB above baseline to refuse"


def test_the_largest_real_snapshot_still_loads() -> None:
    """The caps refuse hostile files, never real ones: 24 h of history at 1 s for seven lists, 100,000
    processes whose names hold every character the quick counts look at (braces, commas, quotes)."""
    from dataclasses import replace

    from app import snapshot as snap
    from app.model import LIST_KEYS
    from tests.snapshot_samples import snapshot

    rows = snap.schema.MAX_HISTORY_ROWS
    column = tuple(float(1 << 30) + i for i in range(rows))
    history = snap.HistoryBlock(
        times=tuple(1_790_000_000.0 + i for i in range(rows)),
        totals=tuple(float(1 << 34) for _ in range(rows)),
        available=column,
        series={k: column for k in LIST_KEYS},
    )
    processes = tuple(
        snap.ProcessEntry(
            pid, f'job{{{pid}}},[x]"q"', "user,name", 1 << 20, private=1, shared=2, pss=3, create_time=1.5
        )
        for pid in range(snap.schema.MAX_PROCESSES)
    )
    big = replace(snapshot(), history=history, processes=processes)
    loaded = snap.loads(json.dumps(big.to_json()))
    assert len(loaded.processes) == snap.schema.MAX_PROCESSES and loaded.history is not None
    assert len(loaded.history) == rows
