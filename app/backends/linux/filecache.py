"""Which files are in the page cache (Linux): walk paths, the files processes use, the local file systems.

Every regular file is opened read-only (O_NOATIME where permitted, so the scan changes no access
time), measured by :mod:`app.backends.linux.residency` and closed; a file is counted once however
many names, mounts or processes lead to it (by device and inode). Folders are walked without
following symlinks and without leaving the folder's file system. The system scan first takes the
files in /proc/PID/maps and /proc/PID/fd (as far as this user may read them), then walks every
local file system from /proc/self/mounts, skipping pseudo and network file systems and anything
under /proc, /sys and /dev.

Dropping a file uses posix_fadvise(POSIX_FADV_DONTNEED), which the kernel honours for any file the
caller can open: clean, unmapped pages go; dirty pages are written first (fdatasync) when asked,
otherwise they stay, as do pages a process maps or locks.
"""

from __future__ import annotations

import errno
import mmap
import os
import stat
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.backends.linux import residency
from app.filecache import Cancelled, Eviction, FileCache, FileScan, Method, Progress

# File systems whose files are not page-cache files of local storage (or are slow to walk over a network).
PSEUDO_FS = frozenset(
    "proc sysfs devtmpfs devpts cgroup cgroup2 securityfs debugfs tracefs pstore bpf mqueue hugetlbfs "
    "configfs fusectl autofs binfmt_misc efivarfs rpc_pipefs nsfs selinuxfs ramfs squashfs_fuse".split()
)
NETWORK_FS = frozenset(
    "nfs nfs4 cifs smb3 smbfs 9p ceph glusterfs afs ncpfs davfs fuse.sshfs fuse.rclone fuse.s3fs "
    "fuse.glusterfs lustre gpfs ocfs2 virtiofs".split()
)
SKIPPED_TREES = ("/proc", "/sys", "/dev")
PROGRESS_EVERY = 256  # files between progress calls
PROCESSES = "processes"


@dataclass(frozen=True)
class Mount:
    """One line of /proc/self/mounts."""

    source: str
    point: str
    fstype: str


def parse_mounts(text: str) -> list[Mount]:
    """The mounts of /proc/self/mounts (octal escapes such as ``\\040`` decoded)."""
    out = []
    for line in text.splitlines():
        words = line.split()
        if len(words) >= 3:
            point = words[1].encode().decode("unicode_escape")
            out.append(Mount(words[0], point, words[2]))
    return out


def local_mounts(mounts: Iterable[Mount]) -> list[Mount]:
    """The mounts a system scan walks: local, not pseudo, not under /proc, /sys or /dev."""
    out = []
    for m in mounts:
        if m.fstype in PSEUDO_FS or m.fstype in NETWORK_FS or m.fstype.startswith("fuse."):
            continue
        if any(m.point == t or m.point.startswith(t + "/") for t in SKIPPED_TREES):
            continue
        out.append(m)
    return out


def process_paths(proc: Path = Path("/proc")) -> list[str]:
    """Paths of the files processes map (/proc/PID/maps) or hold open (/proc/PID/fd), as far as readable."""
    seen: dict[str, None] = {}
    try:
        pids = [p for p in os.listdir(proc) if p.isdigit()]
    except OSError:
        return []
    for pid in pids:
        try:
            with open(proc / pid / "maps", encoding="utf-8", errors="surrogateescape") as maps:
                for line in maps:
                    parts = line.split(maxsplit=5)
                    if len(parts) == 6 and parts[4] != "0" and parts[5].startswith("/"):
                        path = parts[5].rstrip("\n")
                        if not path.endswith(" (deleted)"):
                            seen[path] = None
        except OSError:  # gone, or not ours to read: the scan takes what it may
            pass
        try:
            fds = os.listdir(proc / pid / "fd")
        except OSError:
            continue
        for fd in fds:
            try:
                target = os.readlink(proc / pid / "fd" / fd)
            except OSError:
                continue
            if target.startswith("/") and not target.endswith(" (deleted)"):
                seen[target] = None
    return list(seen)


