"""The plugins the main window installs, in this order; adding one is one line here.

Each is ``install(window: ui.window_api.WindowApi) -> object | None``: it asks the window's
capabilities for what it needs and returns its controller (kept in ``window.plugins`` under its
key), or None when it has nothing to add on this backend.
"""

from __future__ import annotations

from collections.abc import Callable

from ui import autoclean, helper_setup, optional_tabs, session, snapshots, tray
from ui.window_api import WindowApi

Installer = Callable[[WindowApi], object | None]

INSTALLERS: tuple[tuple[str, Installer], ...] = (
    ("snapshots", snapshots.install),
    ("autoclean", autoclean.install),
    ("tray", tray.install),  # after autoclean: its menu has the auto-clean switch
    ("helper_setup", helper_setup.install),  # after autoclean: it joins the Tools menu
    ("session", session.install),  # start with the session, skip the UAC prompt, the global hotkey
    ("fragmentation", optional_tabs.install_fragmentation),
    ("pages", optional_tabs.install_pages),
    ("files", optional_tabs.install_files),
)
