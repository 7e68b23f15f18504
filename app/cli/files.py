"""``ramlens files [PATH ...] [--json] [--evict] [--yes] [--top N]``: which files are in the page cache.

With paths: those files (folders walked). Without: the files processes use, then the local file
systems, with progress on a terminal; Ctrl-C stops the scan and prints what was found (exit 130).
``--evict`` drops the named files' pages from the cache and reports what moved.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any, TypeVar

from app.backends.base import BackendError
from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, backend_or_exit, error, print_json
from app.filecache import Eviction, FileCacheSource, FileScan, Progress
from app.units import format_bytes, format_percent

T = TypeVar("T")

EXIT_INTERRUPTED = 130
TEXT_TOP = 30  # files listed without --top
FOLDERS_SHOWN = 10


def register(subparsers: Any) -> None:
    """Add the ``files`` subcommand."""
    parser = subparsers.add_parser(
        "files",
        help="which files hold pages in the page cache; evict one",
        description="List the files with pages in the page cache: cached, dirty, writeback and (recently) "
        "evicted bytes per file. Without PATH: the files processes use, then every local file system "
        "(Ctrl-C stops the scan and shows what was found).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (folders are walked)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--top", type=int, metavar="N", help=f"list the N most cached files (text: {TEXT_TOP})"
    )
    parser.add_argument("--evict", action="store_true", help="drop the named files' pages from the cache")
    parser.add_argument("--yes", action="store_true", help="evict without asking")
    parser.add_argument(
        "--keep-dirty",
        action="store_true",
        help="with --evict: do not write dirty pages first (they stay cached)",
    )
    parser.set_defaults(func=cmd_files)


def cmd_files(args: argparse.Namespace) -> int:
    """Scan (or evict) and print."""
    if args.top is not None and args.top < 1:
        error("--top must be 1 or more")
        return EXIT_USAGE
    backend = backend_or_exit()
    source = backend.capabilities().file_cache
    if source is None:
        error(f"the {backend.platform} backend cannot tell which files are in memory")
        return EXIT_USAGE
    if args.evict:
        return _evict(source, args)
    scan = _scan(source, args.paths or None)
    if args.json:
        print_json(scan.to_json(args.top))
    else:
        _print_scan(scan, args.top or TEXT_TOP, _lists(backend))
    if not scan.complete:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if scan.problems and not scan.files else EXIT_OK


class Interrupt:
    """The first Ctrl-C asks the scan to stop (it returns what it has); a second one ends the program."""

    def __init__(self) -> None:
        self.hit = False

    def __call__(self, _signum: int, _frame: FrameType | None) -> None:
        if self.hit:
            raise KeyboardInterrupt
        self.hit = True


def interruptible_scan(run: Callable[[Progress, Callable[[], bool]], T], noun: str) -> T:
    """Run a file scan with its progress on a terminal; the first Ctrl-C stops it (the scan returns
    what it found, marked incomplete), a second one quits."""
    interrupt = Interrupt()
    previous = signal.signal(signal.SIGINT, interrupt)
    show = sys.stderr.isatty()

    def progress(done: int, expected: int) -> None:
        if show:
            of = f" of about {expected:,}" if expected else ""
            print(
                f"\rlooked at {done:,}{of} {noun} (Ctrl-C stops and keeps what was found)",
                end="",
                file=sys.stderr,
            )

    try:
        return run(progress, lambda: interrupt.hit)
    finally:
        signal.signal(signal.SIGINT, previous)
        if show:
            print(file=sys.stderr)


def _scan(source: FileCacheSource, paths: Sequence[str] | None) -> FileScan:
    scan = interruptible_scan(lambda progress, cancelled: source.scan(paths, progress, cancelled), "files")
    if not scan.complete:
        error(f"interrupted after {scan.examined:,} files: the lists below are partial")
    for problem in scan.problems:
        error(problem)
    return scan


def _lists(backend: Any) -> dict[str, int]:
    """Standby and modified now (for the share the files explain); empty when unreadable."""
    try:
        sample = backend.sample()
    except BackendError:  # a failed reading only costs the comparison line
        return {}
    return {key: b for key in ("standby", "modified") if (b := sample.bytes_of(key)) is not None}


def _print_scan(scan: FileScan, top: int, lists: dict[str, int]) -> None:
    rows = scan.top(top)
    print(f"{'cached':>10} {'dirty':>10} {'size':>10} {'of file':>8}  path")
    for f in rows:
        dirty_text = "?" if f.dirty_bytes is None else format_bytes(f.dirty_bytes)
        print(
            f"{format_bytes(f.cached_bytes):>10} {dirty_text:>10} {format_bytes(f.size_bytes):>10} "
            f"{format_percent(f.cached_share, 1) if f.size_bytes else '':>8}  {f.path}"
        )
    if len(scan.files) > len(rows):
        print(f"… and {len(scan.files) - len(rows):,} more files (--top N to see more)")
    cached = scan.total("cached_bytes") or 0
    dirty = scan.total("dirty_bytes")
    print()
    print(
        f"{len(scan.files):,} files hold {format_bytes(cached)} in the page cache"
        + ("" if dirty is None else f" ({format_bytes(dirty)} dirty)")
        + f" · {scan.examined:,} files looked at in {scan.elapsed:.1f} s by {scan.method.value}"
        + (f" · {scan.refused:,} refused by the kernel (not yours to measure)" if scan.refused else "")
    )
    if lists:
        held = sum(lists.values())
        print(
            f"standby + modified now: {format_bytes(held)}; the files found hold "
            f"{format_percent(cached, held)} of that (pages processes map count as in use, not standby)"
        )
    folders = scan.folders()
    if len(folders) > 1:
        print()
        print(f"{'cached':>10} {'files':>8}  folder")
        for folder in folders[:FOLDERS_SHOWN]:
            print(f"{format_bytes(folder.cached_bytes):>10} {folder.files:>8}  {folder.path}")


def _evict(source: FileCacheSource, args: argparse.Namespace) -> int:
    if not args.paths:
        error("--evict needs the files or folders to drop from the cache")
        return EXIT_USAGE
    if not args.yes:
        if not sys.stdin.isatty():
            error("--evict asks first; add --yes to evict without a terminal")
            return EXIT_USAGE
        answer = input(f"Drop the cached pages of {', '.join(args.paths)} from memory? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            error("nothing evicted")
            return EXIT_FAILED
    results = source.evict(args.paths, write_dirty=not args.keep_dirty)
    if args.json:
        print_json(
            {
                "evicted": [r.to_json() for r in results],
                "moved_bytes": sum(r.moved_bytes for r in results),
                "kept_bytes": sum(r.kept_bytes for r in results),
            }
        )
    else:
        _print_evictions(results)
    return EXIT_FAILED if any(r.error for r in results) or not results else EXIT_OK


def _print_evictions(results: Sequence[Eviction]) -> None:
    for r in results:
        if r.error:
            print(f"{r.path}: {r.error}")
            continue
        note = " (dirty pages written first)" if r.wrote_dirty else ""
        kept = f", {format_bytes(r.kept_bytes)} kept (mapped, locked or dirty)" if r.kept_bytes else ""
        print(f"{r.path}: {format_bytes(r.moved_bytes)} left the cache{kept}{note}")
    moved = sum(r.moved_bytes for r in results)
    print(f"{len(results):,} files: {format_bytes(moved)} moved from the page cache to free memory")