def _open(path: str, follow: bool = False) -> int:
    if "\0" in path:  # os.open raises ValueError for it; callers handle a refusal as OSError
        raise OSError(errno.EINVAL, "a file name cannot hold a NUL character", path)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow else os.O_NOFOLLOW)
    try:
        return os.open(path, flags | os.O_NOATIME)
    except PermissionError:  # O_NOATIME is for the owner (or CAP_FOWNER) only
        return os.open(path, flags)


@dataclass
class _Walk:
    """The state of one scan: what was seen, found and refused."""

    page_size: int
    progress: Progress | None
    cancelled: Cancelled | None
    expected: int = 0
    examined: int = 0
    refused: int = 0
    stopped: bool = False
    seen: set[tuple[int, int]] = field(default_factory=set)
    probe: residency.Probe = field(default_factory=residency.Probe)
    found: list[FileCache] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def stop_now(self) -> bool:
        if not self.stopped and self.cancelled is not None and self.cancelled():
            self.stopped = True
        return self.stopped

    def measure(self, path: str, named: bool = False) -> bool:
        """Measure one file; keep it when it has cached pages.

        A ``named`` path (one the user gave) is kept even when uncached, may be a symlink, and
        may be a folder: then nothing is measured and True is returned (the caller walks it).
        """
        try:
            fd = _open(path, follow=named)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EPERM):
                self.refused += 1
            if named:  # say why it is missing
                self.problems.append(f"{path}: {exc.strerror or exc}")
            return False
        try:
            st = os.fstat(fd)
            if named and stat.S_ISDIR(st.st_mode):
                return True
            if not stat.S_ISREG(st.st_mode) or (st.st_dev, st.st_ino) in self.seen:
                return False
            self.seen.add((st.st_dev, st.st_ino))
            self._count()
            try:
                pages = self.probe.pages(fd, st.st_size)
            except OSError as exc:
                if exc.errno in (errno.EACCES, errno.EPERM):
                    self.refused += 1
                return False
        finally:
            os.close(fd)
        if pages.cached or named:
            self.found.append(to_entry(path, st.st_size, pages, self.page_size))
        return False

    def _count(self) -> None:
        self.examined += 1
        if self.progress is not None and self.examined % PROGRESS_EVERY == 0:
            self.progress(self.examined, max(self.expected, self.examined) if self.expected else 0)

    def walk(self, root: str) -> None:
        """Every regular file under ``root`` on root's file system, symlinks not followed."""
        try:
            device = os.lstat(root).st_dev
        except OSError as exc:
            self.problems.append(f"{root}: {exc.strerror or exc}")
            return
        stack = [root]
        while stack:
            folder = stack.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError:  # unreadable or vanished folder: skipped
                continue
            for entry in entries:
                if self.stop_now():
                    return
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if entry.stat(follow_symlinks=False).st_dev == device:
                            stack.append(entry.path)
                    elif entry.is_file(follow_symlinks=False):
                        self.measure(entry.path)
                except OSError:
                    continue


def to_entry(path: str, size: int, pages: residency.Pages, page_size: int) -> FileCache:
    """Page counts as a FileCache entry in bytes."""
    if pages.dirty is None:  # mincore: only the cached pages are known
        return FileCache(path, size, pages.cached * page_size)
    return FileCache(
        path,
        size,
        pages.cached * page_size,
        pages.dirty * page_size,
        (pages.writeback or 0) * page_size,
        (pages.evicted or 0) * page_size,
        (pages.recently_evicted or 0) * page_size,
    )


