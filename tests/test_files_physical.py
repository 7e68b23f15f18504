"""Use Counts (census × lists) and Physical Ranges (/proc/iomem, memory blocks, zoneinfo)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app import cli
from app.backends.linux import census as cz
from app.backends.linux import physranges, usecounts
from app.backends.linux.procfs import parse_meminfo
from app.usecounts import ListColumn, Use

B = {name: 1 << bit for bit, name in cz.KPF_NAMES.items()}
as_root = pytest.mark.skipif(
    os.geteuid() != 0 or not Path("/proc/kpageflags").exists(),
    reason="the census reads /proc/kpageflags: root",
)


@pytest.mark.parametrize(
    ("flags", "use", "column"),
    [
        (0, Use.RESERVED, ListColumn.RESERVED),
        (B["BUDDY"], Use.FREE, ListColumn.FREE),
        (B["SLAB"] | B["ANON"], Use.SLAB, ListColumn.IN_USE),  # slab reuses the ANON bit
        (B["ANON"] | B["SWAPBACKED"] | B["LRU"] | B["DIRTY"], Use.ANONYMOUS, ListColumn.IN_USE),
        (B["SWAPBACKED"] | B["LRU"] | B["DIRTY"], Use.SHMEM, ListColumn.IN_USE),
        (B["LRU"] | B["UPTODATE"], Use.FILE, ListColumn.STANDBY),
        (B["LRU"] | B["DIRTY"], Use.FILE, ListColumn.MODIFIED),
        (B["LRU"] | B["MMAP"], Use.FILE, ListColumn.IN_USE),
        (B["LRU"] | B["UNEVICTABLE"], Use.FILE, ListColumn.IN_USE),
        (B["HUGE"] | B["COMPOUND_HEAD"], Use.HUGETLB, ListColumn.IN_USE),
        (B["PGTABLE"], Use.PAGE_TABLES, ListColumn.IN_USE),
        (B["COMPOUND_TAIL"], Use.OTHER, ListColumn.IN_USE),
        (B["NOPAGE"], Use.RESERVED, ListColumn.RESERVED),
    ],
)
def test_each_flag_word_has_one_use_and_one_list(flags: int, use: Use, column: ListColumn) -> None:
    assert usecounts.use_of(flags) is use
    assert usecounts.column_of(flags) is column


def test_the_matrix_sums_the_combinations() -> None:
    combos = {0: 10, B["BUDDY"]: 5, B["LRU"]: 7, B["LRU"] | B["DIRTY"]: 3, B["LRU"] | B["MMAP"]: 2}
    m = usecounts.use_counts(combos, 4096)
    assert m.total == 27
    assert m.row_total(Use.FILE) == 12
    assert m.column_total(ListColumn.STANDBY) == 7 and m.column_total(ListColumn.MODIFIED) == 3
    assert m.cell(Use.FILE, ListColumn.IN_USE) == 2
    doc = m.to_json()
    assert doc["total"] == 27 and doc["totals"] == [2, 7, 3, 5, 10]


@as_root
def test_use_counts_agree_with_the_census_classes(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["pages", "--json", "--combinations", "0", "--use-counts"]) == 0
    doc = json.loads(capsys.readouterr().out)
    counts = doc["use_counts"]
    classes = {c["key"]: c["pages"] for c in doc["classes"]}
    assert counts["total"] == doc["frames"]
    totals = dict(zip(counts["columns"], counts["totals"], strict=True))
    assert totals["Standby"] == classes["standby"]
    assert totals["Modified"] == classes["modified"]
    assert totals["Free"] == classes["free"]
    assert totals["Reserved"] == classes["reserved"]


IOMEM = """00000000-00000fff : Reserved
00001000-0009fbff : System RAM
000a0000-000bffff : PCI Bus 0000:00
00100000-bfffffff : System RAM
  01000000-01ffffff : Kernel code
100000000-63fffffff : System RAM
"""


def test_iomem_ram_ranges_and_hidden_addresses() -> None:
    ranges, hidden = physranges.parse_iomem(IOMEM)
    assert not hidden
    assert [(r.start, r.end) for r in ranges] == [
        (0x1000, 0x9FBFF),
        (0x100000, 0xBFFFFFFF),
        (1 << 32, 0x63FFFFFFF),
    ]
    assert ranges[2].size == 21 << 30
    zeros = "".join(f"00000000-00000000 : {line.split(' : ')[1]}\n" for line in IOMEM.splitlines())
    assert physranges.parse_iomem(zeros)[1]


def test_zoneinfo_spans() -> None:
    text = (
        "Node 0, zone      DMA\n  pages free     3840\n        spanned  4095\n        present  3998\n"
        "        managed  3840\n  start_pfn:           1\n"
        "Node 0, zone   Normal\n        spanned  5505024\n        present  5505024\n        managed  884736\n"
        "  start_pfn:           1048576\n"
        "Node 0, zone  Movable\n        spanned  0\n        present  0\n        managed  0\n"
    )
    zones = physranges.parse_zoneinfo(text)
    assert [(z.zone, z.start_pfn, z.spanned, z.present, z.managed) for z in zones] == [
        ("DMA", 1, 4095, 3998, 3840),
        ("Normal", 1048576, 5505024, 5505024, 884736),
        ("Movable", 0, 0, 0, 0),
    ]


def test_memory_blocks_merge_into_runs(tmp_path: Path) -> None:
    base = tmp_path / "devices" / "system" / "memory"
    base.mkdir(parents=True)
    (base / "block_size_bytes").write_text("8000000\n")
    for index, state in ((0, "online"), (1, "online"), (2, "offline"), (5, "online")):
        block = base / f"memory{index}"
        block.mkdir()
        (block / "phys_index").write_text(f"{index:08x}\n")
        (block / "state").write_text(state + "\n")
        (block / "node0").mkdir()
    runs, problem = physranges.read_blocks(tmp_path)
    assert problem == ""
    assert [(r.start, r.blocks, r.state) for r in runs] == [
        (0, 2, "online"),
        (2 << 27, 1, "offline"),
        (5 << 27, 1, "online"),
    ]
    assert runs[0].end == (2 << 27) - 1 and runs[0].node == 0
    assert "No such file" in physranges.read_blocks(tmp_path / "nowhere")[1]


def test_ranges_on_this_machine_agree_with_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["pages", "--ranges", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    page = doc["page_size"]
    # (Σ managed need not be MemTotal: a VM's lazily accepted memory is present but not yet managed.)
    for z in doc["zones"]:
        assert z["managed_pages"] <= z["present_pages"] <= z["spanned_pages"]
    present = sum(z["present_pages"] for z in doc["zones"]) * page
    mem_total = parse_meminfo(Path("/proc/meminfo").read_text())["MemTotal"]
    assert mem_total <= present
    online = sum(b["end"] - b["start"] + 1 for b in doc["blocks"] if b["state"] == "online")
    assert online >= present * 0.99
    if os.geteuid() == 0:
        assert abs(doc["ram_bytes"] - present) <= present / 100
    else:
        assert doc["ram"] == [] and "needs root" in doc["problems"][0]
