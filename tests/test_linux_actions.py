"""Linux actions: who may run what (decided in one place), and the real actions as root."""

from __future__ import annotations

import ctypes
import mmap
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from app import actions
from app.backends.base import ActionError
from app.backends.linux import LinuxBackend, access, lists, trim
from app.backends.linux.pkexec import HelperStatus

FIXTURES = Path(__file__).parent / "fixtures" / "linux"
MiB = 1 << 20
GiB = 1 << 30
# The clean file whose pages the standby tests watch move machine-wide: the margin they allow for other
# processes' work during the purge is half of it, and dropping it fills the per-CPU free lists (up to
# ~200 MiB a CPU here) that the "other" test must see counted. Written once for the module.
FILE_SIZE = 512 * MiB
# The dirty file: its tests count that file's own pages (cachestat, exact), not the machine's, so no
# margin has to stay above others' noise; 64 MiB also stays under the kernel's background-writeback
# threshold (10 % of available memory by default), so its pages are still dirty when the test looks.
DIRTY_SIZE = 64 * MiB
IS_ROOT = sys.platform.startswith("linux") and os.geteuid() == 0
_NEEDS_ROOT = pytest.mark.skipif(
    not IS_ROOT, reason="needs root on a real Linux kernel (drop_caches, compact_memory, process_madvise)"
)


def root(test: Callable[..., None]) -> Callable[..., None]:
    """The ``root`` marker (pyproject.toml), skipped with the reason when not root."""
    return pytest.mark.root(_NEEDS_ROOT(test))


def host(tmp_path: Path, euid: int = 1000, **kw: object) -> access.Host:
    proc = tmp_path / "proc"
    (proc / "sys/vm").mkdir(parents=True, exist_ok=True)
    for name in ("drop_caches", "compact_memory"):
        (proc / "sys/vm" / name).touch()
    values = {"machine": "x86_64", "has_pidfd_open": True, "has_process_madvise": True, **kw}
    return access.Host(proc, tmp_path / "sys", euid, **values)  # type: ignore[arg-type]


# -- availability ------------------------------------------------------------------------------------


def test_unprivileged_each_root_action_unavailable_with_the_reason(tmp_path):
    backend = LinuxBackend(proc=FIXTURES / "busy-cache", host=host(tmp_path, euid=1000))
    avail = {a.action_id: a for a in backend.availability()}
    assert list(avail) == [a.id for a in actions.for_platform("linux")]
    assert avail["modified-list"].available  # sync: anyone
    for action_id in ("standby-list", "kernel-caches", "compact", "working-sets"):
        assert not avail[action_id].available
        assert "needs root" in avail[action_id].reason
        assert f"sudo ramlens empty {action_id}" in avail[action_id].reason
    assert not backend.privileged()
    assert "root" in backend.privilege_note()


def test_privilege_note_says_whether_pkexec_will_ask(tmp_path):
    without = LinuxBackend(proc=FIXTURES / "busy-cache", host=host(tmp_path, euid=1000))
    assert "install the pkexec helper" in without.privilege_note()
    helper = HelperStatus(True, pkexec="/usr/bin/pkexec", helper="/usr/local/bin/ramlens-helper")
    with_helper = LinuxBackend(proc=FIXTURES / "busy-cache", host=host(tmp_path, euid=1000, helper=helper))
    note = with_helper.privilege_note()
    assert "password through pkexec" in note and "install the pkexec helper" not in note


def test_root_has_every_action(tmp_path):
    backend = LinuxBackend(proc=FIXTURES / "busy-cache", host=host(tmp_path, euid=0))
    assert all(a.available for a in backend.availability())
    assert backend.privilege_note() == ""


def test_missing_kernel_interfaces_are_named(tmp_path):
    h = host(tmp_path, euid=0, has_process_madvise=False)
    (h.proc / "sys/vm/compact_memory").unlink()
    (h.proc / "sys/vm/drop_caches").unlink()
    avail = {a.action_id: a for a in LinuxBackend(proc=FIXTURES / "busy-cache", host=h).availability()}
    assert "compact_memory" in avail["compact"].reason and "CONFIG_COMPACTION" in avail["compact"].reason
    assert "drop_caches" in avail["standby-list"].reason
    assert "process_madvise" in avail["working-sets"].reason
    h2 = host(tmp_path, euid=0, machine="sparc64")
    assert "sparc64" in access.decide("working-sets", h2).reason