@dataclass(frozen=True)
class PageCacheFiles:
    """The Linux FileCacheSource: cachestat (or mincore) per file, posix_fadvise to drop one."""

    proc: Path = Path("/proc")
    page_size: int = field(default_factory=lambda: mmap.PAGESIZE)

    def method(self) -> Method:
        """cachestat on Linux ≥ 6.5, mincore before."""
        return residency.method()

    def scan(
        self,
        paths: Sequence[str] | None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> FileScan:
        """Files in ``paths`` (folders walked); ``None``: the files processes use, then every local mount."""
        start = time.perf_counter()
        walk = _Walk(self.page_size, progress, cancelled)
        if paths is None:
            roots = self._scan_system(walk)
        else:
            roots = list(paths)
            for path in paths:
                if walk.stop_now():
                    break
                if walk.measure(path, named=True):
                    walk.walk(path)
        if progress is not None:
            progress(walk.examined, walk.examined if not walk.stopped else max(walk.expected, walk.examined))
        return FileScan(
            files=tuple(walk.found),
            method=self.method(),
            examined=walk.examined,
            refused=walk.refused,
            complete=not walk.stopped,
            elapsed=time.perf_counter() - start,
            roots=tuple(roots),
            problems=tuple(walk.problems),
        )

    def _scan_system(self, walk: _Walk) -> list[str]:
        try:
            mounts = local_mounts(parse_mounts((self.proc / "self" / "mounts").read_text(errors="replace")))
        except OSError as exc:  # the processes' files can still be measured
            walk.problems.append(f"the mounted file systems are unknown: {exc.strerror or exc}")
            mounts = []
        points = list(dict.fromkeys(m.point for m in mounts))
        walk.expected = _used_inodes(points)
        for path in process_paths(self.proc):
            if walk.stop_now():
                return [PROCESSES]
            if _regular(path):  # never open a device or FIFO a process happens to hold
                walk.measure(path)
        for point in points:
            if walk.stop_now():
                break
            walk.walk(point)
        return [PROCESSES, *points]

    def process_files(self) -> list[str]:
        """The regular files in /proc/PID/maps and /proc/PID/fd (never a device, FIFO or folder)."""
        return [path for path in process_paths(self.proc) if _regular(path)]

    def evict(self, paths: Iterable[str], write_dirty: bool = True) -> tuple[Eviction, ...]:
        """posix_fadvise(DONTNEED) on each file (folders walked), measured before and after."""
        out = []
        for path in _expand(paths):
            out.append(self._evict_one(path, write_dirty))
        return tuple(out)

    def _evict_one(self, path: str, write_dirty: bool) -> Eviction:
        try:
            fd = _open(path)
        except OSError as exc:
            return Eviction(path, None, None, error=f"cannot open: {exc.strerror or exc}")
        probe = residency.Probe()
        try:
            size = os.fstat(fd).st_size
            before = to_entry(path, size, probe.pages(fd, size), self.page_size)
            wrote = False
            if write_dirty and (before.dirty_bytes is None or before.dirty_bytes or before.writeback_bytes):
                os.fdatasync(fd)
                wrote = True
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            after = to_entry(path, size, probe.pages(fd, size), self.page_size)
        except OSError as exc:
            return Eviction(path, None, None, error=f"the system refused: {exc.strerror or exc}")
        finally:
            os.close(fd)
        return Eviction(path, before, after, wrote)


def _expand(paths: Iterable[str]) -> Iterator[str]:
    """The regular files named or under the named folders (symlinks not followed, one file system)."""
    for path in paths:
        if not os.path.isdir(path) or os.path.islink(path):
            yield path
            continue
        device = os.lstat(path).st_dev
        for folder, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if _same_device(os.path.join(folder, d), device)]
            for name in files:
                full = os.path.join(folder, name)
                if os.path.isfile(full) and not os.path.islink(full):
                    yield full


def _regular(path: str) -> bool:
    if any(path.startswith(t + "/") for t in SKIPPED_TREES):
        return False
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _same_device(path: str, device: int) -> bool:
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_dev == device


def _used_inodes(points: Sequence[str]) -> int:
    """Σ used inodes of these mounts (each device once): what a system scan expects to look at."""
    total = 0
    devices: set[int] = set()
    for point in points:
        try:
            device = os.stat(point).st_dev
            vfs = os.statvfs(point)
        except OSError:
            continue
        if device not in devices:
            devices.add(device)
            total += max(0, vfs.f_files - vfs.f_ffree)
    return total
