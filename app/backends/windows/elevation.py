"""Start RAMLens as administrator: ShellExecuteExW with the "runas" verb and the same arguments.

ShellExecuteExW, not ShellExecuteW: only the Ex form documents ERROR_CANCELLED for a dismissed
prompt, returns a BOOL to check, and hands back the process handle (SEE_MASK_NOCLOSEPROCESS) so
a command can be waited for. COM is initialised first, as Microsoft asks of ShellExecuteEx callers.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.backends.base import ActionError
from app.backends.windows import win32
from app.backends.windows.seam import Seam

# The module behind the `ramlens` entry point (pyproject.toml), run by the same interpreter.
_LAUNCHER = "ui.launcher"
# The module an elevated command runs in: it sends the command's output to a file (see child.py).
_CHILD = "app.backends.windows.child"
# The frozen build's executable understands this first argument (packaging/windows/entry.py).
CHILD_OPTION = "--elevated-child"


@dataclass(frozen=True)
class ElevatedRun:
    """What an elevated command did: its exit code and everything it printed."""

    exit_code: int
    output: str


def command_line(argv: Sequence[str]) -> tuple[str, str]:
    """The program and the parameter string that start RAMLens again with ``argv``."""
    if getattr(sys, "frozen", False):
        return sys.executable, subprocess.list2cmdline(list(argv))
    return sys.executable, subprocess.list2cmdline(["-m", _LAUNCHER, *argv])


def child_command_line(argv: Sequence[str], output: Path) -> tuple[str, str]:
    """The program and parameters that run the command ``argv`` elevated, its output going to ``output``."""
    if getattr(sys, "frozen", False):
        return sys.executable, subprocess.list2cmdline([CHILD_OPTION, str(output), *argv])
    return sys.executable, subprocess.list2cmdline(["-m", _CHILD, str(output), *argv])


def _initialise_com(seam: Seam) -> None:
    # S_OK and S_FALSE (already initialised) are fine; so is RPC_E_CHANGED_MODE (Qt or another
    # library chose the multithreaded model first): COM is usable on this thread either way.
    result = ctypes.c_uint32(
        seam.co_initialize_ex(None, win32.COINIT_APARTMENTTHREADED | win32.COINIT_DISABLE_OLE1DDE)
    ).value
    if result >= 0x80000000 and result != win32.RPC_E_CHANGED_MODE:
        raise ActionError(f"could not initialise COM for the administrator prompt (HRESULT 0x{result:08X})")


def _execute(seam: Seam, program: str, parameters: str, hwnd: int | None, show: int) -> int:
    """ShellExecuteExW "runas"; returns the new process's handle; raises ActionError when refused."""
    _initialise_com(seam)
    info = win32.SHELLEXECUTEINFOW()
    info.cbSize = ctypes.sizeof(info)
    info.fMask = win32.SEE_MASK_NOCLOSEPROCESS | win32.SEE_MASK_NOASYNC
    info.hwnd = hwnd
    info.lpVerb = "runas"
    info.lpFile = program
    info.lpParameters = parameters
    info.lpDirectory = os.getcwd()
    info.nShow = show
    if not seam.shell_execute_ex_w(ctypes.byref(info)):
        code = seam.get_last_error()
        if code == win32.ERROR_CANCELLED:
            raise ActionError(
                "the administrator prompt was cancelled; RAMLens keeps running without elevation"
            )
        error = win32.describe_error(code)
        raise ActionError(f"Windows could not start RAMLens as administrator: {error}", {"win32_error": code})
    if not info.hProcess:
        raise ActionError("Windows started RAMLens as administrator but gave no process handle")
    return int(info.hProcess)


def relaunch(seam: Seam, argv: Sequence[str], hwnd: int | None = None) -> None:
    """Start an elevated RAMLens (the window, usually) and return at once; ActionError when refused."""
    program, parameters = command_line(argv)
    seam.close_handle(_execute(seam, program, parameters, hwnd, win32.SW_SHOWNORMAL))


def run(seam: Seam, argv: Sequence[str]) -> ElevatedRun:
    """Run the command ``argv`` elevated, wait for it, and bring back its exit code and output.

    The elevated process gets its own console, which closes when it ends: its output is written
    to a temporary file instead, read back here and then deleted.
    """
    handle_file, name = tempfile.mkstemp(prefix="ramlens-elevated-", suffix=".txt")
    os.close(handle_file)
    output = Path(name)
    try:
        program, parameters = child_command_line(argv, output)
        process = _execute(seam, program, parameters, None, win32.SW_HIDE)
        try:
            if seam.wait_for_single_object(process, win32.INFINITE) != win32.WAIT_OBJECT_0:
                error = win32.describe_error(seam.get_last_error())
                raise ActionError(f"waiting for the elevated RAMLens failed: {error}")
            code = ctypes.c_uint32()
            if not seam.get_exit_code_process(process, ctypes.byref(code)):
                error = win32.describe_error(seam.get_last_error())
                raise ActionError(f"the elevated RAMLens's exit code is unknown: {error}")
        finally:
            seam.close_handle(process)
        return ElevatedRun(int(code.value), output.read_text(encoding="utf-8", errors="replace"))
    finally:
        with contextlib.suppress(OSError):  # a leftover temporary file is harmless
            output.unlink()
