"""The page census from the PFN database on the fake kernel: counts, refusals, layouts, memory bound."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from app.backends.base import BackendError, NeedsPrivilege
from app.backends.windows import pfn, pfncensus
from tests.windows import published
from tests.windows.census_bound import BOUND, GIB_64
from tests.windows.conftest import Make
from tests.windows.fake_pfn import FakePfnDatabase, Segment, frame_word

USES = {v: k for k, v in published.PFN_USES.items()}
# RAMMap's lists, the census's classes and the Use Counts columns, in order.
WINDOWS_LISTS = ["Active", "Standby", "Modified", "Modified no-write", "Transition", "Zeroed", "Free", "Bad"]
LIST_CLASS = {  # each MMPFNLIST_* value's list, as RAMMap names it
    "MMPFNLIST_ZERO": "Zeroed",
    "MMPFNLIST_FREE": "Free",
    "MMPFNLIST_STANDBY": "Standby",
    "MMPFNLIST_MODIFIED": "Modified",
    "MMPFNLIST_MODIFIEDNOWRITE": "Modified no-write",
    "MMPFNLIST_BAD": "Bad",
    "MMPFNLIST_ACTIVE": "Active",
    "MMPFNLIST_TRANSITION": "Transition",
}


def test_the_backend_constants_are_the_published_ones() -> None:
    sf = {name: value for name, (value, _source) in published.SUPERFETCH.items()}
    assert pfn.SYSTEM_SUPERFETCH_INFORMATION == published.INFO_CLASSES["SystemSuperfetchInformation"][0]
    assert pfn.SUPERFETCH_PFN_QUERY == sf["SuperfetchPfnQuery"]
    assert pfn.SUPERFETCH_MEMORY_RANGES_QUERY == sf["SuperfetchMemoryRangesQuery"]
    assert pfn.SUPERFETCH_INFORMATION_VERSION == sf["SUPERFETCH_INFORMATION_VERSION"]
    assert pfn.SUPERFETCH_INFORMATION_MAGIC == sf["SUPERFETCH_INFORMATION_MAGIC"]
    assert pfn.PF_PFN_PRIO_REQUEST_VERSION == sf["PF_PFN_PRIO_REQUEST_VERSION"]
    assert pfn.PF_PFN_PRIO_REQUEST_QUERY_MEMORY_LIST == sf["PF_PFN_PRIO_REQUEST_QUERY_MEMORY_LIST"]
    assert pfn.RANGE_INFO_VERSIONS == (
        sf["PF_PHYSICAL_MEMORY_RANGE_INFO_V1_VERSION"],
        sf["PF_PHYSICAL_MEMORY_RANGE_INFO_V2_VERSION"],
    )
    bits = {name: (shift, width) for name, shift, width in published.FRAME_BITS}
    assert (0, pfn.USE_BITS.bit_length()) == bits["UseDescription"]
    assert (pfn.LIST_SHIFT, pfn.LIST_BITS.bit_length()) == bits["ListDescription"]
    assert (pfn.OWNER_SHIFT, pfn.OWNER_BITS.bit_length()) == bits["DontUse"]
    assert (pfn.PRIORITY_SHIFT, pfn.PRIORITY_BITS.bit_length()) == bits["Priority"]
    lists = published.PFN_LISTS
    assert (pfn.LIST_ZERO, pfn.LIST_FREE, pfn.LIST_STANDBY, pfn.LIST_MODIFIED) == (
        lists["MMPFNLIST_ZERO"],
        lists["MMPFNLIST_FREE"],
        lists["MMPFNLIST_STANDBY"],
        lists["MMPFNLIST_MODIFIED"],
    )
    assert (pfn.LIST_MODIFIED_NO_WRITE, pfn.LIST_BAD, pfn.LIST_ACTIVE, pfn.LIST_TRANSITION) == (
        lists["MMPFNLIST_MODIFIEDNOWRITE"],
        lists["MMPFNLIST_BAD"],
        lists["MMPFNLIST_ACTIVE"],
        lists["MMPFNLIST_TRANSITION"],
    )
    assert len(pfn.USE_NAMES) == len(published.PFN_USES)


def test_the_census_reproduces_the_class_80_totals(make: Make) -> None:
    fake, backend = make()
    source = backend.capabilities().page_census
    assert source is not None and source.problem() == ""
    seen: list[tuple[int, int]] = []
    census = source.take(lambda done, expected: seen.append((done, expected)))
    db = fake.pfn_database()
    assert census.frames == fake.total == db.frames
    assert sum(census.totals) == census.frames
    assert seen[-1] == (census.frames, census.frames)
    # Every list the kernel counts in class 80, frame for frame.
    sample = backend.sample()
    ps = census.page_size
    for row in census.comparisons():
        if row.key in ("standby", "modified", "modified_no_write", "zeroed", "free", "bad"):
            assert row.census_bytes == row.reference_bytes, row
            assert row.note == ""
    standby = sum(m.bytes for m in sample.lists if m.key.startswith("standby"))
    assert census.bytes_of("standby") == standby == sum(fake.standby) * ps
    assert census.bytes_of("free") == fake.free * ps and census.bytes_of("zeroed") == fake.zeroed * ps
    assert census.bytes_of("active") + census.bytes_of("transition") == fake.active * ps
    assert census.bytes_of("transition") == db.pages("MMPFNLIST_TRANSITION") * ps
    assert fake.pfns_outside == 0  # only frames inside the ranges were asked for
    # Class 80, the reference, is read after the last page-frame query.
    last_pfn_query = max(i for i, c in enumerate(fake.calls) if c[:2] == ("query", 79))
    assert any(c[:2] == ("query", 80) for c in fake.calls[last_pfn_query:])


@pytest.mark.parametrize(("moved", "agrees"), [(100, True), (5000, False)])
def test_lists_that_moved_during_the_census_are_within_the_tolerance_or_noted(
    make: Make, moved: int, agrees: bool
) -> None:
    fake, backend = make()
    db = fake.pfn_database()
    fake.free += moved  # class 80 after the census counts more free pages than the frames had
    fake.pfn_database = lambda: db  # type: ignore[method-assign]
    source = backend.capabilities().page_census
    assert source is not None
    free = next(row for row in source.take().comparisons() if row.key == "free")
    assert free.difference == -moved * 4096
    tolerance = max(pfncensus.TOLERANCE_PAGES, int(db.frames * pfncensus.TOLERANCE_SHARE))
    assert (moved <= tolerance) is agrees
    assert (free.note == "") is agrees


def test_use_counts_priority_summary_and_owners(make: Make) -> None:
    fake, backend = make()
    source = backend.capabilities().page_census
    assert source is not None
    census = source.take()
    db = fake.pfn_database()
    counts = census.use_counts
    assert counts is not None
    assert [r.label for r in counts.rows][:14] == [
        "Process private",
        "Mapped file",
        "Shareable",
        "Page table",
        "Paged pool",
        "Nonpaged pool",
        "System PTE",
        "Session private",
        "Metafile",
        "AWE",
        "Driver locked",
        "Kernel stack",
        "Unused",
        "Large page",
    ]
    assert [c.label for c in counts.columns] == WINDOWS_LISTS
    assert counts.total == census.frames
    for c in counts.columns:  # the matrix's columns are the census totals
        assert counts.column_total(c.key) * census.page_size == census.bytes_of(c.key)
    assert counts.cell("mapped_file", "standby") == db.pages("MMPFNLIST_STANDBY", "MMPFNUSE_FILE")
    assert counts.cell("shareable", "modified") == db.pages("MMPFNLIST_MODIFIED", "MMPFNUSE_PAGEFILEMAPPED")
    assert counts.cell("paged_pool", "active") == fake.paged_pool
    assert counts.cell("metafile", "modified_no_write") == fake.modified_no_write
    # Free pages carry a stale "file" use in the fake: they count as Unused, not Mapped file.
    assert counts.cell("unused", "free") == fake.free and counts.cell("mapped_file", "free") == 0
    assert counts.row_total("unused") == fake.free + fake.zeroed + fake.bad
    assert counts.row_total("large_page") == 0 and any("Large page" in n for n in counts.notes)

    prio = census.priorities
    assert prio is not None
    assert list(prio.census) == fake.standby == list(prio.listed)
    assert list(prio.repurposed) == fake.repurposed

    owners = {o.pid: o for o in census.owners or ()}
    for pid in (100, 200):
        assert owners[pid].standby == db.pages("MMPFNLIST_STANDBY", "MMPFNUSE_PROCESSPRIVATE", pid)
        assert owners[pid].modified == db.pages("MMPFNLIST_MODIFIED", "MMPFNUSE_PROCESSPRIVATE", pid)
    assert owners[100].standby > 0 and owners[200].modified > 0
    assert 300 not in owners  # its pages are all active

    doc = census.to_json()
    assert doc["reference"] == "class 80 (memory lists)"
    assert "use_counts" in doc and "priority_summary" in doc and "owners" in doc


def test_the_map_is_coloured_by_list_and_leaves_the_holes_white(make: Make) -> None:
    fake, backend = make()
    fake.pfn_ranges = [(1, 158), (0x100, fake.total - 158)]
    source = backend.capabilities().page_census
    assert source is not None
    census = source.take()
    assert census.frames_per_cell == 1
    cells = census.cells
    assert cells[0] == pfncensus.NO_CELL  # pfn 0 is not RAM
    assert (cells[159:0x100] == pfncensus.NO_CELL).all()
    assert set(cells[1:159].tolist()) <= set(range(len(census.classes)))
    # The dominant list of the map equals the frame counts when a cell holds one frame.
    counted = np.bincount(cells[cells != pfncensus.NO_CELL], minlength=len(census.classes))
    assert tuple(counted.tolist()) == census.totals


def test_each_cell_of_a_coarse_map_takes_its_most_common_list(make: Make, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Cells of many frames over ranges from pfn 1 and 0x105, read in chunks of 1000: cells split
    # between chunks and ranges, at another offset in every chunk.
    monkeypatch.setattr(pfncensus, "MAX_CELLS", 1 << 12)
    monkeypatch.setattr(pfncensus, "CHUNK_FRAMES", 1000)
    fake, backend = make()
    fake.pfn_ranges = [(1, 158), (0x105, fake.total - 158)]
    source = backend.capabilities().page_census
    assert source is not None
    census = source.take()
    end, per_cell = 0x105 + fake.total - 158, census.frames_per_cell
    assert per_cell > 1000 // 8 and len(census.cells) == -(-end // per_cell)
    words, _outside = fake.pfn_database().words(np.arange(end, dtype=np.int64))
    shift, width = next((s, w) for n, s, w in published.FRAME_BITS if n == "ListDescription")
    class_of = np.zeros(1 << width, dtype=np.int64)
    for name, value in published.PFN_LISTS.items():
        class_of[value] = WINDOWS_LISTS.index(LIST_CLASS[name])
    classes = class_of[(words >> shift) & ((1 << width) - 1)]
    in_ram = np.zeros(end, dtype=bool)
    for base, pages in fake.pfn_ranges:
        in_ram[base : base + pages] = True
    cell = np.arange(end) // per_cell
    counts = np.bincount(cell[in_ram] * 8 + classes[in_ram], minlength=len(census.cells) * 8)
    counts = counts.reshape(-1, 8)
    # The most frames decide (a tie goes to the class listed first); a cell with no RAM stays white.
    expected = np.where(counts.sum(axis=1) > 0, counts.argmax(axis=1), pfncensus.NO_CELL)
    assert census.cells.tolist() == expected.tolist()


@pytest.mark.parametrize("versions", [frozenset({1}), frozenset({2})])
def test_either_range_version_is_read(make: Make, versions: frozenset[int]) -> None:
    fake, backend = make(range_versions=versions)
    ranges = backend.capabilities().physical_ranges
    assert ranges is not None
    result = ranges.read()
    assert result.problems == ()
    assert [(r.start // 4096, r.size // 4096) for r in result.ram] == fake.pfn_database().ranges
    assert result.ram_bytes == fake.total * 4096


def test_not_elevated_is_refused_before_any_query(make: Make) -> None:
    fake, backend = make(admin=False)
    source = backend.capabilities().page_census
    assert source is not None
    assert "administrator" in source.problem()
    with pytest.raises(NeedsPrivilege, match="administrator"):
        source.take()
    assert not [c for c in fake.calls if c[:2] == ("query", 79)]


def test_privilege_missing_names_it(make: Make) -> None:
    fake, backend = make(held={published.PRIVILEGES["SE_DEBUG_PRIVILEGE"][0]})
    source = backend.capabilities().page_census
    assert source is not None
    with pytest.raises(NeedsPrivilege, match="SeProfileSingleProcessPrivilege"):
        source.take()
    ranges = backend.capabilities().physical_ranges
    assert ranges is not None
    problems = ranges.read().problems
    assert len(problems) == 1 and "SeProfileSingleProcessPrivilege" in problems[0]


def test_sysmain_stopped_is_named_with_the_status(make: Make) -> None:
    fake, backend = make(sysmain_running=False)
    source = backend.capabilities().page_census
    assert source is not None
    with pytest.raises(BackendError) as caught:
        source.take()
    message = str(caught.value)
    assert "SysMain" in message and f"0x{published.ASSUMED_SYSMAIN_STOPPED:08X}" in message
    # The list totals are still read.
    free = backend.sample().get("free")
    assert free is not None and free.bytes == fake.free * 4096


def test_a_range_version_this_windows_lacks_is_a_version_message(make: Make) -> None:
    _fake, backend = make(range_versions=frozenset({3}))
    source = backend.capabilities().page_census
    assert source is not None
    with pytest.raises(BackendError, match="request version or layout"):
        source.take()


def test_a_pfn_request_of_another_version_is_refused(make: Make) -> None:
    _fake, backend = make(pfn_request_version=2)
    source = backend.capabilities().page_census
    assert source is not None
    with pytest.raises(BackendError, match="page-frame query.*request version or layout"):
        source.take()


def test_an_answer_in_another_layout_is_refused_not_misread(make: Make) -> None:
    _fake, backend = make(identity_size=32)
    source = backend.capabilities().page_census
    assert source is not None
    with pytest.raises(BackendError, match="layout RAMLens does not know"):
        source.take()


def test_a_32_bit_process_is_refused(make: Make) -> None:
    _fake, backend = make(wow64=True)
    source = backend.capabilities().page_census
    assert source is not None
    assert "64-bit" in source.problem()
    with pytest.raises(BackendError, match="64-bit build") as caught:
        source.take()
    assert not isinstance(caught.value, NeedsPrivilege)  # no "run as administrator" advice


def test_a_64_gib_machine_stays_within_the_memory_bound() -> None:
    # A child process: the measurement sees only this census, not what other tests left behind.
    # (It imports only the fake and the backend: pytest and the test modules would double its cost.)
    code = "from tests.windows.census_bound import run_64_gib; print(*run_64_gib())"
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    frames, listed, peak = (int(v) for v in out.stdout.split())
    assert frames == listed == GIB_64 // 4096
    assert peak < BOUND, f"peak {peak / 2**20:.1f} MiB"


def test_the_fakes_words_across_a_hole_asked_as_a_stretch_or_scattered() -> None:
    standby = Segment(158, "MMPFNUSE_FILE", "MMPFNLIST_STANDBY", 5)
    private = Segment(1000, "MMPFNUSE_PROCESSPRIVATE", "MMPFNLIST_ACTIVE", 0, 7)
    # pfn 0, RAM, the hole 159–255, RAM in two ranges that touch, one past the end.
    database = FakePfnDatabase([(1, 158), (0x100, 600), (0x100 + 600, 400)], [standby, private])
    stretch = np.arange(0, 0x100 + 1001, dtype=np.int64)
    words, outside = database.words(stretch)
    assert outside == 1 + (0x100 - 159) + 1
    values, counts = np.unique(words, return_counts=True)
    assert dict(zip(values.tolist(), counts.tolist(), strict=True)) == {  # the runs are shuffled over the RAM
        0: outside,
        frame_word("MMPFNUSE_FILE", "MMPFNLIST_STANDBY", 5): 158,
        frame_word("MMPFNUSE_PROCESSPRIVATE", "MMPFNLIST_ACTIVE", 0, 7): 1000,
    }
    backwards, backwards_outside = database.words(stretch[::-1].copy())
    assert np.array_equal(backwards[::-1], words) and backwards_outside == outside


def _published_field(word: int, name: str) -> int:
    shift, width = next((s, w) for n, s, w in published.FRAME_BITS if n == name)
    return (word >> shift) & ((1 << width) - 1)


def test_the_frames_of_a_stretch_are_the_fakes_frames(make: Make) -> None:
    fake, backend = make()
    frames = backend.capabilities().page_frames
    assert frames is not None and frames.limit == 4096
    rows = frames.read(100, 4096)  # pfn 100–4195: across the hole from 159 to 255
    numbers = [r.pfn for r in rows]
    assert numbers == [*range(100, 159), *range(256, 4196)]
    words, outside = fake.pfn_database().words(np.array(numbers, dtype=np.int64))
    assert outside == 0 and fake.pfns_outside == 0
    lists = {v: k for k, v in published.PFN_LISTS.items()}
    label = {"MMPFNLIST_ZERO": "Zeroed", "MMPFNLIST_STANDBY": "Standby", "MMPFNLIST_ACTIVE": "Active"}
    for row, word in zip(rows, words.tolist(), strict=True):
        list_name = lists[_published_field(word, "ListDescription")]
        assert row.list_label == label.get(list_name, row.list_label)
        assert row.priority == _published_field(word, "Priority")
        private = USES[_published_field(word, "UseDescription")] == "MMPFNUSE_PROCESSPRIVATE"
        on_unused_list = list_name in ("MMPFNLIST_ZERO", "MMPFNLIST_FREE", "MMPFNLIST_BAD")
        if private and not on_unused_list:
            assert row.pid == _published_field(word, "DontUse")
        else:
            assert row.pid is None
        if on_unused_list:
            assert row.use == "Unused"
    assert frames.read(0x10_0000_0000, 16) == ()  # far past the RAM: no frame


def test_frames_are_refused_without_administrator(make: Make) -> None:
    _fake, backend = make(admin=False)
    frames = backend.capabilities().page_frames
    assert frames is not None
    with pytest.raises(NeedsPrivilege):
        frames.read(0, 16)
