"""Start with the session on Windows: a value under the per-user Run key (HKCU\\...\\Run).

Windows starts every command under HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run
at the user's logon (Microsoft, "Run and RunOnce Registry Keys"). One value, "RAMLens", holds the
command line that starts the window minimized to the tray. RegSetKeyValueW, RegDeleteKeyValueW and
RegGetValueW work on the value directly: no key handles to open or leak.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

from app.backends.base import ActionError
from app.backends.windows import elevation, win32
from app.backends.windows.seam import Seam

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
VALUE_NAME = "RAMLens"


def command() -> str:
    """The command line the Run value holds: RAMLens, minimized to the tray."""
    program, parameters = elevation.command_line(["--minimized"])
    return f'"{program}" {parameters}'


class RunKey:
    """The Run value, through the seam (made lazily: nothing is loaded until used)."""

    def __init__(self, seam: Callable[[], Seam]):
        self._seam = seam

    def value(self) -> str | None:
        """The command the Run value holds, or None when there is none."""
        seam = self._seam()
        size = ctypes.c_uint32(0)
        status = seam.reg_get_value_w(
            win32.HKEY_CURRENT_USER, RUN_KEY, VALUE_NAME, win32.RRF_RT_REG_SZ, None, None, ctypes.byref(size)
        )
        if status == win32.ERROR_FILE_NOT_FOUND:
            return None
        if status != win32.ERROR_SUCCESS:
            raise ActionError(f"could not read the Run key: {win32.describe_error(status)}")
        buffer = ctypes.create_string_buffer(size.value)
        size = ctypes.c_uint32(size.value)
        status = seam.reg_get_value_w(
            win32.HKEY_CURRENT_USER,
            RUN_KEY,
            VALUE_NAME,
            win32.RRF_RT_REG_SZ,
            None,
            buffer,
            ctypes.byref(size),
        )
        if status != win32.ERROR_SUCCESS:
            raise ActionError(f"could not read the Run key: {win32.describe_error(status)}")
        # REG_SZ data is UTF-16 (Windows' WCHAR), whatever width Python's wchar_t has.
        return buffer.raw[: size.value].decode("utf-16-le", errors="replace").split("\0", 1)[0]

    def enabled(self) -> bool:
        """True when the Run value exists (whatever command it holds)."""
        return self.value() is not None

    def enable(self) -> None:
        """Write the Run value; ActionError with Windows' reason when refused."""
        text = command()
        # REG_SZ: UTF-16 (Windows' WCHAR), its size including the terminating null.
        encoded = (text + "\0").encode("utf-16-le")
        data = ctypes.create_string_buffer(encoded, len(encoded))
        status = self._seam().reg_set_key_value_w(
            win32.HKEY_CURRENT_USER, RUN_KEY, VALUE_NAME, win32.REG_SZ, data, len(encoded)
        )
        if status != win32.ERROR_SUCCESS:
            raise ActionError(f"could not write the Run key: {win32.describe_error(status)}")

    def disable(self) -> None:
        """Delete the Run value (nothing to do when absent); ActionError with Windows' reason."""
        status = self._seam().reg_delete_key_value_w(win32.HKEY_CURRENT_USER, RUN_KEY, VALUE_NAME)
        if status not in (win32.ERROR_SUCCESS, win32.ERROR_FILE_NOT_FOUND):
            raise ActionError(f"could not remove the Run value: {win32.describe_error(status)}")

    def location(self) -> str:
        """Where the setting lives, for a person."""
        return f"HKEY_CURRENT_USER\\{RUN_KEY}\\{VALUE_NAME}"