def test_missing_interface_makes_the_action_unavailable_even_as_root(tmp_path):
    h = host(tmp_path, euid=0, has_pidfd_open=False)
    (h.proc / "sys/vm/drop_caches").unlink()
    for action_id in ("standby-list", "kernel-caches", "working-sets"):
        avail = access.decide(action_id, h)
        assert avail.available is False and avail.reason and not avail.via_helper
    pidfd = "this Python has no os.pidfd_open (needs Python 3.9 and Linux 5.3 or later)"
    assert access.decide("working-sets", h).reason == pidfd
    no_madvise = host(tmp_path, euid=0, has_process_madvise=False)
    madvise = "this kernel has no process_madvise (needs Linux 5.10 or later)"
    assert access.decide("working-sets", no_madvise).reason == madvise
    assert access.decide("compact", h).available is True
    assert access.decide("registry-cache", h).reason == "registry-cache is not a Linux action"


def test_root_reasons_name_the_root_only_file_or_call(tmp_path):
    h = host(tmp_path, euid=1000)
    why = {
        "standby-list": "writing /proc/sys/vm/drop_caches",
        "kernel-caches": "writing /proc/sys/vm/drop_caches",
        "compact": "writing /proc/sys/vm/compact_memory",
        "working-sets": "process_madvise on other users' processes",
    }
    for action_id, what in why.items():
        avail = access.decide(action_id, h)
        assert avail.available is False
        assert avail.reason == (
            f"needs root ({what} is root-only): run `sudo ramlens empty {action_id}`; "
            f"no pkexec helper: {access.NO_HELPER.reason}"
        )


def test_host_current_describes_this_process(tmp_path):
    h = access.Host.current(tmp_path / "proc", tmp_path / "sys")
    assert (h.proc, h.sys) == (tmp_path / "proc", tmp_path / "sys")
    assert h.euid == os.geteuid() and h.root == (os.geteuid() == 0)
    assert h.machine == platform.machine()
    assert h.has_pidfd_open == hasattr(os, "pidfd_open")
    expected = platform.machine() in access.SYSCALL_ARCHES and trim.process_madvise_supported()
    assert h.has_process_madvise is expected


def test_unavailable_action_is_a_failed_result_not_an_exception(tmp_path):
    backend = LinuxBackend(proc=FIXTURES / "busy-cache", host=host(tmp_path, euid=1000))
    result = backend.run("standby-list")
    assert not result.ok and "needs root" in result.message
    assert not backend.run("no-such-action").ok
    assert "not available on linux" in backend.run("registry-cache").message
    trimmed = backend.trim_processes([os.getpid()])
    assert trimmed.action_id == actions.TRIM_PROCESSES and not trimmed.ok and "needs root" in trimmed.message


def test_all_skips_the_unavailable_ones_with_reasons(tmp_path):
    """As an ordinary user, "all" runs what it may (sync) and lists the rest as skipped."""
    backend = LinuxBackend(host=host(tmp_path, euid=1000))
    result = backend.run(actions.ALL)
    assert [s.action_id for s in result.steps] == ["modified-list"]
    assert result.ok
    assert "skipped" in result.message and "needs root" in result.message
    assert result.details["skipped"] == 4


def test_linux_cannot_relaunch_itself_elevated(tmp_path):
    backend = LinuxBackend(proc=FIXTURES / "busy-cache", host=host(tmp_path, euid=1000))
    assert not backend.can_relaunch_elevated()
    with pytest.raises(ActionError, match="sudo"):
        backend.relaunch_elevated(["status"])


