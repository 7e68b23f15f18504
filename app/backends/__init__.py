"""OS backends behind one interface; :func:`detect` picks the one for this machine."""

from __future__ import annotations

import os
import sys

from app.backends.base import ActionError, Availability, Backend, BackendError, Outcome

__all__ = ["ActionError", "Availability", "Backend", "BackendError", "Outcome", "detect", "display_missing"]


def detect() -> Backend:
    """The backend for the running OS. Raises BackendError when there is none."""
    if sys.platform.startswith("linux"):
        from app.backends.linux import LinuxBackend

        return LinuxBackend()
    if sys.platform == "win32":
        from app.backends.windows import WindowsBackend

        return WindowsBackend()
    raise BackendError(f"RAMLens has no backend for {sys.platform}: only Linux and Windows are supported")


def display_missing() -> bool:
    """True where windows go through a display server (X11 or Wayland) and none is set.

    Qt's default platform plugin on Linux needs DISPLAY or WAYLAND_DISPLAY and aborts without one;
    on Windows the desktop is always there.
    """
    if not sys.platform.startswith("linux"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
