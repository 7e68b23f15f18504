"""Flush the modified list: sync(2) writes every dirty page back; they stay cached, now clean (standby)."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from app.backends.base import Outcome
from app.units import format_bytes


def flush_modified(read_meminfo: Callable[[], Mapping[str, int]]) -> Outcome:
    """sync(): anyone may run it. Reports Dirty + Writeback before and after."""
    before = _modified(read_meminfo())
    os.sync()
    after = _modified(read_meminfo())
    return Outcome(
        f"dirty + writeback {format_bytes(before)} → {format_bytes(after)}; the written pages stay cached "
        "as clean standby",
        {"modified_before": before, "modified_after": after},
    )


def _modified(mem: Mapping[str, int]) -> int:
    return mem.get("Dirty", 0) + mem.get("Writeback", 0)
