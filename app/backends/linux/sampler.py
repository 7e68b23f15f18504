"""The sampling hot path: read meminfo, vmstat and buddyinfo and parse only what a sample needs.

Cheap enough to run every second for hours (bench/bench_sample.py compares it with
``psutil.virtual_memory()``): the /proc files are opened once and re-read with ``pread`` at offset 0 (procfs
regenerates the text on every read from the start), values are found with ``bytes`` operations, and no
regex or pathlib is used per sample. Anything the fast parsers do not recognise goes to the strict parsers in
procfs.py, which raise a BackendError naming the file and the bad line.
"""

from __future__ import annotations

import operator
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.backends.base import BackendError
from app.backends.linux import lists
from app.backends.linux.buddyinfo import parse_buddyinfo
from app.backends.linux.procfs import parse_meminfo, parse_vmstat, read_text

_CHUNK = 1 << 16
# Bytes read beyond the last wanted vmstat counter: the counters before it may grow this much before
# the layout no longer fits and the whole file is read once again.
_VMSTAT_MARGIN = 256

# meminfo fields a sample uses (details included).
MEMINFO_WANTED = lists.MEMINFO_FIELDS


@dataclass(frozen=True)
class Layout:
    """Where the wanted values sit among a file's whitespace-separated tokens.

    Learned from a copy the strict parser accepted; a later copy is read through it only when it has the same
    number of tokens (up to ``maxsplit``) and the same names in the same places, else it is learned again.
    """

    ntokens: int
    maxsplit: int  # split no further than needed (-1: the whole file)
    keys: tuple[bytes, ...]  # the tokens that must not change (field names) …
    pick_keys: Callable[[list[bytes]], tuple[bytes, ...]]  # … and how to pick them out
    pick_values: Callable[[list[bytes]], tuple[bytes, ...]]
    names: tuple[str, ...]
    scale: tuple[int, ...]  # value multipliers: 1024 for kB, 2**order for buddy blocks, else 1
    prefix: int = 0  # bytes worth reading (the kernel formats less of a shorter read); 0: the whole file
    whole_lines: bool = False  # a copy must end with a newline (one that does not was cut short)

    def values(self, data: bytes) -> list[int] | None:
        """The scaled values, or None when ``data`` does not have this layout."""
        if self.whole_lines and not data.endswith(b"\n"):
            return None
        tokens = data.split(None, self.maxsplit)
        # With maxsplit the last token is the rest of the file: its presence proves the last value is whole.
        if len(tokens) != self.ntokens or self.pick_keys(tokens) != self.keys:
            return None
        try:
            return list(map(operator.mul, map(int, self.pick_values(tokens)), self.scale))
        except ValueError:
            return None


def _picker(indices: list[int]) -> Callable[[list[bytes]], tuple[bytes, ...]]:
    """A function returning the tokens at ``indices`` as a tuple (itemgetter returns a bare item for one)."""
    if len(indices) == 1:
        only = indices[0]
        return lambda tokens: (tokens[only],)
    if not indices:
        return lambda tokens: ()
    return operator.itemgetter(*indices)


def _layout(
    tokens: list[bytes],
    key_at: list[int],
    value_at: list[int],
    names: list[str],
    scale: list[int],
    partial: bool = False,
    prefix: int = 0,
    whole_lines: bool = False,
) -> Layout:
    """A layout for ``tokens`` (all of the file's); ``partial`` splits only as far as the last value."""
    maxsplit = max(value_at, default=0) + 1 if partial else -1
    ntokens = min(len(tokens), maxsplit + 1) if partial else len(tokens)
    return Layout(
        ntokens,
        maxsplit,
        tuple(tokens[i] for i in key_at),
        _picker(key_at),
        _picker(value_at),
        tuple(names),
        tuple(scale),
        prefix,
        whole_lines,
    )


class ProcFiles:
    """meminfo, vmstat and buddyinfo under one /proc root, read with as few system calls as possible.

    Under the real /proc the files stay open and are re-read with pread (procfs regenerates them); under any
    other root (a captured tree in tests) they are opened per read, so rewriting a file is always seen.
    """

    NAMES = ("meminfo", "vmstat", "buddyinfo", "zoneinfo")

    def __init__(self, proc: Path):
        self.proc = proc
        self._keep_open = proc == Path("/proc")
        self._paths = {n: os.fspath(proc / n) for n in self.NAMES}
        self._fds: dict[str, int] = {}
        self._lock = threading.Lock()
        self._layouts: dict[str, Layout] = {}

    def read(self, name: str, prefix: int = 0) -> bytes:
        """The whole file, or its first ``prefix`` bytes; BackendError naming it if missing or unreadable."""
        try:
            if not self._keep_open:
                fd = os.open(self._paths[name], os.O_RDONLY | os.O_CLOEXEC)
                try:
                    return os.pread(fd, prefix, 0) if prefix else _pread_all(fd)
                finally:
                    os.close(fd)
            kept = self._fds.get(name)
            if kept is None:
                with self._lock:
                    kept = self._fds.get(name)
                    if kept is None:
                        kept = os.open(self._paths[name], os.O_RDONLY | os.O_CLOEXEC)
                        self._fds[name] = kept
            return os.pread(kept, prefix, 0) if prefix else _pread_all(kept)
        except OSError:
            # The strict reader turns the failure into a message naming the file and the reason.
            read_text(self.proc, name)
            raise BackendError(f"{self._paths[name]} could not be read") from None

    def close(self) -> None:
        """Close the files kept open (they reopen on the next read)."""
        with self._lock:
            fds, self._fds = self._fds, {}
        for fd in fds.values():
            os.close(fd)

    def __del__(self) -> None:
        self.close()

    def meminfo(self) -> dict[str, int]:
        """The wanted meminfo fields in bytes; BackendError naming the file when it is not usable."""
        layout, values = self._values("meminfo", learn_meminfo)
        return dict(zip(layout.names, values, strict=False))  # same length by construction

    def vmstat(self) -> dict[str, int]:
        """The wanted vmstat counters (those the kernel has); BackendError naming the file when malformed."""
        layout, values = self._values("vmstat", learn_vmstat)
        return dict(zip(layout.names, values, strict=False))  # same length by construction

    def percpu_free_pages(self) -> int:
        """Free pages held on the per-CPU lists (/proc/zoneinfo's pageset counts); 0 without zoneinfo.

        The page allocator frees to these lists first and hands pages to the buddy allocator in
        batches; pages on them are free but not counted in MemFree (NR_FREE_PAGES counts buddy pages).
        """
        try:
            data = self.read("zoneinfo")
        except BackendError:
            return 0  # a captured tree without zoneinfo: the lists are then MemFree's alone
        return sum(map(int, _PCP_COUNT.findall(data)))

    def buddy_free_pages(self) -> int:
        """Pages in free buddy blocks of all nodes and zones; BackendError naming the file when malformed."""
        return sum(self._values("buddyinfo", learn_buddyinfo)[1])

    def _values(self, name: str, learn: Callable[[bytes, str], Layout]) -> tuple[Layout, list[int]]:
        """Values through the learned layout; the whole file is read and the layout learned again (strictly)
        when it does not fit."""
        layout = self._layouts.get(name, _EMPTY)
        data = self.read(name, layout.prefix)
        values = layout.values(data)
        if values is None:
            if layout.prefix:
                data = self.read(name)
            layout = learn(data, self._paths[name])
            values = layout.values(data)
            if values is None:
                raise BackendError(f"{self._paths[name]} changed its layout while being read")
            self._layouts[name] = layout
        return layout, values


