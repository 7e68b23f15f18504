"""Reading stored settings tolerantly: a corrupt value falls back to its default and is named once.

QSettings converts what it cannot read to zero (``view/refresh=abc`` reads as 0.0, which starts
the window paused) and a hand-edited JSON value can be nested deep enough to raise
RecursionError. These readers check every value and collect what was wrong in a
:class:`SettingsProblems`, which the window shows as one note.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QSettings

from ui.i18n import translate

MAX_JSON_CHARS = 64 * 1024  # a settings value is a few hundred characters; far more is not ours


def default_settings() -> QSettings:
    """The user's settings store (tests pass their own, isolated one)."""
    return QSettings("RAMLens", "RAMLens")


@dataclass
class SettingsProblems:
    """The stored values that could not be used, as "key (why)" phrases."""

    found: list[str] = field(default_factory=list)

    def add(self, key: str, why: str) -> None:
        """Note one unusable value."""
        self.found.append(f"{key} ({why})")

    def note(self) -> str:
        """One sentence for the window ("" when every value was fine)."""
        if not self.found:
            return ""
        found = "; ".join(self.found)
        return translate(
            "SettingsProblems", "Some saved settings were invalid and have their defaults: {found}"
        ).format(found=found)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 30 else text[:27] + "…"


def read_number(
    store: QSettings,
    key: str,
    default: float,
    problems: SettingsProblems,
    choices: Collection[float] | None = None,
) -> float:
    """A stored number (one of ``choices`` when given); ``default`` when absent or unusable."""
    raw = store.value(key)
    if raw is None:
        return default
    try:
        value = float(raw) if isinstance(raw, (str, int, float)) and not isinstance(raw, bool) else math.nan
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or (choices is not None and value not in choices):
        problems.add(key, f"{_shown(raw)} is not one of the choices" if choices else f"{_shown(raw)}")
        return default
    return value


def read_json(store: QSettings, key: str, problems: SettingsProblems, what: str) -> Any:
    """A stored JSON value; None when absent or unusable (too long, not JSON, nested too deeply)."""
    raw = store.value(key)
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str):  # an INI line with commas reads back as a list of texts
        problems.add(what, "not a single JSON text")
        return None
    if len(raw) > MAX_JSON_CHARS:
        problems.add(what, f"{len(raw):,} characters long")
        return None
    try:
        return json.loads(raw)
    except RecursionError:
        problems.add(what, "nested too deeply")
    except ValueError as exc:
        problems.add(what, f"not JSON: {exc}")
    return None
