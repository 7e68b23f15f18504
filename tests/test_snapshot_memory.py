"""A rejected snapshot costs at most 6× its size in memory (issue 12.4), each measured in its own process.

Before the fix, a 63 MiB file of ``[{},{},…]`` process entries cost 1.6 GB of RSS to refuse: json
built 22 million dicts before any cap was checked. Each shape here is 63 MiB (just under the 64 MiB
cap) and crafted to cost the most per byte in one way; a process forked for that file alone from a
warmed-up loader measures its peak RSS above its baseline.

The peak is the kernel's high-water mark of that process's own memory (``VmHWM``, reset at the
baseline), not ``ru_maxrss``: Linux carries ``ru_maxrss`` over an exec, so a child started by a
test process that once held a few hundred MiB would report that figure as its own and hide a load
costing less than it.
"""

from __future__ import annotations

import select
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

SIZE = 63 * 2**20
BOUND = 6  # × the file's size
HEAD = b'{"kind":"ramlens-snapshot","schema":1,'
ROOT = Path(__file__).resolve().parent.parent
FILL = -1  # a run's count: as many as fit in SIZE

# Imports once and warms up, then forks one process per file: each load is measured in a process of
# its own, starting from the warmed-up state, and the start-up is paid once instead of once a file.
LOADER = """
import os, sys
from app import snapshot as snap

def status(field):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) * 1024 for line in f if line.startswith(field + ":"))

try:
    snap.loads(b'{"kind":"ramlens-snapshot","schema":1}')  # warm-up: every import in the baseline
except snap.SnapshotError:
    pass
for line in sys.stdin:
    if os.fork():
        _, code = os.wait()
        if code:
            print("the loading process failed:", code, flush=True)
        continue
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # the high-water mark starts again from the current RSS
    base = status("VmHWM")
    try:
        snap.load(line.rstrip("\\n"))
        verdict = "loaded"
    except snap.SnapshotError as exc:
        verdict = f"refused: {exc}"
    print(verdict, status("VmHWM") - base, sep="\\t", flush=True)
    os._exit(0)
"""
LIMIT = 300  # seconds for one load: far beyond the few tenths it takes


class Loader:
    """The LOADER process: ``measure`` has a file loaded in a fresh process and returns its verdict and
    the peak memory (bytes) above the baseline it took to reach it."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", LOADER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT
        )

    def measure(self, path: Path) -> tuple[str, int]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"{path}\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], LIMIT)
        assert ready, f"no answer within {LIMIT} s"
        verdict, _, peak = self.process.stdout.readline().rstrip("\n").partition("\t")
        assert peak, verdict or f"the loader ended ({self.process.poll()})"
        return verdict, int(peak)

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        assert self.process.wait(timeout=LIMIT) == 0


@pytest.fixture(scope="module")
def loader() -> Iterator[Loader]:
    started = Loader()
    yield started
    started.close()


Runs = tuple[tuple[bytes, int], ...]  # (bytes, how many times) written one after the other


def write_shape(path: Path, runs: Runs) -> None:
    """Write ``runs`` to ``path`` a MiB at a time (the test process never holds the 63 MiB)."""
    fixed = sum(len(piece) * count for piece, count in runs if count != FILL)
    with path.open("wb") as out:
        for piece, count in runs:
            _repeat(out, piece, (SIZE - fixed) // len(piece) if count == FILL else count)


def _repeat(out: BinaryIO, piece: bytes, count: int) -> None:
    per_block = max(1, 2**20 // len(piece))
    blocks, rest = divmod(count, per_block)
    block = piece * per_block
    for _ in range(blocks):
        out.write(block)
    out.write(piece * rest)


def _filled(prefix: bytes, unit: bytes, suffix: bytes) -> Runs:
    return ((prefix, 1), (unit, FILL), (suffix, 1))


TEXT = b'"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstu",'
SHAPES: dict[str, Runs] = {
    # the probe's file: a processes array of empty objects
    "empty objects": _filled(HEAD + b'"processes":[', b"{},", b"{}]}"),
    "empty arrays": _filled(HEAD + b'"processes":[', b"[],", b"[]]}"),
    "short floats": _filled(HEAD + b'"history":{"times":[', b"1e9,", b"1]}}"),
    "short texts": _filled(HEAD + b'"processes":[', b'"ab",', b'"a"]}'),
    "one giant text with an emoji": _filled(HEAD + b'"app_version":"\xf0\x9f\x98\x80', b"a", b'"}'),
    # the file summary: empty entries, refused by the container count
    "file summary of empty objects": _filled(
        HEAD + b'"files":{"method":"cachestat","complete":true,"files":[', b"{},", b"{}]}}"
    ),
    # the longest texts the quick checks let through (16 KiB, 4 × PATH_MAX), so they reach the parser
    # and the summary's own check refuses them
    "file summary of 16 KiB paths": _filled(
        HEAD + b'"files":{"method":"cachestat","complete":true,"files":[',
        b'{"path":"/' + b"p" * 16_000 + b'","cached_bytes":1},',
        b'{"path":"/","cached_bytes":1}]}}',
    ),
    # under every count cap, so it reaches the parser; a euro sign makes the text 2 bytes a character
    "texts and numbers under the caps": (
        (HEAD + b'"processes":["\xe2\x82\xac",', 1),
        (TEXT, 1_200_000),
        (b"1790000000.1234567,", FILL),
        (b"1]}", 1),
    ),
}


@pytest.mark.skipif(
    not Path("/proc/self/clear_refs").exists(), reason="needs Linux's per-process memory high-water mark"
)
@pytest.mark.parametrize("shape", list(SHAPES))
def test_peak_memory_of_a_rejected_63_mib_file(tmp_path: Path, shape: str, loader: Loader) -> None:
    path = tmp_path / "hostile.json"
    write_shape(path, SHAPES[shape])
    assert path.stat().st_size <= SIZE
    verdict, peak = loader.measure(path)
    path.unlink()  # 63 MiB each: not kept among pytest's last runs
    assert verdict.startswith("refused: hostile.json: ")
    assert peak <= BOUND * SIZE, f"{shape}: {peak / 2**20:.0f} MiB above baseline to refuse"


def test_the_largest_real_snapshot_still_loads() -> None:
    """The caps refuse hostile files, never real ones: the largest snapshot (24 h of 1 s history for seven
    lists, 100,000 processes with braces, commas and quotes in every name), as the program writes it."""
    from app import snapshot as snap
    from app.model import LIST_KEYS
    from tests.snapshot_samples import largest

    big = largest()
    assert big.history is not None
    loaded = snap.loads(snap.dumps(big))
    assert len(loaded.processes) == snap.schema.MAX_PROCESSES and loaded.history is not None
    assert (
        len(loaded.history) == snap.schema.MAX_HISTORY_ROWS
        and len(loaded.history.series) == len(LIST_KEYS) == 7
    )
    assert loaded.processes[-1] == big.processes[-1]
    assert loaded.history.series["free"][-1] == big.history.series["free"][-1]
