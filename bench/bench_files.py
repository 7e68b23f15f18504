"""Per-file page-cache scan rate (files per second) against fincore (util-linux) over the same file list.

Both measure the same regular files (up to LIMIT from /usr, metadata warmed by a first untimed
pass): ours opens each file and calls cachestat (or mincore), fincore opens, maps and calls mincore
(util-linux 2.38; newer versions use cachestat too). fincore gets the paths as arguments in batches, so
its process start-up is spread over BATCH files. Reported: files/s of each and our rate ÷ fincore's.
Also the folder walk (scan of /usr/share, which adds the directory reading) in files/s.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import time

from app.backends.linux.filecache import PageCacheFiles

LIMIT = 20000
BATCH = 2000
ROUNDS = 3


def file_list(root: str = "/usr", limit: int = LIMIT) -> list[str]:
    """Regular files under ``root`` (symlinks not followed), at most ``limit``."""
    out: list[str] = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            if os.path.isfile(path) and not os.path.islink(path):
                out.append(path)
                if len(out) >= limit:
                    return out
    return out


def ours(paths: list[str]) -> float:
    """Seconds for our scan of exactly these files."""
    start = time.perf_counter()
    PageCacheFiles().scan(paths)
    return time.perf_counter() - start


def fincore(paths: list[str]) -> float:
    """Seconds for fincore over the same files, BATCH paths per run."""
    start = time.perf_counter()
    for i in range(0, len(paths), BATCH):
        subprocess.run(
            ["fincore", "--bytes", "--raw", "--noheadings", *paths[i : i + BATCH]],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    return time.perf_counter() - start


def main() -> None:
    """Print the rates and their ratio."""
    if not shutil.which("fincore"):
        print("fincore (util-linux) is not installed: nothing to compare with")
        return
    paths = file_list()
    ours(paths)  # warm the inode and dentry caches for both
    fincore(paths)
    ours_s = [ours(paths) for _ in range(ROUNDS)]
    fincore_s = [fincore(paths) for _ in range(ROUNDS)]
    a, b = statistics.median(ours_s), statistics.median(fincore_s)
    print(
        f"{len(paths)} files from /usr, median of {ROUNDS} rounds (method: {PageCacheFiles().method().value})"
    )
    print(f"  ramlens files : {len(paths) / a:10,.0f} files/s")
    print(f"  fincore       : {len(paths) / b:10,.0f} files/s")
    print(f"  ratio         : {b / a:10.2f} × fincore's rate")
    scan = PageCacheFiles().scan(["/usr/share"])
    print(
        f"  folder walk of /usr/share: {scan.examined / scan.elapsed:,.0f} files/s ({scan.examined:,} files)"
    )


if __name__ == "__main__":
    main()
