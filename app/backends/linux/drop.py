"""Drop clean caches by writing to /proc/sys/vm/drop_caches (1 = page cache, 2 = reclaimable slab)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from app.backends.base import ActionError, Outcome
from app.units import format_bytes

PAGE_CACHE = 1
SLAB = 2

# Dirty data below this is noise (a log line written meanwhile), not worth a warning.
_DIRTY_NOTE_THRESHOLD = 1 << 20


def write_control(path: Path, value: str) -> None:
    """Write one value to a root-only control file; ActionError saying what to do when refused."""
    try:
        with open(path, "w", encoding="ascii") as f:
            f.write(value)
    except PermissionError:
        raise ActionError(
            f"the kernel refused to write {path} (permission denied): it needs root, and a /proc/sys that is "
            "not mounted read-only (as it is in many containers)"
        ) from None
    except FileNotFoundError:
        raise ActionError(f"{path} does not exist: this kernel does not offer it") from None
    except OSError as exc:
        raise ActionError(f"the kernel refused to write {value!r} to {path}: {exc.strerror or exc}") from None


def drop_page_cache(proc: Path, read_meminfo: Callable[[], Mapping[str, int]]) -> Outcome:
    """drop_caches=1: clean page cache becomes free. Dirty pages, tmpfs and mapped pages in use stay.

    sync is not implied: when dirty pages remain, the message says so and points to Flush modified list.
    """
    write_control(proc / "sys/vm/drop_caches", str(PAGE_CACHE))
    mem = read_meminfo()
    dirty = mem.get("Dirty", 0) + mem.get("Writeback", 0)
    if dirty < _DIRTY_NOTE_THRESHOLD:
        return Outcome()
    return Outcome(
        f"{format_bytes(dirty)} of modified (dirty) pages stayed: drop_caches only drops clean pages — "
        "run Flush modified list first for a full purge",
        {"dirty_bytes_left": dirty},
    )


def drop_slab(proc: Path, read_meminfo: Callable[[], Mapping[str, int]]) -> Outcome:
    """drop_caches=2: reclaimable slab (dentries, inodes) is freed; reports SReclaimable before and after."""
    before = read_meminfo().get("SReclaimable", 0)
    write_control(proc / "sys/vm/drop_caches", str(SLAB))
    after = read_meminfo().get("SReclaimable", 0)
    return Outcome(
        f"reclaimable slab (dentries, inodes) {format_bytes(before)} → {format_bytes(after)}",
        {"sreclaimable_before": before, "sreclaimable_after": after},
    )
