"""Edges of the census that its main tests leave open (found by `dev.py mutate`): the meminfo comparison
row by row, the JSON document field by field, the map's padding, zoneinfo's estimate, and the reader's
errors and side readings (kpagecount, meminfo, buddyinfo) on synthetic /proc files."""

from __future__ import annotations

import fcntl
import os
import re
from pathlib import Path

import numpy as np
import pytest

from app import pagecensus as pc
from app.backends.base import BackendError
from app.backends.linux import census as c

MiB = 1 << 20
PAGE = 4096
LRU, BUDDY, MMAP = 1 << 5, 1 << 10, 1 << 11  # KPF bits, include/uapi/linux/kernel-page-flags.h

# Distinct powers of two: a sum that adds a wrong field, or leaves one out, is a different number.
MEMINFO = {
    "MemTotal": 40_000_000,
    "MemFree": 1 << 23,
    "Active(file)": 1 << 30,
    "Inactive(file)": 1 << 29,
    "Dirty": 1 << 20,
    "Writeback": 1 << 21,
    "Mapped": 1 << 25,
    "AnonPages": 1 << 27,
    "Shmem": 1 << 24,
    "Slab": 1 << 26,
    "PageTables": 1 << 22,
    "SecPageTables": 1 << 12,
    "Unevictable": 1 << 19,
}


def census(**kw: object) -> pc.Census:
    values: dict[str, object] = dict(
        page_size=PAGE,
        frames=10_000,
        totals=tuple((i + 1) * 100 for i in range(pc.N_CLASSES)),
        combinations={},
        frames_per_cell=1,
        cells=np.zeros(0, dtype=np.uint8),
    )
    values.update(kw)
    return pc.Census(**values)  # type: ignore[arg-type]


def test_each_class_is_compared_with_its_meminfo_figure() -> None:
    m = MEMINFO
    rows = census(meminfo=m, buddy_free_pages=256).comparisons()
    assert [r.key for r in rows] == [k.key for k in pc.CLASSES]
    expected = {
        "reserved": ("frames beyond MemTotal", 10_000 * PAGE - m["MemTotal"]),
        "free": ("MemFree", m["MemFree"]),
        "slab": ("Slab", m["Slab"]),
        "pagetables": ("PageTables + SecPageTables", m["PageTables"] + m["SecPageTables"]),
        "unevictable": ("Unevictable", m["Unevictable"]),
        "anonymous": ("AnonPages", m["AnonPages"]),
        "shmem": ("Shmem", m["Shmem"]),
        "modified": ("Dirty + Writeback", m["Dirty"] + m["Writeback"]),
        "mapped": ("Mapped", m["Mapped"]),
        "standby": (
            "Active(file) + Inactive(file) − Dirty − Writeback − Mapped",
            m["Active(file)"] + m["Inactive(file)"] - m["Dirty"] - m["Writeback"] - m["Mapped"],
        ),
        "other": ("", None),
    }
    for row, cls in zip(rows, pc.CLASSES, strict=True):
        assert row.label == cls.label
        assert row.census_bytes == (cls.index + 1) * 100 * PAGE
        assert (row.reference, row.reference_bytes) == expected[row.key], row.key
        if row.reference_bytes is None:
            assert row.difference is None
        else:
            assert row.difference == row.census_bytes - row.reference_bytes
    notes = {r.key: r.note for r in rows}
    assert "free blocks hold 1.0 MiB;" in notes["free"]  # 256 pages of 4 KiB
    assert notes["slab"] == notes["modified"] == notes["unevictable"] == notes["pagetables"] == ""
    assert all(notes[k] for k in ("standby", "mapped", "anonymous", "shmem", "reserved", "other"))


def test_comparison_references_never_go_negative_and_missing_fields_count_zero() -> None:
    # More mapped than file pages, and fewer frames than MemTotal (a census of part of the machine).
    m = {"MemTotal": 1 << 40, "Active(file)": MiB, "Mapped": 4 * MiB, "MemFree": 0}
    rows = {r.key: r for r in census(meminfo=m).comparisons()}
    assert rows["standby"].reference_bytes == 0
    assert rows["reserved"].reference_bytes == 0
    assert rows["modified"].reference_bytes == 0 and rows["pagetables"].reference_bytes == 0
    assert "hold an unknown amount;" in rows["free"].note  # no buddyinfo reading


