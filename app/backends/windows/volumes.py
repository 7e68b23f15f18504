r"""Flush modified file cache: FlushFileBuffers on every volume, opened as \\.\Volume{GUID} for write."""

from __future__ import annotations

import ctypes

from app.backends.base import ActionError, Outcome
from app.backends.windows import win32
from app.backends.windows.seam import Seam

_NAME_CHARS = 261  # MAX_PATH + 1; volume GUID paths are 49 characters


def _valid(handle: int | None) -> bool:
    return handle not in (None, 0, win32.INVALID_HANDLE_VALUE)


def list_volumes(seam: Seam) -> list[str]:
    r"""Every volume's GUID path (\\?\Volume{…}\) from FindFirstVolumeW/FindNextVolumeW."""
    buffer = ctypes.create_unicode_buffer(_NAME_CHARS)
    search = seam.find_first_volume_w(buffer, _NAME_CHARS)
    if not _valid(search):
        error = win32.describe_error(seam.get_last_error())
        raise ActionError(f"could not list the volumes: {error}", {"win32_error": error.code})
    names = [buffer.value]
    try:
        while seam.find_next_volume_w(search, buffer, _NAME_CHARS):
            names.append(buffer.value)
        code = seam.get_last_error()
        if code != win32.ERROR_NO_MORE_FILES:
            error = win32.describe_error(code)
            raise ActionError(f"listing the volumes stopped: {error}", {"win32_error": code})
    finally:
        seam.find_volume_close(search)
    return names


def device_path(volume: str) -> str:
    r"""\\?\Volume{GUID}\ → \\.\Volume{GUID}: the volume itself, not its root directory."""
    name = volume.rstrip("\\")
    if name.startswith("\\\\?\\"):
        name = "\\\\.\\" + name[4:]
    return name


def flush_volume(seam: Seam, volume: str) -> int:
    """Flush one volume; returns 0 or the Win32 error code."""
    handle = seam.create_file_w(
        device_path(volume),
        win32.GENERIC_WRITE,
        win32.FILE_SHARE_READ | win32.FILE_SHARE_WRITE,
        None,
        win32.OPEN_EXISTING,
        0,
        None,
    )
    if not _valid(handle):
        return seam.get_last_error() or win32.ERROR_INVALID_HANDLE
    try:
        if not seam.flush_file_buffers(handle):
            return seam.get_last_error() or win32.ERROR_INVALID_HANDLE
    finally:
        seam.close_handle(handle)
    return 0


def flush_all(seam: Seam, elevated: bool) -> Outcome:
    """Flush every volume; a volume that cannot be flushed is skipped with its reason.

    As System Informer (PhFlushVolumeCache) and Mem Reduct do, one volume's failure does not fail
    the others: a read-only, removable or locked volume is common and not an error of the action.
    The action fails only when no volume could be flushed.
    """
    flushed: list[str] = []
    skipped: list[str] = []
    for volume in list_volumes(seam):
        code = flush_volume(seam, volume)
        if code == 0:
            flushed.append(volume)
        else:
            skipped.append(f"{device_path(volume)}: {win32.describe_error(code, elevated)}")
    parts = [f"{len(flushed)} volume{'s' if len(flushed) != 1 else ''} flushed"]
    if skipped:
        parts.append(f"{len(skipped)} skipped ({'; '.join(skipped)})")
    return Outcome(
        ", ".join(parts),
        {"volumes_flushed": len(flushed), "volumes_skipped": len(skipped)},
        ok=bool(flushed),
    )
