"""OS backends behind one interface; :func:`detect` picks the one for this machine."""

from __future__ import annotations

import sys

from app.backends.base import ActionError, Availability, Backend, BackendError, Outcome

__all__ = ["ActionError", "Availability", "Backend", "BackendError", "Outcome", "detect"]


def detect() -> Backend:
    """The backend for the running OS. Raises BackendError when there is none."""
    if sys.platform.startswith("linux"):
        from app.backends.linux import LinuxBackend

        return LinuxBackend()
    if sys.platform == "win32":
        from app.backends.windows import WindowsBackend

        return WindowsBackend()
    raise BackendError(f"RAMLens has no backend for {sys.platform}: only Linux and Windows are supported")
