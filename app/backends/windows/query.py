"""NtQuerySystemInformation with the kernel's answer as the authority on the buffer size.

The call writes the size it needs (or wrote) to ReturnLength; when the buffer is too small it
answers STATUS_INFO_LENGTH_MISMATCH (or STATUS_BUFFER_TOO_SMALL) with the size needed, and the
query is repeated with a buffer that large — as System Informer does (phlib/native.c). The
caller gets exactly the bytes the kernel said it wrote, so a structure that grew or shrank in
some Windows version shows as a shorter or longer answer instead of a wrong reading.
"""

from __future__ import annotations

import ctypes
from typing import TypeVar

from app.backends.windows import ntapi
from app.backends.windows.seam import Seam

# A few rounds are enough for lists that grow between calls (System Informer allows 10).
MAX_ATTEMPTS = 8
# Nothing RAMLens reads comes near this; beyond it the kernel's answer is not believed.
MAX_BYTES = 16 * 1024 * 1024

_GROW = (ntapi.STATUS_INFO_LENGTH_MISMATCH, ntapi.STATUS_BUFFER_TOO_SMALL)

S = TypeVar("S", bound=ctypes.Structure)


def query(seam: Seam, info_class: int, size: int) -> bytes:
    """The class's answer, starting with a ``size``-byte buffer and growing it as the kernel asks.

    Raises NtError with the kernel's status when it refuses, or when it keeps asking for more.
    """
    length = size
    status = ntapi.STATUS_INFO_LENGTH_MISMATCH
    for _attempt in range(MAX_ATTEMPTS):
        buffer = ctypes.create_string_buffer(length)
        returned = ctypes.c_uint32()
        status = ntapi.unsigned(
            seam.nt_query_system_information(info_class, ctypes.byref(buffer), length, ctypes.byref(returned))
        )
        if status in _GROW:
            # Grow to what the kernel asked for; when it names no larger size, double (native.c does).
            length = returned.value if returned.value > length else length * 2
            if length > MAX_BYTES:
                break
            continue
        if not ntapi.nt_success(status):
            raise ntapi.NtError(status)
        # ReturnLength is what was written: 0 is an empty answer (no page file, say), not "unknown".
        return buffer.raw[: min(returned.value, length)]
    raise ntapi.NtError(status)


def structure(data: bytes, kind: type[S]) -> S:
    """``data`` as a ``kind``; fields past the end of a shorter answer stay zero (see :func:`has_field`)."""
    size = ctypes.sizeof(kind)
    return kind.from_buffer_copy(data[:size].ljust(size, b"\0"))


def has_field(data: bytes, kind: type[ctypes.Structure], field: str) -> bool:
    """True when the kernel's answer reaches the end of ``field``."""
    descriptor = getattr(kind, field)
    return len(data) >= descriptor.offset + descriptor.size
