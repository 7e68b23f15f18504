"""Restart RAMLens as administrator: ShellExecuteW with the "runas" verb and the same arguments."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence

from app.backends.base import ActionError
from app.backends.windows import win32
from app.backends.windows.seam import Seam

# The module behind the `ramlens` entry point (pyproject.toml), run by the same interpreter.
_LAUNCHER = "ui.launcher"


def command_line(argv: Sequence[str]) -> tuple[str, str]:
    """The program and the parameter string that start RAMLens again with ``argv``."""
    if getattr(sys, "frozen", False):
        return sys.executable, subprocess.list2cmdline(list(argv))
    return sys.executable, subprocess.list2cmdline(["-m", _LAUNCHER, *argv])


def relaunch(seam: Seam, argv: Sequence[str]) -> None:
    """Start an elevated RAMLens in the current directory; raises ActionError when refused or cancelled."""
    program, parameters = command_line(argv)
    result = seam.shell_execute_w(None, "runas", program, parameters, os.getcwd(), win32.SW_SHOWNORMAL)
    if (result or 0) > win32.SHELL_EXECUTE_OK_ABOVE:
        return
    code = seam.get_last_error()
    if code == win32.ERROR_CANCELLED:
        raise ActionError("the administrator prompt was cancelled; RAMLens keeps running without elevation")
    error = win32.describe_error(code or (result or 0))
    raise ActionError(
        f"Windows could not start RAMLens as administrator: {error}", {"win32_error": error.code}
    )
