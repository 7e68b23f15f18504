"""The window's tabs by key, known without Qt: ``--tab`` is checked before the window (and Qt) loads.

The window adds the core tabs itself and an optional one where the backend offers its source
(ui/optional_tabs.py); tests check that a window's tabs are exactly :func:`tab_keys`.
"""

from __future__ import annotations

from app.backends.base import Capabilities

CORE_TABS = ("lists", "history", "processes")
# Each optional tab and the capability that brings it, in the order the plugins add them.
OPTIONAL_TABS = (("fragmentation", "fragmentation"), ("pages", "page_census"), ("files", "file_cache"))


def tab_keys(capabilities: Capabilities) -> list[str]:
    """Every tab's key a window on a backend with ``capabilities`` has, in tab order."""
    optional = [key for key, field in OPTIONAL_TABS if getattr(capabilities, field) is not None]
    return [*CORE_TABS, *optional]


def unknown_tab(tab: str | None, capabilities: Capabilities) -> str:
    """Why ``--tab`` cannot be shown (a sentence for stderr); "" when it can, or none was asked for."""
    keys = tab_keys(capabilities)
    if tab is None or tab in keys:
        return ""
    return f"ramlens: no tab {tab!r}; choose from {', '.join(keys)}"
