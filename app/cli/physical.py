"""Text for ``ramlens pages --use-counts``, ``--priorities``, ``--owners`` and ``--ranges``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.units import format_bytes

if TYPE_CHECKING:  # numpy: `pages --ranges` prints without it
    from app.pagecensus import OwnerPages, PrioritySummary
    from app.physranges import PhysicalRanges
    from app.usecounts import UseCounts


def print_use_counts(counts: UseCounts) -> None:
    """The matrix in bytes: one row per use, one column per list (as wide as its label), totals last."""
    page = counts.page_size
    widths = [max(11, len(c.label) + 2) for c in counts.columns] + [11]

    def line(label: str, pages: list[int]) -> str:
        return f"{label:<22}" + "".join(
            f"{format_bytes(n * page):>{w}}" for n, w in zip(pages, widths, strict=True)
        )

    print(
        f"{'use':<22}"
        + "".join(f"{c.label:>{w}}" for c, w in zip(counts.columns, widths, strict=False))
        + f"{'total':>11}"
    )
    for i, row in enumerate(counts.rows):
        print(line(row.label, [*counts.pages[i], sum(counts.pages[i])]))
    print(line("total", [*(counts.column_total(c.key) for c in counts.columns), counts.total]))
    for note in counts.notes:
        print(f"  {note}")


def print_priorities(summary: PrioritySummary) -> None:
    """Standby by priority: counted in the census, listed by the kernel, repurposed since boot."""
    page = summary.page_size
    print(f"{'priority':>8} {'standby (census)':>17} {'standby (listed)':>17} {'repurposed':>11}")
    for p in range(len(summary.census)):
        print(
            f"{p:>8} {format_bytes(summary.census[p] * page):>17} "
            f"{format_bytes(summary.listed[p] * page):>17} {summary.repurposed[p]:>11,}"
        )
    print("  repurposed: pages taken from that priority's standby list since boot (a count, not a size)")


def print_owners(owners: tuple[OwnerPages, ...], page_size: int) -> None:
    """Process-private standby and modified pages per process, the largest first."""
    print(f"{'pid':>8} {'standby':>11} {'modified':>11}")
    for o in sorted(owners, key=lambda o: (-(o.standby + o.modified), o.pid)):
        print(
            f"{o.pid:>8} {format_bytes(o.standby * page_size):>11} {format_bytes(o.modified * page_size):>11}"
        )


def print_ranges(ranges: PhysicalRanges) -> None:
    """RAM ranges, memory blocks and zones; what could not be read is said last."""
    page = ranges.page_size
    if ranges.ram:
        print(f"Physical RAM: {format_bytes(ranges.ram_bytes)} in {len(ranges.ram)} ranges")
        for r in ranges.ram:
            print(f"  0x{r.start:012x} – 0x{r.end:012x}  {format_bytes(r.size):>11}  {r.name}")
        print()
    if ranges.blocks:
        block = format_bytes(ranges.blocks[0].block_size, digits=0)
        print(f"Memory blocks ({block} each)")
        for b in ranges.blocks:
            node = "" if b.node is None else f"node {b.node}"
            size = format_bytes(b.blocks * b.block_size)
            print(
                f"  0x{b.start:012x} – 0x{b.end:012x}  {size:>11}  {b.blocks:>5} blocks  {b.state:<8} {node}"
            )
        print()
    if ranges.zones:
        print("Zones")
        print(f"  {'zone':<16} {'start':>14}{'spanned':>12}{'present':>12}{'managed':>12}")
        for z in ranges.zones:
            if not z.spanned:
                continue
            sizes = "".join(f"{format_bytes(n * page):>12}" for n in (z.spanned, z.present, z.managed))
            print(f"  {f'node {z.node} {z.zone}':<16} 0x{z.start_pfn * page:012x}{sizes}")
    for problem in ranges.problems:
        print(f"not shown: {problem}")
