"""The sampling path: the fast parsers agree with the strict ones, and bad input gets a clear error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.backends.base import BackendError
from app.backends.linux import LinuxBackend
from app.backends.linux.procfs import parse_meminfo, parse_vmstat
from app.backends.linux.sampler import MEMINFO_WANTED, ProcFiles
from app.model import Sample

FIXTURES = Path(__file__).parent / "fixtures" / "linux"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A writable copy of the busy-cache capture."""
    dest = tmp_path / "proc"
    dest.mkdir()
    for f in (FIXTURES / "busy-cache").iterdir():  # plain copies: the captures are read-only
        shutil.copyfile(f, dest / f.name)
    return dest


@pytest.mark.parametrize("capture", ["busy-cache", "after-drop-compact"])
def test_fast_parsers_match_the_strict_ones(capture):
    files = ProcFiles(FIXTURES / capture)
    strict = parse_meminfo((FIXTURES / capture / "meminfo").read_text())
    assert files.meminfo() == {k: strict[k] for k in MEMINFO_WANTED if k in strict}
    strict_vm = parse_vmstat((FIXTURES / capture / "vmstat").read_text())
    assert files.vmstat() == {k: strict_vm[k] for k in files.vmstat()}
    assert len(files.vmstat()) >= 10


def test_live_files_parse_the_same_both_ways(tmp_path):
    """The live /proc, copied at one moment, through both parsers."""
    for name in ("meminfo", "vmstat", "buddyinfo"):
        (tmp_path / name).write_bytes(Path("/proc", name).read_bytes())
    files = ProcFiles(tmp_path)
    strict = parse_meminfo((tmp_path / "meminfo").read_text())
    assert files.meminfo() == {k: strict[k] for k in MEMINFO_WANTED if k in strict}
    strict_vm = parse_vmstat((tmp_path / "vmstat").read_text())
    got = files.vmstat()
    assert got and got == {k: strict_vm[k] for k in got}


def test_a_changed_file_is_read_again_not_through_the_old_layout(tree):
    backend = LinuxBackend(proc=tree)
    first = backend.sample()
    text = (tree / "meminfo").read_text()
    # A new field at the top and a different MemFree: every position moves.
    changed = "NewField:        1 kB\n" + text.replace(
        "MemFree:        22625028 kB", "MemFree:        22625000 kB"
    )
    (tree / "meminfo").write_text(changed)
    second = backend.sample()
    assert _buddy_free(second) == 22625000 * 1024
    assert _buddy_free(first) == 22625028 * 1024
    assert sum(m.bytes for m in second.lists) == second.total_bytes


@pytest.mark.parametrize(
    ("mangle", "expected"),
    [
        (lambda t: t[: t.index("Dirty:") + 19], "truncated"),  # cut inside the number: "Dirty:   18"
        (lambda t: t[: t.index("Dirty:") + 12], "line 19"),  # cut before the number
        (lambda t: t[: t.index("Dirty:")], "lacks Dirty"),  # cut at a line boundary
        (lambda t: "\x00\x17garbage\xff" * 40, "line 1"),
        (lambda t: "", "no MemTotal"),
        (lambda t: t.replace("Mapped:            10492 kB", "Mapped:            10492 MB"), "unknown unit"),
        (lambda t: t.replace("Shmem:              8924 kB", "Shmem:              89x4 kB"), "line"),
    ],
)
def test_bad_meminfo_is_a_clear_error_naming_the_file(tree, mangle, expected):
    text = (tree / "meminfo").read_text()
    backend = LinuxBackend(proc=tree)
    backend.sample()  # a layout learned from the good file must not let bad data through later
    (tree / "meminfo").write_bytes(mangle(text).encode("latin-1"))
    with pytest.raises(BackendError) as info:
        backend.sample()
    assert str(tree / "meminfo") in str(info.value)
    assert expected in str(info.value)
    # Loses nothing: the good file again gives a good sample.
    (tree / "meminfo").write_text(text)
    assert backend.sample().total_bytes == 24683656 * 1024


def test_bad_vmstat_and_buddyinfo_name_the_file(tree):
    good_vm = (tree / "vmstat").read_text()
    (tree / "vmstat").write_text(good_vm.replace("drop_slab 2", "drop_slab two"))
    with pytest.raises(BackendError, match=r"vmstat line \d+"):
        LinuxBackend(proc=tree).sample()
    (tree / "vmstat").write_text(good_vm)
    (tree / "buddyinfo").write_text("Node 0, zone Normal 1 2 x\n")
    with pytest.raises(BackendError, match=str(tree / "buddyinfo")):
        LinuxBackend(proc=tree).sample()


def test_missing_and_unreadable_files_name_the_file(tree):
    (tree / "vmstat").unlink()
    with pytest.raises(BackendError, match=rf"{tree / 'vmstat'} does not exist"):
        LinuxBackend(proc=tree).sample()
    (tree / "vmstat").mkdir()  # readable by nobody as a file, not even root
    with pytest.raises(BackendError, match=rf"{tree / 'vmstat'} cannot be read"):
        LinuxBackend(proc=tree).sample()
    with pytest.raises(BackendError, match="meminfo does not exist"):
        LinuxBackend(proc=tree / "nowhere").sample()


def test_vmstat_read_only_as_far_as_needed_yet_never_cut_short(tree):
    """Only a prefix of vmstat is read; when earlier lines grow past the margin, the whole file again."""
    files = ProcFiles(tree)
    assert files.vmstat()["compact_success"] == 0
    layout = files._layouts["vmstat"]
    text = (tree / "vmstat").read_text()
    assert 0 < layout.prefix < len(text)  # compaction counters are not the last lines of vmstat
    # 600 more digits in a counter before the wanted ones: the old prefix now ends inside the wanted part.
    grown = text.replace("nr_zone_inactive_anon 454", "nr_zone_inactive_anon " + "9" * 600)
    grown = grown.replace("compact_success 0", "compact_success 123456")
    (tree / "vmstat").write_text(grown)
    got = files.vmstat()
    assert got["compact_success"] == 123456
    assert got["pgmigrate_success"] == 3657
    assert files._layouts["vmstat"].prefix > layout.prefix


def _buddy_free(sample: Sample) -> int:
    """The Free list's MemFree part (the rest of Free is the per-CPU lists, read from zoneinfo)."""
    free = sample.get("free")
    part = free.part("buddy") if free is not None else None
    assert part is not None
    return part.bytes
