"""The kernel's fragmentation indices, checked against values worked out by hand.

Formulas (mm/vmstat.c), for counts c[o] and a target order s:
  total = Σ c[o];  free = Σ c[o] << o;  suitable = Σ_{o ≥ s} c[o] << (o − s)
  unusable(s) = 1000 if free == 0 else (free − (suitable << s)) * 1000 // free
  frag(s)     = 0 if total == 0; −1000 if suitable; else 1000 − (1000 + free * 1000 // 2**s) // total
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app import buddy
from app.backends.base import BackendError
from app.backends.linux import fragmentation as fr
from app.buddy import ZoneFree

FIXTURES = Path(__file__).parent / "fixtures" / "linux"
PAGE = 4096


def report(capture: str) -> buddy.FragmentationReport:
    return fr.read_fragmentation(FIXTURES / capture, FIXTURES / "no-sys", page_size=PAGE)


def zone(rep: buddy.FragmentationReport, name: str) -> buddy.ZoneFragmentation:
    return next(z for z in rep.zones if z.zone == name)


# --- busy-cache -------------------------------------------------------------------------------
# DMA    0 0 0 0 0 0 0 0 1 1 3
#   total = 5; free = 256 + 512 + 3·1024 = 3840
#   s=9:  suitable = 1 + 3·2 = 7 → frag −1000; unusable = (3840 − 7·512) · 1000 // 3840 = 256000 // 3840 = 66
#   s=10: suitable = 3 → unusable = (3840 − 3072) · 1000 // 3840 = 768000 // 3840 = 200
# DMA32  2 3 0 2 3 2 1 4 4 2 752
#   free = 2+6+0+16+48+64+64+512+1024+1024+770048 = 772808 (= the zone's managed pages)
#   s=9:  suitable = 2 + 752·2 = 1506 → suitable << 9 = 771072
#         unusable = (772808 − 771072) · 1000 // 772808 = 1736000 // 772808 = 2
# Normal 902 489 379 513 452 331 233 195 9 1 7
#   total = 3511; free = 902+978+1516+4104+7232+10592+14912+24960+2304+512+7168 = 75180
#   s=3:  suitable << 3 = 75180 − (902+978+1516) = 71784 → unusable = 3396000 // 75180 = 45
#   s=9:  suitable = 1 + 7·2 = 15 → 7680; unusable = 67500000 // 75180 = 897; frag −1000
#   s=10: suitable = 7 → 7168; unusable = 68012000 // 75180 = 904


def test_busy_cache_indices_by_hand() -> None:
    rep = report("busy-cache")
    dma, dma32, normal = zone(rep, "DMA"), zone(rep, "DMA32"), zone(rep, "Normal")
    assert (dma.free_pages, dma.free_blocks) == (3840, 5)
    assert dma.orders[9].unusable_free_index == 66
    assert dma.orders[10].unusable_free_index == 200
    assert dma.orders[9].fragmentation_index == -1000
    assert dma32.free_pages == 772808
    assert dma32.orders[9].unusable_free_index == 2
    assert (normal.free_pages, normal.free_blocks) == (75180, 3511)
    assert normal.orders[0].unusable_free_index == 0
    assert normal.orders[3].unusable_free_index == 45
    assert normal.orders[9].unusable_free_index == 897
    assert normal.orders[10].unusable_free_index == 904
    assert all(o.fragmentation_index == -1000 for o in normal.orders)  # an order-10 block exists
    assert [o.pages for o in normal.orders][:3] == [902, 978, 1516]


# --- after-drop-compact ----------------------------------------------------------------------
# Normal 724 458 382 443 324 202 126 91 61 55 472
#   total = 3338; free = 724+916+1528+3544+5184+6464+8064+11648+15616+28160+483328 = 565176
#   s=9:  suitable = 55 + 472·2 = 999 → 511488; unusable = 53688000 // 565176 = 94 (565176·95 = 53691720)
#   s=10: suitable = 472 → 483328; unusable = 81848000 // 565176 = 144 (565176·145 = 81950520)


def test_after_drop_compact_indices_by_hand() -> None:
    rep = report("after-drop-compact")
    normal = zone(rep, "Normal")
    assert (normal.free_pages, normal.free_blocks) == (565176, 3338)
    assert normal.orders[9].unusable_free_index == 94
    assert normal.orders[10].unusable_free_index == 144
    assert buddy.format_index(normal.orders[9].unusable_free_index) == "0.094"
    # Compaction turned the Normal zone's huge-page order from 0.897 unusable to 0.094.
    assert zone(report("busy-cache"), "Normal").orders[9].unusable_free_index == 897


def test_failing_allocation_fragmentation_index_by_hand() -> None:
    # Busy Normal without its order-9/10 blocks: 902 489 379 513 452 331 233 195 9 0 0
    #   total = 3503; free = 75180 − 512 − 7168 = 67500; suitable(9) = 0
    #   frag(9) = 1000 − (1000 + 67500000 // 512) // 3503 = 1000 − (1000 + 131835) // 3503
    #           = 1000 − 132835 // 3503 = 1000 − 37 = 963;  unusable(9) = 1000
    counts = (902, 489, 379, 513, 452, 331, 233, 195, 9, 0, 0)
    assert buddy.fragmentation_index(counts, 9) == 963
    assert buddy.unusable_free_index(counts, 9) == 1000
    assert buddy.format_index(963) == "0.963"


def test_empty_zone() -> None:
    z = buddy.zone_fragmentation(ZoneFree(0, "Movable", (0,) * 11))
    assert all(o.unusable_free_index == 1000 for o in z.orders)  # no free pages: nothing usable
    assert all(o.fragmentation_index == 0 for o in z.orders)  # no free blocks: index 0
    assert z.free_pages == 0


def test_all_memory_at_order_zero() -> None:
    # 1000 single pages: s=0 succeeds (−1000, unusable 0);
    # s=1: 1000 − (1000 + 1000000 // 2) // 1000 = 1000 − 501 = 499
    # s=9: 1000 − (1000 + 1000000 // 512) // 1000 = 1000 − 2953 // 1000 = 998
    counts = (1000,) + (0,) * 10
    assert buddy.fragmentation_index(counts, 0) == -1000
    assert buddy.unusable_free_index(counts, 0) == 0
    assert buddy.fragmentation_index(counts, 1) == 499
    assert buddy.fragmentation_index(counts, 9) == 998
    assert all(buddy.unusable_free_index(counts, s) == 1000 for s in range(1, 11))


def test_all_memory_at_top_order() -> None:
    # 5 blocks of order 10: every order fits (−1000) and nothing is unusable (suitable << s == free).
    counts = (0,) * 10 + (5,)
    assert all(buddy.fragmentation_index(counts, s) == -1000 for s in range(11))
    assert all(buddy.unusable_free_index(counts, s) == 0 for s in range(11))


@pytest.mark.parametrize(
    ("value", "text"), [(0, "0.000"), (1000, "1.000"), (-1000, "-1.000"), (66, "0.066"), (963, "0.963")]
)
def test_kernel_style_formatting(value: int, text: str) -> None:
    assert buddy.format_index(value) == text


def test_memfree_versus_buddy_difference() -> None:
    rep = report("busy-cache")
    # buddy: 3840 + 772808 + 75180 = 851828 pages; MemFree 22625028 kB
    assert rep.buddy_free_bytes == 851828 * PAGE
    assert rep.memfree_bytes == 22625028 * 1024
    assert rep.unhanded_bytes == 22625028 * 1024 - 851828 * PAGE
    assert "not yet handed to the buddy allocator" in buddy.UNHANDED_LABEL


def test_compaction_changes_since_baseline() -> None:
    base = fr.read_compaction(FIXTURES / "busy-cache")
    after = fr.read_fragmentation(FIXTURES / "after-drop-compact", baseline=base, page_size=PAGE)
    changes = {c.name: c.change for c in after.compaction}
    assert changes["pgmigrate_success"] == 7603 - 3657
    assert changes["compact_migrate_scanned"] == 2760702 - 1314303
    assert changes["compact_stall"] == 0
    no_base = {c.name: c.change for c in report("after-drop-compact").compaction}
    assert set(no_base.values()) == {0}


def test_huge_order_and_threshold_fallbacks(tmp_path: Path) -> None:
    assert fr.huge_order(tmp_path, PAGE) == 9  # no sysfs file: x86_64's 9
    thp = tmp_path / "kernel/mm/transparent_hugepage"
    thp.mkdir(parents=True)
    (thp / "hpage_pmd_size").write_text("33554432\n")  # 32 MiB of 4 KiB pages: order 13 (arm64 64K-ish)
    assert fr.huge_order(tmp_path, PAGE) == 13
    (thp / "hpage_pmd_size").write_text("garbage\n")
    assert fr.huge_order(tmp_path, PAGE) == 9
    assert fr.read_extfrag_threshold(tmp_path) is None


def test_json_uses_kernel_format() -> None:
    doc = report("busy-cache").to_json()
    normal = next(z for z in doc["zones"] if z["zone"] == "Normal")  # type: ignore[union-attr]
    assert normal["orders"][9]["unusable_free_index"] == "0.897"
    assert normal["orders"][9]["fragmentation_index"] == "-1.000"


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(BackendError, match="buddyinfo"):
        fr.read_fragmentation(tmp_path)


@pytest.mark.skipif(not Path("/proc/buddyinfo").exists(), reason="needs a Linux /proc")
def test_live_reading() -> None:
    rep = fr.read_fragmentation()
    assert rep.zones and rep.page_size == os.sysconf("SC_PAGE_SIZE")
    assert rep.huge_order == 9 or Path("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size").exists()
    assert rep.extfrag_threshold is not None and 0 <= rep.extfrag_threshold <= 1000
    for z in rep.zones:
        for o in z.orders:
            assert o.fragmentation_index == -1000 or 0 <= o.fragmentation_index <= 1000
            assert 0 <= o.unusable_free_index <= 1000


# -- exact small cases (issue 18's mutation run: rounding, the order of operations, the document) --------


def test_small_counts_worked_out_by_hand() -> None:
    # one block of 2 pages, order 1: free 2, suitable 1 → unusable (2 − 2) * 1000 // 2
    assert buddy.unusable_free_index((0, 1), 1) == 0
    # seven single pages asked as order 1: 1000 − (1000 + 7000 // 2) // 7 = 1000 − 642
    assert buddy.fragmentation_index((7,), 1) == 358
    # one page asked as order 4: 1000 // 16 rounds down (62, not 62.5) and prints in the kernel's format
    assert ZoneFree(0, "Normal", (1,)).indices(4) == ("1.000", "-0.062")
    assert ZoneFree(0, "Normal", (0, 1)).indices(0) == ("0.000", "-1.000")


def test_a_counter_the_baseline_lacks_has_changed_by_nothing() -> None:
    assert buddy.compaction_changes({}, {"compact_stall": 5}) == (buddy.CounterChange("compact_stall", 5, 0),)


def test_zone_orders_and_populated_zones() -> None:
    full = buddy.zone_fragmentation(ZoneFree(1, "Normal", (2, 1)))
    empty = buddy.zone_fragmentation(ZoneFree(0, "DMA", (0, 0)))
    assert (full.node, full.zone, full.counts, full.free_pages, full.free_blocks) == (
        1,
        "Normal",
        (2, 1),
        4,
        3,
    )
    assert full.at(1) == full.orders[1] and full.at(0) == full.orders[0]
    assert full.at(2) is None and full.at(-1) is None
    rep = buddy.FragmentationReport(4096, 9, None, (empty, full), (), 0)
    assert rep.populated() == (full,)


def test_json_document_has_every_field() -> None:
    zone_ = buddy.zone_fragmentation(ZoneFree(1, "Normal", (2, 1)))
    rep = buddy.FragmentationReport(
        page_size=4096,
        huge_order=9,
        extfrag_threshold=500,
        zones=(zone_,),
        compaction=(buddy.CounterChange("compact_stall", 7, 2),),
        memfree_bytes=5 * 4096,
    )
    assert rep.to_json() == {
        "page_size": 4096,
        "huge_order": 9,
        "extfrag_threshold": 500,
        "memfree_bytes": 5 * 4096,
        "buddy_free_bytes": 4 * 4096,
        "not_in_buddy_bytes": 4096,
        "not_in_buddy_label": buddy.UNHANDED_LABEL,
        "zones": [
            {
                "node": 1,
                "zone": "Normal",
                "free_bytes": 4 * 4096,
                "orders": [
                    {
                        "order": 0,
                        "blocks": 2,
                        "bytes": 2 * 4096,
                        "unusable_free_index": "0.000",
                        "fragmentation_index": "-1.000",
                    },
                    {
                        "order": 1,
                        "blocks": 1,
                        "bytes": 2 * 4096,
                        "unusable_free_index": "0.500",  # (4 − 1 × 2) × 1000 // 4
                        "fragmentation_index": "-1.000",
                    },
                ],
            }
        ],
        "compaction": {"compact_stall": {"value": 7, "change": 2}},
    }


@pytest.mark.parametrize(
    ("size", "order"),
    [(2 << 20, 9), (PAGE, 9), (PAGE // 2, 9), (3 * PAGE, 9), (5 * PAGE + 1, 9), (16 * PAGE, 4)],
    ids=["2MiB", "one-page", "half-page", "three-pages", "not-a-multiple", "16-pages"],
)
def test_huge_order_trusts_only_a_power_of_two_multiple_of_the_page(
    tmp_path: Path, size: int, order: int
) -> None:
    size_file = tmp_path / "kernel/mm/transparent_hugepage/hpage_pmd_size"
    size_file.parent.mkdir(parents=True)
    size_file.write_text(f"{size}\n")
    assert fr.huge_order(tmp_path, PAGE) == order


@pytest.mark.skipif(os.sysconf("SC_PAGE_SIZE") != PAGE, reason="the default page size here is not 4 KiB")
def test_huge_order_and_the_report_use_the_given_page_size(tmp_path: Path) -> None:
    size_file = tmp_path / "kernel/mm/transparent_hugepage/hpage_pmd_size"
    size_file.parent.mkdir(parents=True)
    size_file.write_text("2097152\n")
    assert fr.huge_order(tmp_path) == 9  # this machine's own page size
    assert fr.read_fragmentation(FIXTURES / "busy-cache", tmp_path, page_size=4 * PAGE).huge_order == 7


@pytest.mark.parametrize("name", ["buddyinfo", "meminfo", "vmstat"])
def test_a_malformed_file_is_named_by_its_path(tmp_path: Path, name: str) -> None:
    for part in ("buddyinfo", "meminfo", "vmstat"):
        (tmp_path / part).write_bytes((FIXTURES / "busy-cache" / part).read_bytes())
    (tmp_path / name).write_text("not a kernel file at all\n")
    with pytest.raises(BackendError, match=f"^{tmp_path / name} "):
        fr.read_fragmentation(tmp_path, tmp_path, page_size=PAGE)