def test_without_meminfo_every_class_is_listed_without_a_reference() -> None:
    rows = census().comparisons()
    assert [(r.key, r.label, r.census_bytes, r.reference, r.reference_bytes) for r in rows] == [
        (k.key, k.label, (k.index + 1) * 100 * PAGE, "", None) for k in pc.CLASSES
    ]
    given = (pc.Comparison("free", "Free", 1, "class 80", 2, "n"),)
    assert census(meminfo=MEMINFO, compared=given).comparisons() is given


def test_bytes_and_class_follow_the_census_own_classes() -> None:
    two = (pc.PageClass(0, "x", "X", "free"), pc.PageClass(1, "y", "Y", "standby"))
    own = census(totals=(3, 5), classes=two, classify_flags=lambda flags: flags & 1)
    assert own.bytes_of("y") == 5 * PAGE and own.bytes_of("x") == 3 * PAGE
    assert own.class_of(7) is two[1] and own.class_of(6) is two[0]
    assert census().class_of(0x28) is pc.CLASSES[pc.OTHER]  # no classifier given: "other"


def test_top_combinations_most_frames_first_ties_by_flag_word() -> None:
    many = census(combinations={0x28: 5, 0x400: 9, 0x10: 5, 0: 1})
    assert many.top_combinations() == [(0x400, 9), (0x10, 5), (0x28, 5), (0, 1)]
    assert many.top_combinations(2) == [(0x400, 9), (0x10, 5)]
    assert many.top_combinations(0) == []


def test_map_image_pads_the_last_row_only() -> None:
    cells = np.arange(6, dtype=np.uint8)
    exact = census(cells=cells).map_image(3)
    assert exact.dtype == np.uint8 and exact.tolist() == [[0, 1, 2], [3, 4, 5]]
    assert census(cells=cells).map_image(4).tolist() == [[0, 1, 2, 3], [4, 5, pc.NO_CELL, pc.NO_CELL]]
    assert census().map_image(2).tolist() == [[pc.NO_CELL, pc.NO_CELL]]  # an empty census: one blank row


def test_json_document_field_by_field() -> None:
    summary = pc.PrioritySummary(PAGE, tuple(range(8)), tuple(range(10, 18)), tuple(range(20, 28)))
    doc = census(
        meminfo=MEMINFO,
        buddy_free_pages=7,
        mapped_frames=8,
        shared_frames=2,
        combinations={0x828: 4, 0x400: 6},
        describe_flags=lambda flags: f"names-of-{flags}",
        cells=np.zeros(5, dtype=np.uint8),
        frames_per_cell=2,
        priorities=summary,
        owners=(pc.OwnerPages(42, 3, 1),),
    ).to_json(combinations=1)
    assert doc["page_size"] == PAGE and doc["frames"] == 10_000
    assert doc["classes"][1] == {"key": "free", "label": "Free", "pages": 200, "bytes": 200 * PAGE}
    assert [k["key"] for k in doc["classes"]] == [k.key for k in pc.CLASSES]  # type: ignore[index]
    assert doc["reference"] == "/proc/meminfo"
    free = doc["meminfo"][1]  # type: ignore[index]
    assert free == {
        "key": "free",
        "census_bytes": 200 * PAGE,
        "reference": "MemFree",
        "reference_bytes": MEMINFO["MemFree"],
        "difference": 200 * PAGE - MEMINFO["MemFree"],
        "note": free["note"],
    }
    assert doc["buddy_free_pages"] == 7 and doc["mapped_frames"] == 8 and doc["shared_frames"] == 2
    assert doc["combinations"] == [{"flags": "0x0000000000000400", "names": "names-of-1024", "pages": 6}]
    assert doc["map"] == {"frames_per_cell": 2, "cells": 5}
    priorities = doc["priority_summary"]["priorities"]  # type: ignore[index]
    assert doc["priority_summary"]["page_size"] == PAGE and len(priorities) == 8  # type: ignore[index]
    assert priorities[5] == {"priority": 5, "census": 5, "listed": 15, "repurposed": 25}
    assert doc["owners"] == [{"pid": 42, "standby": 3, "modified": 1}]
    assert "use_counts" not in doc
    plain = census().to_json()
    assert "priority_summary" not in plain and "owners" not in plain


