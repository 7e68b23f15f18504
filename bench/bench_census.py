"""Physical-page census vs a raw read of /proc/kpageflags, and the census's peak extra memory.

Target: census ≤ 1.5 × the raw read of the same file in the same run. Peak memory is measured with
tracemalloc (numpy's buffers are traced) on the live machine and on synthetic kpageflags files of
two sizes, to show that it does not grow with RAM.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

from app.backends.linux import census

ROUNDS = 5
MiB = 1 << 20


def raw_read(path: Path) -> int:
    """Read the whole file in 8 MiB chunks into one buffer, doing nothing with it: the reference."""
    buf = bytearray(census.CHUNK_FRAMES * 8)
    view = memoryview(buf)
    fd = os.open(path, os.O_RDONLY)
    total = 0
    try:
        while n := os.readv(fd, [view]):
            total += n
    finally:
        os.close(fd)
    return total


def peak_bytes(proc: Path) -> int:
    """tracemalloc's peak while one census runs."""
    tracemalloc.start()
    try:
        census.take_census(proc)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def synthetic(root: Path, frames: int) -> Path:
    """A kpageflags-like file of ``frames`` frames with a realistic mix of flag words."""
    root.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(1)
    words = np.array([0, 0x400, 0x402000028, 0x40000086C, 0x400005828, 0x10080, 0x4000000], dtype="<u8")
    with (root / "kpageflags").open("wb") as out:
        for start in range(0, frames, census.CHUNK_FRAMES):
            n = min(census.CHUNK_FRAMES, frames - start)
            out.write(words[rng.integers(0, len(words), n)].tobytes())
    (root / "zoneinfo").write_text(f"Node 0, zone   Normal\n  spanned  {frames}\n  start_pfn:   0\n")
    return root


def main() -> None:
    """Print the census/raw ratio (median of ROUNDS) and the peak extra memory."""
    path = Path("/proc/kpageflags")
    if os.geteuid() != 0 or not path.exists():
        print("skipped: the census reads /proc/kpageflags, which needs root")
        return
    raws, runs = [], []
    result = census.take_census()  # warm up (page cache of the code, numpy's first-call costs)
    for _ in range(ROUNDS):
        t = time.perf_counter()
        raw_read(path)
        raws.append(time.perf_counter() - t)
        t = time.perf_counter()
        result = census.take_census()
        runs.append(time.perf_counter() - t)
    raw, run = statistics.median(raws), statistics.median(runs)
    ram = result.frames * result.page_size
    print(f"frames: {result.frames} ({ram / 2**30:.1f} GiB of physical address space)")
    print(f"raw read of /proc/kpageflags: {raw * 1000:.0f} ms (median of {ROUNDS})")
    print(f"census (read + classify + combinations + map): {run * 1000:.0f} ms")
    print(f"ratio census / raw read: {run / raw:.2f}x (target <= 1.5x)")
    print(f"peak extra memory (tracemalloc), live: {peak_bytes(Path('/proc')) / MiB:.1f} MiB")
    with tempfile.TemporaryDirectory() as tmp:
        for frames in (1 << 21, 1 << 24):  # 8 GiB and 64 GiB of 4 KiB frames
            root = synthetic(Path(tmp) / str(frames), frames)
            size = f"{frames * 4096 / 2**30:.0f} GiB"
            print(f"peak extra memory, synthetic {size}: {peak_bytes(root) / MiB:.1f} MiB")
            if frames == 1 << 21:
                # Every frame a random one of seven flag words: the worst case for the per-frame work,
                # read from the page cache, so this is RAMLens's own cost without the kernel's.
                t = time.perf_counter()
                census.take_census(root)
                own = (time.perf_counter() - t) / frames * result.frames
                print(
                    f"own cost, fully mixed {size} (scaled to this machine): {own * 1000:.0f} ms; "
                    f"worst-case ratio (raw read + own cost) / raw read: {(raw + own) / raw:.2f}x"
                )
            (root / "kpageflags").unlink()