def test_maps_ranges_skip_the_mappings_the_kernel_refuses():
    maps = (
        b"55d0c0a00000-55d0c0a22000 r--p 00000000 fd:00 1234   /usr/bin/python3\n"
        b"7ffd1a9e2000-7ffd1aa03000 rw-p 00000000 00:00 0      [stack]\n"
        b"7ffd1ab5c000-7ffd1ab60000 r--p 00000000 00:00 0      [vvar]\n"
        b"ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0  [vsyscall]\n"
    )
    assert trim._ranges(maps) == [(0x55D0C0A00000, 0x22000), (0x7FFD1A9E2000, 0x21000)]


def test_trim_report_says_what_happened():
    report = trim.TrimReport(trimmed=3, skipped=2, failed=1, rss_before=300 * MiB, rss_after=100 * MiB)
    report.failures.append("pid 9 (x): Permission denied")
    outcome = report.outcome(swap_bytes=0, ok=True)
    assert outcome.message.startswith("3 processes trimmed, 2 skipped")
    assert "1 failed" in outcome.message and "300.0 MiB to 100.0 MiB" in outcome.message
    assert "pid 9 (x): Permission denied" in outcome.message
    assert "no swap, so anonymous pages (heap, stacks) stay resident" in outcome.message
    assert "no swap" not in report.outcome(swap_bytes=GiB, ok=True).message
    assert outcome.details["trimmed"] == 3 and outcome.details["rss_after_bytes"] == 100 * MiB


def test_modified_list_works_for_anyone():
    result = LinuxBackend().run("modified-list")
    assert result.ok, result.message
    assert result.before is not None and result.after is not None
    assert "dirty + writeback" in result.message


# -- the real actions as root ------------------------------------------------------------------------


def resident_bytes(path: Path) -> int:
    """Bytes of ``path`` in the page cache now (mincore over a mapping that touches no page)."""
    libc = ctypes.CDLL(None, use_errno=True)
    size = path.stat().st_size
    pages = (size + mmap.PAGESIZE - 1) // mmap.PAGESIZE
    vec = (ctypes.c_ubyte * pages)()
    with open(path, "rb") as f:
        mapping = mmap.mmap(f.fileno(), size, access=mmap.ACCESS_COPY)
        buf = ctypes.c_char.from_buffer(mapping)
        try:
            if libc.mincore(ctypes.c_void_p(ctypes.addressof(buf)), ctypes.c_size_t(size), vec) != 0:
                raise OSError(ctypes.get_errno(), "mincore failed")
        finally:
            del buf
            mapping.close()
    return int(np.count_nonzero(np.frombuffer(vec, dtype=np.uint8) & 1)) * mmap.PAGESIZE


