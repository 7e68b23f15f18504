"""The Linux lists and details against the captured /proc files, with every expected value worked out by hand.

All figures in kB as in the files; the backend reports bytes (× 1024).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.backends.linux import LinuxBackend, lists
from app.model import Sample

FIXTURES = Path(__file__).parent / "fixtures" / "linux"
KB = 1024


def sample_of(name: str) -> tuple[LinuxBackend, Sample]:
    backend = LinuxBackend(proc=FIXTURES / name)
    return backend, backend.sample()


def kb(sample: Sample, key: str, part: str | None = None) -> float:
    m = sample.get(key)
    assert m is not None, key
    if part is not None:
        m = m.part(part)
        assert m is not None, (key, part)
    return m.bytes / KB


def check_exact(sample: Sample) -> None:
    """Lists add up to MemTotal, parts to their list, nothing negative."""
    assert sum(m.bytes for m in sample.lists) == sample.total_bytes
    for m in sample.lists:
        assert m.bytes >= 0
        if m.parts:
            assert sum(p.bytes for p in m.parts) == m.bytes, m.key
            assert all(p.bytes >= 0 for p in m.parts)


def test_busy_cache_lists_by_hand():
    _, s = sample_of("busy-cache")
    check_exact(s)
    assert s.total_bytes == 24683656 * KB
    assert s.available_bytes == 24339708 * KB
    assert [m.key for m in s.lists] == ["active", "standby", "modified", "free"]
    assert s.get("zeroed") is None  # absent, not zero
    # per-CPU free lists: zoneinfo pageset counts 2756 + 3201 = 5957 pages × 4 kB = 23828 kB
    # free = MemFree 22625028 + 23828 = 22648856, in two parts
    assert kb(s, "free") == 22648856
    assert kb(s, "free", "buddy") == 22625028
    assert kb(s, "free", "percpu") == 23828
    # modified = Dirty 1876008 + Writeback 0 + WritebackTmp 0
    assert kb(s, "modified") == 1876008
    assert kb(s, "modified", "dirty") == 1876008
    assert kb(s, "modified", "writeback") == 0
    # file = Active(file) 15736 + Inactive(file) 1869776 = 1885512; dw = 1876008
    # dirty out of inactive first: 1869776 → clean inactive 0; the other 6232 out of active → 9504
    # Mapped 10492 out of active first: 9504 → clean active 0; the other 988 find nothing in inactive
    # standby = max(0, 1885512 − 1876008 − 10492 = −988) = 0
    assert kb(s, "standby") == 0
    assert kb(s, "standby", "inactive") == 0
    assert kb(s, "standby", "standby_active") == 0
    # active = 24683656 − 22625028 − 1876008 − 0 − 23828 (per-CPU) = 158792
    assert kb(s, "active") == 158792
    assert kb(s, "active", "anonymous") == 4112  # AnonPages
    assert kb(s, "active", "shmem") == 8924  # Shmem
    assert kb(s, "active", "mapped_file") == 9504  # min(Mapped 10492, file − dw = 9504)
    # kernel = Slab 105412 + KernelStack 1248 + PageTables 1008 + SecPageTables 0 + VmallocUsed 14028
    #        + Percpu 976 = 122672
    assert kb(s, "active", "kernel") == 122672
    # other = 182620 − 4112 − 8924 − 9504 − 122672 = 37408, less the per-CPU lists' 23828 = 13580
    assert kb(s, "active", "other") == 13580


def test_after_drop_compact_lists_by_hand():
    _, s = sample_of("after-drop-compact")
    check_exact(s)
    # MemFree 24585068 + per-CPU (3791 + 2778 = 6569 pages = 26276 kB) = 24611344
    assert kb(s, "free") == 24611344
    assert kb(s, "free", "percpu") == 26276
    assert kb(s, "modified") == 0  # Dirty 0, Writeback 0
    # clean inactive 1576, clean active 4404; Mapped 10584: 4404 from active, 1576 from inactive → standby 0
    assert kb(s, "standby") == 0
    # active = 24683656 − 24585068 − 26276 = 72312
    assert kb(s, "active") == 72312
    assert kb(s, "active", "anonymous") == 3996
    assert kb(s, "active", "shmem") == 8924
    assert kb(s, "active", "mapped_file") == 4404 + 1576  # = 5980
    # kernel = 23176 + 1248 + 824 + 0 + 14044 + 976 = 40268
    assert kb(s, "active", "kernel") == 40268
    # other = 98588 − 3996 − 8924 − 5980 − 40268 = 39420, less the per-CPU lists' 26276 = 13144
    assert kb(s, "active", "other") == 13144


def test_busy_cache_details_by_hand():
    backend, s = sample_of("busy-cache")
    d = s.details
    for name, value_kb in {
        "Buffers": 568,
        "Cached": 1893868,
        "Shmem": 8924,
        "SReclaimable": 78824,
        "SUnreclaim": 26588,
        "PageTables": 1008,
        "Unevictable": 9696,
        "Mlocked": 8724,
        "SwapTotal": 0,
        "SwapFree": 0,
    }.items():
        assert d[name] == value_kb * KB, name
    assert d["workingset_refault_file"] == 47113
    assert d["workingset_refault_anon"] == 0
    assert d["drop_pagecache"] == 2
    assert d["drop_slab"] == 2
    assert d["pgmigrate_success"] == 3657
    assert d["compact_migrate_scanned"] == 1314303
    assert d["compact_free_scanned"] == 6000
    assert d["compact_isolated"] == 7444
    assert d["compact_stall"] == d["compact_fail"] == d["compact_success"] == 0
    # buddyinfo, pages per zone = Σ count × 2^order:
    #   DMA    1×256 + 1×512 + 3×1024 = 3840
    #   DMA32  2 + 3×2 + 0 + 2×8 + 3×16 + 2×32 + 1×64 + 4×128 + 4×256 + 2×512 + 752×1024 = 772808
    #   Normal 902 + 489×2 + 379×4 + 513×8 + 452×16 + 331×32 + 233×64 + 195×128 + 9×256 + 1×512
    #          + 7×1024 = 75180
    #   total 851828 pages — the same as vmstat's nr_free_pages in this capture
    assert d["nr_free_pages"] == 851828
    assert d[lists.BUDDY_FREE] == 851828 * backend.page_size
    # MemFree 22625028 kB is far more than the buddy allocator holds (lazily initialised VM memory)
    assert d[lists.MEMFREE_NOT_IN_BUDDY] == 22625028 * KB - 851828 * backend.page_size
    assert d[lists.KERNEL_ACCOUNTED] == 122672 * KB


def test_after_drop_compact_buddy_by_hand():
    backend, s = sample_of("after-drop-compact")
    # Normal 724 + 458×2 + 382×4 + 443×8 + 324×16 + 202×32 + 126×64 + 91×128 + 61×256 + 55×512 + 472×1024
    #      = 565176; DMA and DMA32 as in busy-cache: 3840 + 772808 → 1341824 pages
    assert s.details[lists.BUDDY_FREE] == 1341824 * backend.page_size
    assert s.details["drop_pagecache"] == 3
    assert s.details["pgmigrate_success"] == 7603


def by_key(mem: dict[str, int]) -> dict[str, int]:
    out = {}
    for m in lists.memory_lists(mem):
        out[m.key] = m.bytes
        out.update({f"{m.key}.{p.key}": p.bytes for p in m.parts})
    return out


def test_standby_split_dirty_from_inactive_mapped_from_active():
    mem = dict.fromkeys(lists.REQUIRED, 0)
    mem.update({"MemTotal": 10000, "MemFree": 2000, "MemAvailable": 5000, "Inactive(file)": 1000})
    mem.update({"Active(file)": 500, "Dirty": 300, "Writeback": 100, "Mapped": 200})
    got = by_key(mem)
    # dw 400 out of inactive: 600 left; Mapped 200 out of active: 300 left → standby 900 = 1500 − 400 − 200
    assert got["standby.inactive"] == 600
    assert got["standby.standby_active"] == 300
    assert got["standby"] == 900
    assert got["modified.dirty"] == 300 and got["modified.writeback"] == 100
    assert got["active.mapped_file"] == 200
    assert got["active"] == 10000 - 2000 - 400 - 900


def test_standby_split_spills_to_the_other_part():
    mem = dict.fromkeys(lists.REQUIRED, 0)
    mem.update({"MemTotal": 10000, "MemFree": 2000, "MemAvailable": 5000, "Inactive(file)": 1000})
    mem.update({"Active(file)": 500, "Dirty": 1200, "Mapped": 100})
    got = by_key(mem)
    # dw 1200: 1000 out of inactive, 200 out of active → 0 and 300; Mapped 100 out of active → 200
    assert (got["standby.inactive"], got["standby.standby_active"]) == (0, 200)
    mem.update({"Dirty": 100, "Mapped": 700})
    got = by_key(mem)
    # dw 100 out of inactive → 900; Mapped 700: 500 out of active, 200 out of inactive → 700 and 0
    assert (got["standby.inactive"], got["standby.standby_active"]) == (700, 0)
    assert got["active.mapped_file"] == 700


@given(
    st.fixed_dictionaries(
        {name: st.integers(0, 1 << 36) for name in (*lists.REQUIRED, *lists.KERNEL_FIELDS, "WritebackTmp")}
    )
)
def test_lists_always_add_up_exactly(mem):
    """Whatever the kernel reports (even inconsistent figures), no byte is lost or counted twice."""
    mem["MemTotal"] = max(mem["MemTotal"], 1)
    result = lists.memory_lists(mem)
    assert sum(m.bytes for m in result) == mem["MemTotal"]
    for m in result:
        assert m.bytes >= 0
        if m.parts:
            assert sum(p.bytes for p in m.parts) == m.bytes
            assert all(p.bytes >= 0 for p in m.parts)


def test_older_kernel_fields_absent_not_a_crash(tmp_path):
    """A kernel without SecPageTables, Percpu, KReclaimable and the compaction counters: details absent."""
    tree = tmp_path / "proc"
    tree.mkdir()
    for f in (FIXTURES / "busy-cache").iterdir():  # plain copies: the captures are read-only
        shutil.copyfile(f, tree / f.name)
    drop = ("SecPageTables", "Percpu", "KReclaimable", "WritebackTmp", "Hugetlb")
    text = (tree / "meminfo").read_text().splitlines(keepends=True)
    (tree / "meminfo").write_text("".join(line for line in text if not line.startswith(drop)))
    vm = (tree / "vmstat").read_text().splitlines(keepends=True)
    (tree / "vmstat").write_text("".join(line for line in vm if not line.startswith(("compact_", "drop_"))))
    s = LinuxBackend(proc=tree).sample()
    check_exact(s)
    for name in (*drop, "compact_stall", "drop_pagecache"):
        assert name not in s.details
    # kernel part without Percpu (976) and SecPageTables (0): 122672 − 976 = 121696; other grows by 976
    assert kb(s, "active", "kernel") == 121696
    assert kb(s, "active", "other") == 13580 + 976


def test_every_list_and_part_key_is_unique():
    sample = LinuxBackend(proc=FIXTURES / "busy-cache").sample()
    keys = [m.key for m in sample.lists] + [p.key for m in sample.lists for p in m.parts]
    assert len(keys) == len(set(keys)), keys


def meminfo(**fields: int) -> dict[str, int]:
    """Every REQUIRED field at 0, then the given ones (names with parentheses passed as e.g. Active_file)."""
    mem = dict.fromkeys(lists.REQUIRED, 0)
    mem.update({k.replace("_file", "(file)"): v for k, v in fields.items()})
    return mem


def test_standby_cap_takes_the_excess_out_of_the_active_part_first():
    # An inconsistent reading: clean file pages 300 + 300 = 600, but only 1000 − 600 = 400 left for standby.
    got = by_key(meminfo(MemTotal=1000, MemFree=600, Inactive_file=300, Active_file=300))
    # excess 200 comes out of active (300 → 100); inactive keeps all 300
    assert (got["standby.inactive"], got["standby.standby_active"]) == (300, 100)
    assert got["standby"] == 400 and got["active"] == 0
    # An excess larger than the active part: active goes to 0, the rest (400 − 300) comes out of inactive.
    got = by_key(meminfo(MemTotal=1000, MemFree=800, Inactive_file=300, Active_file=300))
    assert (got["standby.inactive"], got["standby.standby_active"]) == (200, 0)
    # Exactly at the cap nothing is cut.
    got = by_key(meminfo(MemTotal=1000, MemFree=400, Inactive_file=300, Active_file=300))
    assert (got["standby.inactive"], got["standby.standby_active"], got["active"]) == (300, 300, 0)


def test_writeback_tmp_counts_in_modified_and_in_being_written_back():
    mem = meminfo(MemTotal=10000, MemFree=2000, Inactive_file=1000, Active_file=500, Dirty=100, Writeback=50)
    mem["WritebackTmp"] = 30
    got = by_key(mem)
    assert got["modified"] == 100 + 50 + 30
    assert got["modified.dirty"] == 100
    assert got["modified.writeback"] == 50 + 30
    # WritebackTmp pages (FUSE) are not on the file LRU: standby loses Dirty + Writeback only (150, inactive)
    assert (got["standby.inactive"], got["standby.standby_active"]) == (850, 500)
    assert got["active"] == 10000 - 2000 - 180 - 1350


def test_modified_is_capped_at_what_free_leaves_and_dirty_at_modified():
    # Dirty + Writeback + WritebackTmp = 900 but MemTotal − MemFree = 500: modified 500, all of it dirty.
    mem = meminfo(MemTotal=1000, MemFree=500, Dirty=600, Writeback=200)
    mem["WritebackTmp"] = 100
    got = by_key(mem)
    assert (got["modified"], got["modified.dirty"], got["modified.writeback"]) == (500, 500, 0)
    assert got["free"] == 500 and got["active"] == got["standby"] == 0
    # MemFree above MemTotal (never on a sane kernel): free is capped, nothing else is left.
    got = by_key(meminfo(MemTotal=1000, MemFree=1500, Dirty=10))
    assert (got["free"], got["modified"], got["active"]) == (1000, 0, 0)


def test_active_parts_take_in_order_until_active_runs_out():
    mem = meminfo(MemTotal=1000, MemFree=400, AnonPages=300, Shmem=200, Slab=50)
    got = by_key(mem)
    # active 600: anonymous 300, shmem 200, mapped_file 0, kernel 50, other 50
    assert [got[f"active.{k}"] for k in ("anonymous", "shmem", "mapped_file", "kernel", "other")] == [
        300,
        200,
        0,
        50,
        50,
    ]
    mem.update(AnonPages=500, Shmem=200)
    got = by_key(mem)
    # 600: anonymous 500, shmem gets only the 100 left, nothing for kernel or other
    assert [got[f"active.{k}"] for k in ("anonymous", "shmem", "kernel", "other")] == [500, 100, 0, 0]


def details_of(mem_free: int, buddy_pages: int, page_size: int = 4096) -> dict:
    mem = meminfo(MemTotal=1 << 30, MemFree=mem_free)
    return lists.details(mem, {}, buddy_pages, page_size)


def test_memfree_not_in_buddy_is_the_gap_and_never_negative():
    assert details_of(10 * 4096 + 1, 10)[lists.MEMFREE_NOT_IN_BUDDY] == 1
    assert details_of(10 * 4096, 10)[lists.MEMFREE_NOT_IN_BUDDY] == 0
    # MemFree below the buddy total (the two are read at different instants): clamped at 0, not negative
    d = details_of(10 * 4096 - 4096, 10)
    assert d[lists.MEMFREE_NOT_IN_BUDDY] == 0
    assert d[lists.BUDDY_FREE] == 10 * 4096


def test_details_keep_only_the_known_fields():
    mem = meminfo(MemTotal=1 << 30, MemFree=1 << 20, Slab=4096, KernelStack=8192)
    mem["NotAField"] = 7
    vm = {"nr_free_pages": 3, "pgfault": 99}
    d = lists.details(mem, vm, 3, 4096)
    assert "NotAField" not in d and "pgfault" not in d
    assert d["nr_free_pages"] == 3 and d["Slab"] == 4096
    assert d[lists.KERNEL_ACCOUNTED] == 4096 + 8192
    # The fast path (only known fields handed over) gives the same details.
    assert (
        lists.details({k: v for k, v in mem.items() if k != "NotAField"}, {"nr_free_pages": 3}, 3, 4096) == d
    )


def test_missing_fields_names_each_required_field_absent():
    mem = meminfo(MemTotal=1)
    assert lists.missing_fields(mem) == ()
    del mem["MemAvailable"], mem["Shmem"]
    assert lists.missing_fields(mem) == ("MemAvailable", "Shmem")


def test_every_list_and_part_carries_its_label():
    """The labels are what the table, the chart legend and the CLI show: each list and part has its own."""
    mem = meminfo(
        MemTotal=10000, MemFree=1000, Inactive_file=2000, Active_file=1000, Dirty=100, AnonPages=500
    )
    labels = {m.key: m.label for m in lists.memory_lists(mem)}
    labels.update({f"{m.key}.{p.key}": p.label for m in lists.memory_lists(mem) for p in m.parts})
    assert labels == {
        "active": "In use",
        "standby": "Standby",
        "modified": "Modified",
        "free": "Free",
        "active.anonymous": "Anonymous (process heap and stacks)",
        "active.shmem": "Shared memory (tmpfs, shmem)",
        "active.mapped_file": "Mapped files",
        "active.kernel": "Kernel (slab, stacks, page tables, vmalloc, per-CPU)",
        "active.other": "Kernel/other (drivers, huge pages, unaccounted)",
        "standby.inactive": "Low priority (inactive)",
        "standby.standby_active": "High priority (active)",
        "modified.dirty": "Dirty (waiting for write-back)",
        "modified.writeback": "Being written back",
    }
