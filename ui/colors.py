"""One colour per memory list, used by every view (bar, table, chart, tray).

Colours follow RAMMap's convention where it has one (in use warm, standby blue, free green)
and are distinct for the common kinds of colour blindness in the order they sit in the stack.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

LIST_COLORS: dict[str, str] = {
    "active": "#d9644a",  # in use: warm red-orange
    "standby": "#4a86c8",  # standby: blue
    "modified": "#e0a43a",  # modified: amber (dirty, waiting for write-back)
    "modified_no_write": "#b58a3c",
    "free": "#5cae6b",  # free: green
    "zeroed": "#8fcf8a",  # zeroed: lighter green (free, already cleared)
    "bad": "#8c8c8c",
}

# Lists a backend reports that the canonical set does not name get a stable fallback.
_FALLBACK = ("#9b6bbf", "#3fb0ac", "#c7669b", "#7a7ad0")


def list_color(key: str) -> QColor:
    """The colour of a list key (stable for unknown keys too)."""
    hex_value = LIST_COLORS.get(key)
    if hex_value is None:
        hex_value = _FALLBACK[sum(key.encode()) % len(_FALLBACK)]
    return QColor(hex_value)


def part_color(list_key: str, index: int, count: int) -> QColor:
    """A shade of the list's colour for its ``index``-th of ``count`` parts (darker to lighter)."""
    base = list_color(list_key)
    if count <= 1:
        return base
    # Spread from 70 % to 135 % lightness so neighbouring parts stay distinguishable.
    factor = 70 + int(65 * index / (count - 1))
    return base.lighter(factor) if factor >= 100 else base.darker(int(10000 / factor))