# A pageset's page count in /proc/zoneinfo ("    cpu: 0\n              count:    20174"); the only
# "count:" lines the file has (mm/vmstat.c, zoneinfo_show_print).
_PCP_COUNT = re.compile(rb"\n\s+count:\s+(\d+)")


def _pread_all(fd: int) -> bytes:
    """The whole file from offset 0 (procfs regenerates it), in as few reads as possible."""
    data = os.pread(fd, _CHUNK, 0)
    if len(data) < _CHUNK:
        return data
    chunks = [data]
    offset = len(data)
    while data:
        data = os.pread(fd, _CHUNK, offset)
        offset += len(data)
        chunks.append(data)
    return b"".join(chunks)


_EMPTY = Layout(-1, -1, (), _picker([]), _picker([]), (), ())


def learn_meminfo(data: bytes, source: str) -> Layout:
    """The layout of a meminfo copy the strict parser accepts (BackendError otherwise, naming ``source``)."""
    text = data.decode("ascii", errors="replace")
    parsed = parse_meminfo(text, source)
    # A last line cut inside its number still parses ("Dirty: 18"): only the missing newline tells.
    if not text.endswith("\n"):
        raise BackendError(
            f"{source} is truncated: its last line is incomplete ({text.splitlines()[-1][:80]!r})"
        )
    missing = lists.missing_fields(parsed)
    if missing:
        raise BackendError(
            f"{source} lacks {', '.join(missing)}: it is truncated, or the kernel is older than 3.14"
        )
    tokens = data.split()
    wanted = set(MEMINFO_WANTED)
    key_at, value_at, names, scale = [], [], [], []
    for i, tok in enumerate(tokens):
        name = tok[:-1].decode("ascii", errors="replace")
        if tok.endswith(b":") and name in wanted:
            in_kb = i + 2 < len(tokens) and tokens[i + 2] == b"kB"
            key_at += [i, i + 2] if in_kb else [i]  # the unit must stay "kB" too
            value_at.append(i + 1)
            names.append(name)
            scale.append(1024 if in_kb else 1)
    return _layout(tokens, key_at, value_at, names, scale, whole_lines=True)


def learn_vmstat(data: bytes, source: str) -> Layout:
    """The layout of a vmstat copy the strict parser accepts (BackendError otherwise, naming ``source``)."""
    parsed = parse_vmstat(data.decode("ascii", errors="replace"), source)
    if "nr_free_pages" not in parsed:
        raise BackendError(f"{source} has no nr_free_pages: it is truncated or not a vmstat file")
    tokens = data.split()
    wanted = set(lists.VMSTAT_DETAILS)
    picks = [i for i in range(0, len(tokens), 2) if tokens[i].decode("ascii", errors="replace") in wanted]
    names = [tokens[i].decode("ascii") for i in picks]
    # Read only as far as the last wanted counter, plus room for the numbers to grow.
    last = data.find(b"\n", data.find(b"\n" + names[-1].encode() + b" ") + 1) if names else -1
    prefix = last + _VMSTAT_MARGIN if last > 0 else 0
    return _layout(tokens, picks, [i + 1 for i in picks], names, [1] * len(picks), True, prefix)


def learn_buddyinfo(data: bytes, source: str) -> Layout:
    """The layout of a buddyinfo copy the strict parser accepts; BackendError naming ``source`` if not."""
    zones = parse_buddyinfo(data.decode("ascii", errors="replace"), source)
    tokens = data.split()
    key_at: list[int] = []
    value_at: list[int] = []
    scale: list[int] = []
    i = 0
    for zone in zones:  # each line: Node N, zone NAME c0 … cK
        key_at += [i, i + 2]
        value_at += range(i + 4, i + 4 + len(zone.counts))
        scale += [1 << order for order in range(len(zone.counts))]
        i += 4 + len(zone.counts)
    return _layout(tokens, key_at, value_at, [""] * len(value_at), scale, whole_lines=True)
