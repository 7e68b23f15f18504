"""/proc/pagetypeinfo parsing: the captures, the '>100000' cells, and the root-only read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.backends.base import BackendError
from app.backends.linux.buddyinfo import parse_buddyinfo
from app.backends.linux.pagetypeinfo import parse_pagetypeinfo, read_pagetypeinfo
from app.buddy import OVERFLOW_LIMIT
from tests.nobody import needs_nobody, run_python_as_nobody

FIXTURES = Path(__file__).parent / "fixtures" / "linux"
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("capture", ["busy-cache", "after-drop-compact"])
def test_captures_agree_with_buddyinfo(capture: str) -> None:
    info = parse_pagetypeinfo((FIXTURES / capture / "pagetypeinfo").read_text())
    assert (info.pageblock_order, info.pages_per_block) == (9, 512)
    assert info.migrate_types == ("Unmovable", "Movable", "Reclaimable", "HighAtomic", "Isolate")
    # Summed over migrate types, the free lists are buddyinfo's counts (same capture instant).
    for z in parse_buddyinfo((FIXTURES / capture / "buddyinfo").read_text()):
        rows = info.for_zone(z.node, z.zone)
        assert len(rows) == 5
        summed = tuple(sum(r.counts[o] for r in rows) for o in range(len(z.counts)))
        if capture == "after-drop-compact" and z.zone == "Normal":
            # The two files were read moments apart: 126 single pages went to the per-CPU lists
            # in between (724 in buddyinfo, 598 here); every larger order matches.
            assert (summed[0], z.counts[0]) == (598, 724)
            assert summed[1:] == z.counts[1:]
        else:
            assert summed == z.counts
    assert not any(r.overflowed for r in info.free)


def test_capture_values() -> None:
    info = parse_pagetypeinfo((FIXTURES / "after-drop-compact" / "pagetypeinfo").read_text())
    normal = {r.migrate_type: r for r in info.for_zone(0, "Normal")}
    assert normal["Reclaimable"].counts == (311, 229, 228, 169, 125, 66, 41, 12, 8, 3, 3)
    assert normal["Movable"].counts[10] == 469
    blocks = {(b.node, b.zone): dict(b.blocks) for b in info.blocks}
    assert blocks[(0, "Normal")] == {
        "Unmovable": 46,
        "Movable": 1065,
        "Reclaimable": 41,
        "HighAtomic": 0,
        "Isolate": 0,
    }
    assert blocks[(0, "DMA32")]["Movable"] == 1528


def test_overflow_cells_are_lower_bounds() -> None:
    text = (FIXTURES / "busy-cache" / "pagetypeinfo").read_text()
    line = (
        "Node    0, zone    DMA32, type      Movable      2      3      0      2      3      2      1      4"
    )
    assert line in text
    text = text.replace(
        line,
        "Node    0, zone    DMA32, type      Movable >100000 >100000      0      2      3      2      1"
        "      4",
    )
    info = parse_pagetypeinfo(text)
    row = next(r for r in info.for_zone(0, "DMA32") if r.migrate_type == "Movable")
    assert row.counts[:3] == (OVERFLOW_LIMIT, OVERFLOW_LIMIT, 0)
    assert row.lower_bound[:3] == (True, True, False)
    assert row.overflowed
    assert row.free_pages >= OVERFLOW_LIMIT + 2 * OVERFLOW_LIMIT


def test_cma_column_and_extra_sections() -> None:
    text = """Page block order: 9
Pages per block:  512

Free pages count per migrate type at order       0      1
Node    0, zone   Normal, type    Unmovable      1      2
Node    0, zone   Normal, type          CMA      3      4

Number of blocks type     Unmovable      Movable  Reclaimable   HighAtomic          CMA      Isolate
Node 0, zone   Normal           46         1065           41            0            8            0

Number of mixed blocks    Unmovable      Movable  Reclaimable   HighAtomic          CMA      Isolate
Node 0, zone   Normal            1            2            3            0            0            0
"""
    info = parse_pagetypeinfo(text)
    assert info.migrate_types == ("Unmovable", "CMA")
    assert dict(info.blocks[0].blocks)["CMA"] == 8
    assert len(info.blocks) == 1  # the mixed-blocks table is not the pageblock table


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Node 0, zone Normal 1 2 3\n",
        "Page block order: 9\nPages per block: 512\n\nFree pages count per migrate type at order 0\n"
        "Node    0, zone   Normal, type    Unmovable   lots\n",
        "Page block order: 9\nPages per block: 512\n\nFree pages count per migrate type at order 0\n"
        "garbage in the table\n",
    ],
)
def test_malformed_is_refused_with_a_clear_error(text: str) -> None:
    with pytest.raises(BackendError, match="pagetypeinfo"):
        parse_pagetypeinfo(text)


@pytest.mark.skipif(os.geteuid() != 0, reason="reading /proc/pagetypeinfo needs root")
def test_live_read_as_root() -> None:
    info = read_pagetypeinfo()
    assert info.pageblock_order > 0 and info.free and info.blocks


@needs_nobody
def test_unprivileged_read_says_needs_root() -> None:
    code = (
        "from app.backends.base import BackendError\n"
        "from app.backends.linux.pagetypeinfo import read_pagetypeinfo\n"
        "try:\n    read_pagetypeinfo()\nexcept BackendError as e:\n    print('BackendError', e)\n"
    )
    out = run_python_as_nobody(code)
    assert "BackendError needs root: /proc/pagetypeinfo is readable only by root" in out.stdout, out.stderr
