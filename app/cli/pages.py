"""``ramlens pages [--json] [--combinations N]``: a census of every physical page frame (Linux, root)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app.backends.base import BackendError, NeedsPrivilege
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
    parser.set_defaults(func=cmd_pages)


def cmd_pages(args: argparse.Namespace) -> int:
    """Take the census and print it."""
    if args.combinations < 0:
        error("--combinations must be 0 or more")
        return EXIT_USAGE
    source = backend_or_exit().capabilities().page_census
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
    if args.json:
        print_json(census.to_json(args.combinations))
    else:
        _print(census, args.combinations)
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
