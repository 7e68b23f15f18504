"""Per-process trim for the Processes view: OpenProcess + SetProcessWorkingSetSizeEx(-1, -1)."""

from __future__ import annotations

from collections.abc import Sequence

from app.backends.base import Outcome
from app.backends.windows import win32
from app.backends.windows.seam import Seam
from app.units import count

# (SIZE_T)-1 for both bounds asks Windows to remove as many pages as possible from the working set.
_TRIM = -1


def trim_one(seam: Seam, pid: int) -> int:
    """Trim one process's working set; returns 0 or the Win32 error code."""
    handle = seam.open_process(win32.PROCESS_SET_QUOTA | win32.PROCESS_QUERY_LIMITED_INFORMATION, 0, pid)
    if not handle:
        return seam.get_last_error() or win32.ERROR_INVALID_PARAMETER
    try:
        if not seam.set_process_working_set_size_ex(handle, _TRIM, _TRIM, 0):
            return seam.get_last_error() or win32.ERROR_ACCESS_DENIED
    finally:
        seam.close_handle(handle)
    return 0


def trim(seam: Seam, pids: Sequence[int]) -> Outcome:
    """Trim each process; the outcome says how many were trimmed and why any were not."""
    if not pids:
        return Outcome("no processes were chosen", {"trimmed": 0, "failed": 0}, ok=False)
    failures = []
    for pid in pids:
        code = trim_one(seam, pid)
        if code:
            failures.append(f"process {pid}: {win32.describe_error(code)}")
    trimmed = len(pids) - len(failures)
    message = f"{trimmed} of {count(len(pids), 'process', 'processes')} trimmed"
    if failures:
        message += "; " + "; ".join(failures)
    return Outcome(message, {"trimmed": trimmed, "failed": len(failures)}, ok=not failures)
