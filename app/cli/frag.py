"""``ramlens frag [--json] [--types]``: free memory by block size and the kernel's fragmentation indices."""

from __future__ import annotations

import argparse
from typing import Any

from app.backends.base import BackendError, NeedsPrivilege
from app.buddy import UNHANDED_LABEL, FragmentationReport, PagetypeInfo, format_index
from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, backend_or_exit, error, print_json
from app.units import format_bytes


def register(subparsers: Any) -> None:
    """Add the ``frag`` subcommand."""
    parser = subparsers.add_parser(
        "frag",
        help="free memory by block size and the fragmentation indices (Linux)",
        description="Free blocks per order from /proc/buddyinfo with the kernel's unusable-free and "
        "fragmentation indices (as mm/vmstat.c computes them), MemFree against the buddy allocator, "
        "and the compaction counters.",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--types",
        action="store_true",
        help="also split the free blocks by migrate type from /proc/pagetypeinfo (root; expensive)",
    )
    parser.set_defaults(func=cmd_frag)


def cmd_frag(args: argparse.Namespace) -> int:
    """Print the fragmentation report (and the migrate-type split with --types)."""
    source = backend_or_exit().capabilities().fragmentation
    if source is None:
        error("frag reads the buddy allocator's free blocks, which this system does not expose (Linux only)")
        return EXIT_USAGE
    try:
        report = source.read()
        types = source.read_migrate_types() if args.types else None
    except NeedsPrivilege as exc:
        error(f"{exc} (run `sudo ramlens frag --types`, or leave out --types)")
        return EXIT_USAGE
    except BackendError as exc:
        error(str(exc))
        return EXIT_FAILED
    if args.json:
        doc = report.to_json()
        if types is not None:
            doc["pagetypeinfo"] = _types_json(types)
        print_json(doc)
        return EXIT_OK
    _print_report(report)
    if types is not None:
        _print_types(types, report.page_size)
    return EXIT_OK


def _print_report(report: FragmentationReport) -> None:
    page = report.page_size
    threshold = "unknown" if report.extfrag_threshold is None else format_index(report.extfrag_threshold)
    print(
        f"Huge-page order {report.huge_order} ({format_bytes(page << report.huge_order)}); "
        f"the kernel compacts a zone whose fragmentation index is above {threshold} (extfrag_threshold)"
    )
    for z in report.zones:
        print()
        free = format_bytes(z.free_pages * page)
        print(f"Node {z.node}, zone {z.zone}: {free} free in {z.free_blocks} blocks")
        if not z.free_pages:
            continue
        print(f"  {'order':>5} {'block':>9} {'blocks':>9} {'free':>11} {'unusable':>9} {'fragmentation':>14}")
        for o in z.orders:
            print(
                f"  {o.order:>5} {format_bytes(page << o.order):>9} {o.blocks:>9} "
                f"{format_bytes(o.pages * page):>11} {format_index(o.unusable_free_index):>9} "
                f"{format_index(o.fragmentation_index):>14}"
            )
    print()
    print(f"MemFree                {format_bytes(report.memfree_bytes):>11}")
    print(f"buddy free blocks      {format_bytes(report.buddy_free_bytes):>11}")
    print(f"difference             {format_bytes(report.unhanded_bytes, signed=True):>11}  {UNHANDED_LABEL}")
    print()
    print("Compaction counters (totals since boot):")
    for c in report.compaction:
        print(f"  {c.name:<26} {c.value:>14}")
    print("(fragmentation index: near 0 = a failure would be for lack of memory, near 1 = fragmentation; ")
    print(" -1.000 = an allocation of that order would succeed now)")


def _print_types(types: PagetypeInfo, page: int) -> None:
    width = max(len(r.counts) for r in types.free)
    print()
    print(f"Free blocks by migrate type (pageblock order {types.pageblock_order}; '>' = at least):")
    print(f"  {'zone':<14} {'type':<12}" + "".join(f"{o:>9}" for o in range(width)) + f"{'free':>12}")
    for r in types.free:
        cells = "".join(
            f"{('>' if bound else '') + str(count):>9}"
            for count, bound in zip(r.counts, r.lower_bound, strict=True)
        )
        free = (">" if r.overflowed else "") + format_bytes(r.free_pages * page)
        print(f"  {f'{r.node}/{r.zone}':<14} {r.migrate_type:<12}{cells}{free:>12}")
    print()
    print("Pageblocks by migrate type:")
    for b in types.blocks:
        print(f"  {f'{b.node}/{b.zone}':<14} " + ", ".join(f"{t} {n}" for t, n in b.blocks))


def _types_json(types: PagetypeInfo) -> dict[str, Any]:
    return {
        "pageblock_order": types.pageblock_order,
        "pages_per_block": types.pages_per_block,
        "free": [
            {
                "node": r.node,
                "zone": r.zone,
                "type": r.migrate_type,
                "counts": list(r.counts),
                "lower_bound": list(r.lower_bound),
            }
            for r in types.free
        ],
        "blocks": [{"node": b.node, "zone": b.zone, "blocks": dict(b.blocks)} for b in types.blocks],
    }
