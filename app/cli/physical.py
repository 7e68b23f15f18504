"""Text for ``ramlens pages --use-counts`` and ``ramlens pages --ranges`` (pages.py calls these)."""

from __future__ import annotations

from app.physranges import PhysicalRanges
from app.units import format_bytes
from app.usecounts import ListColumn, Use, UseCounts


def print_use_counts(counts: UseCounts) -> None:
    """The matrix in bytes: one row per use, one column per list, totals last."""
    page = counts.page_size
    columns = list(ListColumn)
    print(f"{'use':<22}" + "".join(f"{c.value:>11}" for c in columns) + f"{'total':>11}")
    for use in Use:
        cells = "".join(f"{format_bytes(counts.cell(use, c) * page):>11}" for c in columns)
        print(f"{use.value:<22}{cells}{format_bytes(counts.row_total(use) * page):>11}")
    totals = "".join(f"{format_bytes(counts.column_total(c) * page):>11}" for c in columns)
    print(f"{'total':<22}{totals}{format_bytes(counts.total * page):>11}")


def print_ranges(ranges: PhysicalRanges) -> None:
    """RAM ranges, memory blocks and zones; what could not be read is said last."""
    page = ranges.page_size
    if ranges.ram:
        print(f"Physical RAM (/proc/iomem): {format_bytes(ranges.ram_bytes)} in {len(ranges.ram)} ranges")
        for r in ranges.ram:
            print(f"  0x{r.start:012x} – 0x{r.end:012x}  {format_bytes(r.size):>11}")
        print()
    if ranges.blocks:
        block = format_bytes(ranges.blocks[0].block_size, digits=0)
        print(f"Memory blocks (/sys/devices/system/memory, {block} each)")
        for b in ranges.blocks:
            node = "" if b.node is None else f"node {b.node}"
            size = format_bytes(b.blocks * b.block_size)
            print(
                f"  0x{b.start:012x} – 0x{b.end:012x}  {size:>11}  {b.blocks:>5} blocks  {b.state:<8} {node}"
            )
        print()
    if ranges.zones:
        print("Zones (/proc/zoneinfo)")
        print(f"  {'zone':<16} {'start':>14}{'spanned':>12}{'present':>12}{'managed':>12}")
        for z in ranges.zones:
            if not z.spanned:
                continue
            sizes = "".join(f"{format_bytes(n * page):>12}" for n in (z.spanned, z.present, z.managed))
            print(f"  {f'node {z.node} {z.zone}':<16} 0x{z.start_pfn * page:012x}{sizes}")
    for problem in ranges.problems:
        print(f"not shown: {problem}")