def test_frames_per_cell_at_the_map_limit() -> None:
    assert c.frames_per_cell_for(0) == 1
    assert c.frames_per_cell_for(c.MAX_CELLS) == 1
    assert c.frames_per_cell_for(c.MAX_CELLS + 1) == 2
    assert c.frames_per_cell_for(2 * c.MAX_CELLS + 1) == 4
    assert c.frames_per_cell_for(1 << 62) == c.CHUNK_FRAMES  # never more than one chunk per cell


def test_estimate_is_the_highest_zone_end_in_zoneinfo(tmp_path: Path) -> None:
    # Zones in the kernel's order ("spanned" comes before "start_pfn:" in each), one empty.
    (tmp_path / "zoneinfo").write_text(
        "Node 0, zone      DMA\n        spanned  4095\n  start_pfn:           1\n"
        "Node 0, zone   Normal\n        spanned  5505024\n  start_pfn:           1048576\n"
        "Node 0, zone  Movable\n        spanned  0\n  start_pfn:           0\n"
        "        spanned  x\n  start_pfn: y\n  start_pfn: 1 2\n"
    )
    assert c.estimate_frames(tmp_path) == 1048576 + 5505024
    assert c.estimate_frames(tmp_path / "none") == 0


def test_estimate_matches_this_machines_zoneinfo() -> None:
    text = Path("/proc/zoneinfo").read_text()
    spans = [int(s) for s in re.findall(r"^\s+spanned\s+(\d+)$", text, re.M)]
    starts = [int(s) for s in re.findall(r"^\s+start_pfn:\s+(\d+)$", text, re.M)]
    # Zones without start_pfn (empty Movable/Device) end no higher than the ones before them.
    ends = [start + span for start, span in zip(starts, spans, strict=False)]
    assert c.estimate_frames() == max(ends)


def fake_proc(tmp: Path, flags: list[int], counts: list[int] | None = None, **files: str) -> Path:
    tmp.mkdir(exist_ok=True)
    (tmp / "kpageflags").write_bytes(np.array(flags, dtype="<u8").tobytes())
    if counts is not None:
        (tmp / "kpagecount").write_bytes(np.array(counts, dtype="<u8").tobytes())
    for name, text in files.items():
        (tmp / name).write_text(text)
    return tmp


def test_kpagecount_counts_mapped_and_shared_frames(tmp_path: Path) -> None:
    proc = fake_proc(tmp_path, [LRU | MMAP] * 5, counts=[0, 1, 2, 3, 1])
    result = c.take_census(proc, map_counts=True, page_size=8192)
    assert (result.mapped_frames, result.shared_frames) == (4, 2)
    assert result.page_size == 8192 and result.bytes_of("mapped") == 5 * 8192
    assert result.use_counts is not None and result.use_counts.page_size == 8192
    plain = c.take_census(proc)
    assert plain.mapped_frames is None and plain.shared_frames is None


def test_meminfo_and_buddyinfo_are_read_after_the_census(tmp_path: Path) -> None:
    proc = fake_proc(
        tmp_path,
        [BUDDY, LRU],
        meminfo="MemTotal: 8 kB\nMemFree: 4 kB\n",
        buddyinfo="Node 0, zone DMA 1 0 0 0 0 0 0 0 0 0 0\nNode 0, zone Normal 2 1 0 0 0 0 0 0 0 0 0\n",
    )
    result = c.take_census(proc)
    assert result.meminfo == {"MemTotal": 8192, "MemFree": 4096}
    assert result.buddy_free_pages == 1 + 2 + 2  # order-1 blocks are two pages
    assert result.describe_flags(LRU) == "LRU" and result.classify_flags(BUDDY) == c.FREE
    bare = c.take_census(fake_proc(tmp_path / "bare", [0]))
    assert bare.meminfo == {} and bare.buddy_free_pages is None


