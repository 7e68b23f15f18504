"""``ramlens pages [--json] [--combinations N] [--use-counts] [--priorities] [--owners] [--ranges]``.

A census of every physical page frame through the backend's page-census capability (Linux:
/proc/kpageflags, root; Windows: the PFN database, administrator), or only the physical ranges.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app.backends.base import Backend, BackendError, NeedsPrivilege
from app.cli import physical
from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, backend_or_exit, error, print_json
from app.units import format_bytes, format_percent

if TYPE_CHECKING:  # numpy is loaded only when a census is taken
    from app.pagecensus import Census
    from app.physranges import PhysicalRangesSource


def register(subparsers: Any) -> None:
    """Add the ``pages`` subcommand."""
    parser = subparsers.add_parser(
        "pages",
        help="classify every physical page frame (Linux: root; Windows: administrator)",
        description="Classify every physical page frame and compare the totals with the system's own "
        "figures. Linux reads /proc/kpageflags (classes: free, standby, modified, mapped file, anonymous, "
        "shmem, slab, page tables, unevictable, reserved, other; flag combinations like page-types). "
        "Windows reads the PFN database (classes: the memory lists; compared with class 80).",
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
    parser.add_argument("--priorities", action="store_true", help="also standby by priority 0–7 (Windows)")
    parser.add_argument(
        "--owners", action="store_true", help="also process-private standby/modified pages per process"
    )
    parser.add_argument(
        "--ranges",
        action="store_true",
        help="only the physical ranges (no census): Linux: RAM (/proc/iomem, root), memory blocks, zones; "
        "Windows: the memory manager's RAM ranges (administrator)",
    )
    parser.set_defaults(func=cmd_pages)


def cmd_pages(args: argparse.Namespace) -> int:
    """Take the census and print it."""
    if args.combinations < 0:
        error("--combinations must be 0 or more")
        return EXIT_USAGE
    backend = backend_or_exit()
    capabilities = backend.capabilities()
    if args.ranges:
        return _ranges(capabilities.physical_ranges, args.json)
    source = capabilities.page_census
    if source is None:
        error("pages classifies every physical page frame, which this system does not expose")
        return EXIT_USAGE
    try:
        census = source.take(map_counts=args.map_counts)
    except BackendError as exc:
        hint = "ramlens --elevate pages" if backend.can_relaunch_elevated() else "sudo ramlens pages"
        error(f"{exc} (run `{hint}`)" if isinstance(exc, NeedsPrivilege) else str(exc))
        _print_lists(backend)
        return EXIT_USAGE if isinstance(exc, NeedsPrivilege) else EXIT_FAILED
    if args.json:
        print_json(census.to_json(args.combinations))
        return EXIT_OK
    _print(census, args.combinations)
    if args.use_counts and census.use_counts is not None:
        print()
        physical.print_use_counts(census.use_counts)
    if args.priorities and census.priorities is not None:
        print()
        physical.print_priorities(census.priorities)
    if args.owners and census.owners is not None:
        print()
        physical.print_owners(census.owners, census.page_size)
    for wanted, flag, have in (
        (args.use_counts, "--use-counts", census.use_counts),
        (args.priorities, "--priorities", census.priorities),
        (args.owners, "--owners", census.owners),
    ):
        if wanted and have is None:
            print(f"\n{flag}: this census has no such view here")
    return EXIT_OK


def _ranges(source: PhysicalRangesSource | None, as_json: bool) -> int:
    if source is None:
        error("this backend cannot read the physical memory ranges")
        return EXIT_USAGE
    ranges = source.read()
    if as_json:
        print_json(ranges.to_json())
    else:
        physical.print_ranges(ranges)
    return EXIT_OK if ranges.ram or ranges.blocks or ranges.zones else EXIT_FAILED


def _print_lists(backend: Backend) -> None:
    """After a refused census, the memory-list totals the system still reports (on stderr)."""
    try:
        sample = backend.sample()
    except BackendError:
        return
    totals = ", ".join(f"{m.label} {format_bytes(m.bytes)}" for m in sample.lists)
    error(f"the memory lists still read: {totals}")


def _print(census: Census, combinations: int) -> None:
    page = census.page_size
    total = census.frames * page
    print(f"{census.frames} page frames ({format_bytes(total)}) of {format_bytes(page)}")
    print()
    head = f"{'class':<28} {'pages':>10} {'size':>11} {'share':>8}"
    print(f"{head}   {census.reference_name:>11}  {'difference':>11}  figure")
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
