"""Reading procfs/sysfs files with errors that name the file, and the key/value parsers."""

from __future__ import annotations

import errno
from pathlib import Path

from app.backends.base import BackendError
from app.jsonread import MAX_BYTES

# A kernel value is an unsigned 64-bit number: at most 20 digits. Longer is not a kernel's file
# (and past 4,300 digits int() itself raises).
MAX_DIGITS = 20
VMSTAT_DIGITS = 4000  # vmstat counters are only compared, never summed into sizes: under int()'s limit


def _number(text: str, max_digits: int = MAX_DIGITS) -> bool:
    """True for plain decimal digits, at most ``max_digits`` of them (a 64-bit value by default)."""
    return text.isascii() and text.isdigit() and len(text) <= max_digits


def read_text(root: Path, relative: str) -> str:
    """Read ``root/relative`` (e.g. root=/proc, "meminfo"); BackendError naming the file on failure."""
    path = root / relative
    try:
        return path.read_text(encoding="ascii", errors="replace")
    except FileNotFoundError:
        raise BackendError(f"{path} does not exist: this kernel does not provide it") from None
    except PermissionError:
        raise BackendError(f"{path} cannot be read without root (permission denied)") from None
    except OSError as exc:
        reason = exc.strerror or errno.errorcode.get(exc.errno or 0, str(exc))
        raise BackendError(f"{path} cannot be read: {reason}") from None


def parse_meminfo(text: str, source: str = "/proc/meminfo") -> dict[str, int]:
    """/proc/meminfo as bytes per field ("kB" values × 1024; HugePages_* counts stay counts).

    Raises BackendError when the text is not meminfo (no MemTotal, or a malformed line).
    """
    out: dict[str, int] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        name, sep, rest = line.partition(":")
        fields = rest.split()
        if not sep or not name or not fields or len(fields) > 2 or not _number(fields[0]):
            raise BackendError(f"{source} line {n} is not 'Name: value [kB]': {line[:80]!r}")
        if len(fields) == 2 and fields[1] != "kB":
            raise BackendError(f"{source} line {n} has an unknown unit {fields[1]!r}")
        value = int(fields[0])
        out[name.strip()] = value * 1024 if len(fields) == 2 else value
    if "MemTotal" not in out or "MemFree" not in out:
        raise BackendError(f"{source} has no MemTotal/MemFree: it is truncated or not a meminfo file")
    if not 0 < out["MemTotal"] <= MAX_BYTES:
        raise BackendError(
            f"{source} says MemTotal is {out['MemTotal']:,} bytes, which no machine has (0 or above 1 PiB)"
        )
    return out


def parse_vmstat(text: str, source: str = "/proc/vmstat") -> dict[str, int]:
    """/proc/vmstat as counter -> value. Raises BackendError on a malformed line."""
    out: dict[str, int] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split()
        if len(parts) != 2 or not _number(parts[1].removeprefix("-"), VMSTAT_DIGITS):
            raise BackendError(f"{source} line {n} is not 'name value': {line[:80]!r}")
        out[parts[0]] = int(parts[1])
    if not out:
        raise BackendError(f"{source} is empty")
    return out