def test_progress_expects_at_least_what_was_read(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    zone = "Node 0, zone Normal\n  spanned  2\n  start_pfn: 0\n"
    c.take_census(fake_proc(tmp_path, [LRU] * 5, zoneinfo=zone), progress=lambda d, e: seen.append((d, e)))
    assert seen == [(5, 5)]  # zoneinfo said 2 frames; 5 were read
    seen.clear()
    zone = "Node 0, zone Normal\n  spanned  9\n  start_pfn: 0\n"
    c.take_census(fake_proc(tmp_path, [LRU] * 5, zoneinfo=zone), progress=lambda d, e: seen.append((d, e)))
    assert seen == [(5, 9)]


def test_a_chunk_of_one_flag_word_fills_whole_cells(tmp_path: Path) -> None:
    zone = f"Node 0, zone Normal\n  spanned  {4 * c.MAX_CELLS}\n  start_pfn: 0\n"  # 4 frames per cell
    result = c.take_census(fake_proc(tmp_path, [BUDDY] * 10, zoneinfo=zone))
    assert result.frames_per_cell == 4
    assert result.cells.dtype == np.uint8 and result.cells.tolist() == [c.FREE] * 3  # 4 + 4 + 2 frames
    assert result.combinations == {BUDDY: 10} and result.totals[c.FREE] == 10


def test_an_empty_file_is_an_empty_census(tmp_path: Path) -> None:
    result = c.take_census(fake_proc(tmp_path, []))
    assert result.frames == 0 and sum(result.totals) == 0 and result.cells.tolist() == []
    assert result.cells.dtype == np.uint8


def test_reader_errors_name_the_file(tmp_path: Path) -> None:
    (tmp_path / "kpageflags").mkdir()  # opens, but cannot be read
    with pytest.raises(BackendError, match=r"kpageflags cannot be read: Is a directory"):
        c.take_census(tmp_path)
    afile = tmp_path / "plain"
    afile.write_text("")
    with pytest.raises(BackendError, match=r"plain/kpageflags cannot be opened: Not a directory"):
        c.take_census(afile)
    proc = fake_proc(tmp_path / "counts", [LRU])
    with pytest.raises(BackendError, match="kpagecount does not exist"):
        c.take_census(proc, map_counts=True)
    assert str(proc / "kpageflags") not in open_files()  # kpageflags was closed again


def test_access_problem(tmp_path: Path) -> None:
    assert c.access_problem(tmp_path) == f"{tmp_path}/kpageflags does not exist: this kernel has no " + (
        "CONFIG_PROC_PAGE_MONITOR"
    )
    (tmp_path / "kpageflags").write_bytes(b"")
    assert c.access_problem(tmp_path) == ""  # readable (the tests run as root; nobody is tested in a child)


def test_a_zoneinfo_without_zones_estimates_nothing(tmp_path: Path) -> None:
    (tmp_path / "zoneinfo").write_text("Node 0, zone   Normal\n  pages free 5\n")
    assert c.estimate_frames(tmp_path) == 0
    # A start_pfn before any spanned line: the zone's span is unknown, so it ends where it starts.
    (tmp_path / "zoneinfo").write_text("  start_pfn: 7\n  spanned 3\n")
    assert c.estimate_frames(tmp_path) == 7


def test_flag_words_and_classes_across_chunks_and_map_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tiny chunks (4 frames) and map blocks (2 frames), so every edge between them is crossed."""
    monkeypatch.setattr(c, "CHUNK_FRAMES", 4)
    monkeypatch.setattr(c, "MAP_BLOCK", 2)
    zone = "Node 0, zone Normal\n  spanned  10\n  start_pfn: 0\n"  # 10 frames: one per cell
    # chunk 1: two words (LRU, BUDDY); chunk 2: LRU again and two more; chunk 3: two frames of one word.
    flags = [LRU, BUDDY, BUDDY, LRU, LRU, LRU | MMAP, 0, LRU, BUDDY, BUDDY]
    counts = [1, 0, 0, 2, 3, 1, 0, 1, 0, 0]
    result = c.take_census(fake_proc(tmp_path, flags, counts=counts, zoneinfo=zone), map_counts=True)
    assert result.combinations == {LRU: 4, BUDDY: 4, LRU | MMAP: 1, 0: 1}  # LRU is summed over chunks
    assert result.cells.dtype == np.uint8
    assert result.cells.tolist() == [c.classify_word(f) for f in flags]
    assert (result.mapped_frames, result.shared_frames) == (5, 2)  # shared frames in two chunks
    assert result.use_counts is not None and result.use_counts.total == 10
    assert result.to_json()["use_counts"] == result.use_counts.to_json()


def test_downsampled_cells_on_several_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(c, "CHUNK_FRAMES", 4)
    monkeypatch.setattr(c, "MAP_BLOCK", 4)
    zone = f"Node 0, zone Normal\n  spanned  {2 * c.MAX_CELLS}\n  start_pfn: 0\n"  # 2 frames per cell
    flags = [BUDDY, BUDDY, LRU, LRU, LRU, LRU, BUDDY, BUDDY]
    result = c.take_census(fake_proc(tmp_path, flags, zoneinfo=zone))
    assert result.frames_per_cell == 2
    assert result.cells.dtype == np.uint8 and result.cells.tolist() == [c.FREE, c.STANDBY, c.STANDBY, c.FREE]


def test_short_reads_are_joined_into_whole_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The kernel may return fewer bytes than asked; 12 at a time splits every entry but the first."""
    real_readv = os.readv
    monkeypatch.setattr(c.os, "readv", lambda fd, views: real_readv(fd, [views[0][:12]]))
    result = c.take_census(fake_proc(tmp_path, [LRU, BUDDY, BUDDY, LRU | MMAP, 0]))
    assert result.frames == 5 and result.combinations == {LRU: 1, BUDDY: 2, LRU | MMAP: 1, 0: 1}


def open_files() -> dict[str, int]:
    """This process's open files: path -> descriptor."""
    out = {}
    for name in os.listdir("/proc/self/fd"):
        try:
            out[os.readlink(f"/proc/self/fd/{name}")] = int(name)
        except OSError:  # the directory's own descriptor, closed by now
            continue
    return out


def test_descriptors_are_not_inherited_by_children(tmp_path: Path) -> None:
    """O_CLOEXEC: a program the census starts (none today; the helper might) must not hold /proc open."""
    seen: list[bool] = []

    def check(done: int, expected: int) -> None:
        for target, fd in open_files().items():
            if target.startswith(str(tmp_path)):
                seen.append(bool(fcntl.fcntl(fd, fcntl.F_GETFD) & fcntl.FD_CLOEXEC))

    c.take_census(fake_proc(tmp_path, [LRU], counts=[1]), progress=check, map_counts=True)
    assert seen == [True, True]


def test_classes_are_one_byte_each() -> None:
    # The map holds one class per cell in a byte (MAX_CELLS bytes at most); classify feeds it.
    assert c.classify(np.array([LRU, 0], dtype=np.uint64)).dtype == np.uint8


def test_the_json_keeps_50_combinations_unless_told() -> None:
    many = census(combinations={1 << 20 | i: i + 1 for i in range(60)})
    assert len(many.to_json()["combinations"]) == 50  # type: ignore[arg-type]
    assert len(many.to_json(combinations=None)["combinations"]) == 60  # type: ignore[arg-type]


def test_a_torn_kpagecount_is_named(tmp_path: Path) -> None:
    proc = fake_proc(tmp_path, [LRU, LRU])
    (proc / "kpagecount").write_bytes(b"\1" * 12)
    with pytest.raises(BackendError, match=r"kpagecount returned 12 bytes, not whole 8-byte entries$"):
        c.take_census(proc, map_counts=True)
