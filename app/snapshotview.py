"""What a snapshot comparison shows a person: the CLI's text and the Compare dialog agree on it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar


class _Changed(Protocol):
    @property
    def delta(self) -> int: ...


T = TypeVar("T", bound=_Changed)


def worth_showing(processes: Sequence[T]) -> tuple[T, ...]:
    """The processes whose working set changed: a kernel thread that appeared or exited with no
    memory of its own would be a "+0 B" row that says nothing."""
    return tuple(p for p in processes if p.delta)


def fit(text: str, width: int) -> str:
    """``text`` in ``width`` columns, cut with "…" so the next column always starts after a space."""
    return text if len(text) < width else text[: width - 2] + "…"