def write_file(path: Path, size: int, sync: bool) -> None:
    block = os.urandom(MiB)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for _ in range(size // MiB):
            os.write(fd, block)
        if sync:
            os.fsync(fd)
    finally:
        os.close(fd)


def write_clean(path: Path, size: int) -> None:
    """A file of ``size`` bytes on the disk, its pages clean and not in the page cache.

    Its blocks are allocated but never written (fallocate leaves them "unwritten"): reading it fills the page
    cache with zeroed pages that are clean, on the file LRU and droppable like those of a file read from the
    disk, but without any disk I/O. Writing 512 MiB (even with O_DIRECT) kept the test waiting on the disk
    for 2 s, and every read of it afterwards for 0.3–0.7 s more.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.posix_fallocate(fd, 0, size)
        # A filesystem without fallocate gets its blocks written by the C library, through the page cache:
        # on the disk and out of the cache, they are as clean as the unwritten blocks.
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def _disk_path() -> Iterator[Path]:
    """A new path on the disk (not tmpfs: tmpfs pages are never dropped), removed afterwards."""
    path = Path("/var/tmp") / f"ramlens-test-{os.getpid()}-{time.monotonic_ns()}"
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


disk_file = pytest.fixture(_disk_path, name="disk_file")


@pytest.fixture(scope="module")
def clean_file() -> Iterator[Path]:
    """The module's clean FILE_SIZE file, not in the page cache."""
    for path in _disk_path():
        write_clean(path, FILE_SIZE)
        yield path


def cached(path: Path) -> int:
    """Bring the clean file into the page cache and return how much of it is resident: read in by mapping
    it with MAP_POPULATE, which faults every page in without copying it to this process."""
    with open(path, "rb") as f:
        mmap.mmap(f.fileno(), 0, flags=mmap.MAP_SHARED | mmap.MAP_POPULATE, prot=mmap.PROT_READ).close()
    return resident_bytes(path)


@root
@pytest.mark.quiet  # machine-wide list moves
def test_standby_list_moves_a_cached_file_out_of_standby(clean_file):
    for _ in range(3):  # another test run may drop the caches meanwhile: read the file in again
        if cached(clean_file) >= 0.9 * FILE_SIZE:  # cached, clean and not mapped any more: standby
            break
    assert resident_bytes(clean_file) >= 0.9 * FILE_SIZE
    result = LinuxBackend().run("standby-list")
    assert result.ok, result.message
    # The file itself left the cache …
    assert resident_bytes(clean_file) <= 0.1 * FILE_SIZE
    # … and the result shows its pages going from standby to free (others' work moves the rest a little).
    changes = {c.key: c.delta for c in result.changes()}
    assert changes["standby"] <= -FILE_SIZE // 2, result.summary()
    assert changes["free"] >= FILE_SIZE // 2, result.summary()
    assert "Standby −" in result.summary() and "Free +" in result.summary()


@root
@pytest.mark.quiet  # machine-wide list moves
def test_purging_standby_leaves_kernel_other_where_it_was(clean_file):
    """The pages drop_caches frees wait on the per-CPU free lists (not in MemFree): counted as Free, they
    no longer show as "Kernel/other" growing (issue 17: "Purge standby always reports In use +50 MiB")."""
    backend = LinuxBackend()
    moved_other = []
    for _ in range(3):
        cached(clean_file)
        result = backend.run("standby-list")
        assert result.ok and result.before is not None and result.after is not None, result.message
        parts = [s.get("active").part("other") for s in (result.before, result.after)]  # type: ignore[union-attr]
        assert parts[0] is not None and parts[1] is not None
        moved_other.append(parts[1].bytes - parts[0].bytes)
        free = result.after.get("free")
        assert free is not None and free.part("percpu") is not None
        assert free.part("percpu").bytes == result.after.details[lists.PERCPU_FREE]  # type: ignore[union-attr]
    # Measured: the per-CPU lists moved by 2–88 MiB per purge, "other" by under 3 MiB once they are counted.
    assert all(abs(m) <= 8 * MiB for m in moved_other), [m / MiB for m in moved_other]


@root
def test_standby_list_says_when_dirty_pages_stay(disk_file):
    write_file(disk_file, DIRTY_SIZE, sync=False)
    result = LinuxBackend().run("standby-list")
    assert result.ok
    assert result.after is not None
    if (result.after.bytes_of("modified") or 0) >= MiB:  # unless something synced meanwhile
        assert "only drops clean pages" in result.message
        assert "Flush modified list" in result.message


class _CacheStat(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_uint64)
        for name in ("nr_cache", "nr_dirty", "nr_writeback", "nr_evicted", "nr_recently_evicted")
    ]


CACHESTAT = 451  # cachestat(2), Linux 6.5+: the same number on x86_64 and the asm-generic table


def file_cache_state(path: Path) -> _CacheStat | None:
    """This file's cached, dirty and under-writeback pages (cachestat), or None when the kernel lacks it."""
    libc = ctypes.CDLL(None, use_errno=True)
    whole_file = (ctypes.c_uint64 * 2)(0, 0)  # offset 0, length 0 = to the end
    stat = _CacheStat()
    fd = os.open(path, os.O_RDONLY)
    try:
        ret = libc.syscall(CACHESTAT, fd, ctypes.byref(whole_file), ctypes.byref(stat), 0)
    finally:
        os.close(fd)
    return stat if ret == 0 else None


