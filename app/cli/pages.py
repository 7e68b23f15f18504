"""``ramlens pages [--json] [--combinations N]``: a census of every physical page frame (Linux, root)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app.backends.base import Backend, BackendError, NeedsPrivilege
from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, backend_or_exit, error, print_json

if TYPE_CHECKING:  # numpy is loaded only when a census is taken
    from app.pagecensus import Census
from app.units import format_bytes, format_percent


def register(subparsers: Any) -> None:
    """Add the ``pages`` subcommand."""
    parser = subparsers.add_parser(
        "pages",
        help="classify every physical page frame from /proc/kpageflags (Linux, root)",
        description="Read /proc/kpageflags for every page frame, classify each one (free, standby, "
        "modified, mapped file, anonymous, shmem, slab, page tables, unevictable, reserved, other), "
        "compare the totals with /proc/meminfo and list the flag combinations like page-types.",
    )
    parser.add_argument("--json", action="store_true", help="print the census as JSON")
    parser.add_argument(
        "--combinations",
        type=int,
        default=20,
        metavar="N",
        help="list the N most common flag combinations (default 20; 0 for none)",
    )
    parser.add_argument(
        "--map-counts", action="store_true", help="also read /proc/kpagecount: mapped and shared frames"
    )
    parser.add_argument(
        "--use-counts", action="store_true", help="also the Use Counts matrix: pages by use × memory list"
    )
    parser.add_argument(
        "--ranges",
        action="store_true",
        help="only the physical ranges: RAM (/proc/iomem, root), memory blocks, zones (no census)",
    )
    parser.set_defaults(func=cmd_pages)


def cmd_pages(args: argparse.Namespace) -> int:
    """Take the census and print it."""
    if args.combinations < 0:
        error("--combinations must be 0 or more")
        return EXIT_USAGE
    backend = backend_or_exit()
    if args.ranges:
        return _ranges(backend, args.json)
    source = backend.capabilities().page_census
    if source is None:
        error("pages classifies every physical page frame, which this system does not expose (Linux only)")
        return EXIT_USAGE
    try:
        census = source.take(map_counts=args.map_counts)
    except NeedsPrivilege as exc:
        error(f"{exc} (run `sudo ramlens pages`)")
        return EXIT_USAGE
    except BackendError as exc:
        error(str(exc))
        return EXIT_FAILED
    counts = census.use_counts
    if args.use_counts and counts is None:
        error("this system's census has no Use Counts matrix")
        return EXIT_USAGE
    if args.json:
        doc = census.to_json(args.combinations)
        if counts is not None and args.use_counts:
            doc["use_counts"] = counts.to_json()
        print_json(doc)
    else:
        _print(census, args.combinations)
        if counts is not None and args.use_counts:
            from app.cli.physical import print_use_counts

            print()
            print_use_counts(counts)
    return EXIT_OK


def _ranges(backend: Backend, as_json: bool) -> int:
    from app.cli.physical import print_ranges

    source = backend.capabilities().physical_ranges
    if source is None:
        error("this backend cannot read the physical memory ranges")
        return EXIT_USAGE
    ranges = source.read()
    if as_json:
        print_json(ranges.to_json())
    else:
        print_ranges(ranges)
    return EXIT_OK


def _print(census: Census, combinations: int) -> None:
    page = census.page_size
    total = census.frames * page
    print(f"{census.frames} page frames ({format_bytes(total)}) of {format_bytes(page)}")
    print()
    head = f"{'class':<28} {'pages':>10} {'size':>11} {'share':>8}"
    print(f"{head}   {'/proc/meminfo':>11}  {'difference':>11}  figure")
    for row in census.comparisons():
        pages = row.census_bytes // page
        ref = "" if row.reference_bytes is None else format_bytes(row.reference_bytes)
        diff = "" if row.difference is None else format_bytes(row.difference, signed=True)
        print(
            f"{row.label:<28} {pages:>10} {format_bytes(row.census_bytes):>11} "
            f"{format_percent(row.census_bytes, total):>8}   {ref:>11}  {diff:>11}  {row.reference}"
        )
    for row in census.comparisons():
        if row.note:
            print(f"  {row.label}: {row.note}")
    if census.mapped_frames is not None:
        print()
        print(f"mapped by a process: {census.mapped_frames} frames; more than once: {census.shared_frames}")
    if combinations:
        print()
        print(f"{'pages':>10} {'size':>11}  {'flags':<18}  names")
        for flags, pages in census.top_combinations(combinations):
            names = census.describe_flags(flags)
            print(f"{pages:>10} {format_bytes(pages * page):>11}  0x{flags:016x}  {names}")
        hidden = len(census.combinations) - combinations
        if hidden > 0:
            print(f"… and {hidden} rarer combinations (--combinations N to see more)")
