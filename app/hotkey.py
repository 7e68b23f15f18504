"""A global hotkey as a person writes it ("Ctrl+Alt+F1"), parsed once for every backend."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Modifier(Enum):
    """A key held with the hotkey's key."""

    CTRL = "Ctrl"
    ALT = "Alt"
    SHIFT = "Shift"
    WIN = "Win"


class HotkeyError(ValueError):
    """Text that is not a hotkey; the message says what is wrong."""


@dataclass(frozen=True)
class Hotkey:
    """Modifiers and one key: a letter, a digit or F1–F24."""

    modifiers: frozenset[Modifier]
    key: str

    def __str__(self) -> str:
        order = [m.value for m in Modifier if m in self.modifiers]
        return "+".join([*order, self.key])


_NAMES = {m.value.lower(): m for m in Modifier} | {"control": Modifier.CTRL}
DEFAULT = "Ctrl+Alt+M"


def parse(text: str) -> Hotkey:
    """``Ctrl+Alt+M`` → Hotkey; HotkeyError when it has no modifier or no single known key."""
    words = [w.strip() for w in text.split("+") if w.strip()]
    if not words:
        raise HotkeyError("type a key combination, e.g. Ctrl+Alt+M")
    *mods, key = words
    modifiers = set()
    for word in mods:
        modifier = _NAMES.get(word.lower())
        if modifier is None:
            raise HotkeyError(f"{word!r} is not Ctrl, Alt, Shift or Win")
        modifiers.add(modifier)
    if not modifiers:
        raise HotkeyError("a global hotkey needs Ctrl, Alt, Shift or Win with its key")
    key = key.upper()
    valid = (len(key) == 1 and key.isascii() and key.isalnum()) or (
        key.startswith("F") and key[1:].isdigit() and 1 <= int(key[1:]) <= 24
    )
    if not valid:
        raise HotkeyError(f"{key!r} is not a letter, a digit or F1–F24")
    return Hotkey(frozenset(modifiers), key)