@root
def test_modified_list_brings_dirty_close_to_zero(disk_file):
    write_file(disk_file, DIRTY_SIZE, sync=False)
    state = file_cache_state(disk_file)
    if state is None:
        pytest.skip("this kernel has no cachestat(2) (Linux 6.5+) to count one file's dirty pages")
    # Other test runs on this machine may write dirty files at the same time, so the file's own pages
    # are what is measured: most of them are dirty now (unless the kernel's flusher already started) …
    assert (state.nr_dirty + state.nr_writeback) * mmap.PAGESIZE >= DIRTY_SIZE // 2
    result = LinuxBackend().run("modified-list")
    assert result.ok, result.message
    after = file_cache_state(disk_file)
    assert after is not None
    # … and none of them are after the flush, which keeps them cached as clean (standby) pages.
    assert after.nr_dirty + after.nr_writeback == 0
    assert after.nr_cache * mmap.PAGESIZE >= DIRTY_SIZE // 2
    assert "dirty + writeback" in result.message


@root
def test_kernel_caches_runs_and_reports():
    result = LinuxBackend().run("kernel-caches")
    assert result.ok, result.message
    assert "reclaimable slab" in result.message
    assert {"sreclaimable_before", "sreclaimable_after"} <= set(result.details)


@root
def test_compact_runs_and_reports():
    before_migrated = LinuxBackend().sample().details["pgmigrate_success"]
    result = LinuxBackend().run("compact")
    assert result.ok, result.message
    assert "compacted" in result.message
    assert int(result.details["pages_migrated"]) >= 0
    assert result.after is not None
    assert int(result.after.details["pgmigrate_success"]) >= int(before_migrated)
    assert int(result.details["large_free_after"]) > 0


@pytest.fixture
def child_with_mapped_file(disk_file) -> Iterator[subprocess.Popen[str]]:
    """A process that maps a 64 MiB file with every page read in and mapped (MAP_POPULATE), then waits."""
    write_clean(disk_file, 64 * MiB)
    code = (
        "import mmap, sys\n"
        f"f = open({str(disk_file)!r}, 'rb')\n"
        "m = mmap.mmap(f.fileno(), 0, flags=mmap.MAP_SHARED | mmap.MAP_POPULATE, prot=mmap.PROT_READ)\n"
        "print('ready', flush=True)\n"
        "sys.stdin.read()\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    try:
        yield child
    finally:
        child.kill()
        child.wait()


def rss(pid: int) -> int:
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * mmap.PAGESIZE


@root
def test_trim_processes_pages_out_a_mapped_file(child_with_mapped_file):
    pid = child_with_mapped_file.pid
    before = rss(pid)
    assert before >= 64 * MiB
    result = LinuxBackend().trim_processes([pid])
    assert result.ok, result.message
    assert result.details["trimmed"] == 1 and result.details["failed"] == 0
    # The file pages the child mapped are clean: they leave its working set.
    assert rss(pid) <= before - 32 * MiB
    assert int(result.details["rss_after_bytes"]) < int(result.details["rss_before_bytes"])


@root
def test_trim_processes_skips_this_process_and_kernel_threads():
    kthreadd = 2  # kernel thread: no user memory
    result = LinuxBackend().trim_processes([os.getpid(), kthreadd])
    assert not result.ok  # nothing was trimmed
    assert result.details["skipped"] == 2 and result.details["trimmed"] == 0


@root
def test_working_sets_reports_counts(child_with_mapped_file):
    result = LinuxBackend().run("working-sets")
    assert result.ok, result.message
    d = result.details
    assert int(d["trimmed"]) >= 1  # at least the child
    assert int(d["skipped"]) >= 1  # at least this process
    assert int(d["trimmed"]) + int(d["skipped"]) + int(d["failed"]) >= 3
    assert "processes trimmed" in result.message
    swap = LinuxBackend().sample().details["SwapTotal"]
    assert ("no swap" in result.message) == (swap == 0)


@root
def test_all_runs_every_action_in_canonical_order():
    result = LinuxBackend().run(actions.ALL)
    assert [s.action_id for s in result.steps] == [a.id for a in actions.for_platform("linux")]
    assert result.ok, result.message
    assert result.details == {"done": 5, "failed": 0, "skipped": 0}
