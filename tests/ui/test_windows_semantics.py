"""The window on Windows, checked on Linux: imports under Windows semantics, the window on the fake kernel.

A fresh interpreter (so nothing patched can leak into other tests) sets ``sys.platform`` to "win32",
provides ``ctypes.WINFUNCTYPE`` and makes ``ctypes.CDLL(None)`` raise TypeError as CPython's
``CDLL.__init__`` does on Windows (it evaluates ``'/' in name``). Third-party libraries are imported
before the patch: they are not what is under test, and some pick native modules by platform.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What Windows does differently at import time; RAMLens modules are imported only after it.
WINDOWS = r"""
import ctypes, sys
assert not [m for m in sys.modules if m == "app" or m.startswith(("app.", "ui."))], "not a fresh interpreter"
sys.platform = "win32"
ctypes.WINFUNCTYPE = ctypes.CFUNCTYPE  # stdcall and cdecl are one convention on x64
_real_init = ctypes.CDLL.__init__

def _windows_init(self, name, *args, **kwargs):
    if name is None:  # Lib/ctypes/__init__.py on Windows: `if '/' in name or '\\' in name`
        raise TypeError("argument of type 'NoneType' is not iterable")
    _real_init(self, name, *args, **kwargs)

ctypes.CDLL.__init__ = _windows_init
"""

SCRIPT = (
    r"""
import json, os, tempfile
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import numpy, psutil, pyqtgraph  # noqa: F401  (third-party, imported with this OS's semantics)
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
"""
    + WINDOWS
    + r"""
import app.cli, ui.main, ui.mainwindow  # noqa: E401
from app.backends.windows import WindowsBackend
from tests.windows.fake_kernel import FakeWindows

app.cli.build_parser()  # every subcommand module imports
qt = QApplication([])
settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
fake = FakeWindows()
window = ui.mainwindow.MainWindow(WindowsBackend(fake.seam()), settings)
window.show()
for key in window.view_keys():
    window.show_view(key)
    qt.processEvents()
window.sampler.sample_now()
qt.processEvents()
print(json.dumps({
    "tabs": window.view_keys(),
    "platform": window.backend.platform,
    "lists": [m.key for m in window.sampler.latest.lists],
    "linux_modules": sorted(m for m in sys.modules if m.startswith("app.backends.linux")),
    "fake_errors": [repr(e) for e in fake.errors],
}))
window.close()
"""
)


def _run() -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_window_builds_on_windows_without_linux_modules() -> None:
    result = _run()
    assert result["platform"] == "windows"
    # No Linux-only tab; Physical pages is the PFN census (issue 16).
    assert result["tabs"] == ["lists", "history", "processes", "pages"]
    assert result["linux_modules"] == []
    assert "standby" in result["lists"]  # the Windows lists, read through the fake kernel
    assert result["fake_errors"] == []


def test_the_patch_is_what_windows_does() -> None:
    """The check above can fail: a module that loads libc at import breaks under the same patch."""
    probe = WINDOWS + "import app.backends.linux.trim as trim\n"
    probe += "try:\n    trim._syscall()\nexcept TypeError as exc:\n    print('refused:', exc)\n"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "refused: argument of type 'NoneType' is not iterable" in done.stdout
