"""A Backend for tests: configurable lists, recorded calls, optionally slow or failing.

Actions move bytes between lists the way the real ones do (standby → free for a purge,
in use → standby for trimming …), so views and results show real-looking movement.
Thread-safe: the GUI samples on its thread while actions run on a worker.

    backend = FakeBackend(delay=0.5, fail={"standby-list": "needs root"})
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping, Sequence

from app import actions
from app.backends.base import (
    ActionError,
    Availability,
    BackendError,
    Capabilities,
    Outcome,
    run_all,
    run_timed,
    unknown_action,
)
from app.backends.linux import NOTE_HELPER_ASKS
from app.backends.linux.lists import PART_LABELS  # the real labels: the window translates them
from app.backends.windows import NOTE_NOT_ELEVATED
from app.model import (
    LIST_LABELS,
    PRIORITY_LABEL,
    REPURPOSED_PREFIX,
    ActionResult,
    DetailUnit,
    MemoryList,
    Sample,
)
from app.units import count

GIB = 1 << 30
MIB = 1 << 20

LINUX_LISTS: Mapping[str, int] = {
    "active": 6 * GIB,
    "standby": 8 * GIB,
    "modified": 300 * MIB,
    "free": 2 * GIB - 300 * MIB,
}
WINDOWS_LISTS: Mapping[str, int] = {
    "active": 6 * GIB,
    "standby": 7 * GIB,
    "modified": 400 * MIB,
    "modified_no_write": 16 * MIB,
    "free": 600 * MIB,
    "zeroed": 2 * GIB - 1016 * MIB + GIB,
    "bad": 0,
}

# (from, to, fraction of "from") per action: where the pages go.
MOVES: Mapping[str, tuple[str, str, float]] = {
    "combine-pages": ("active", "free", 0.02),
    # The store's working set is compressed, dirty data: trimmed, it goes to the modified list.
    "compression-store": ("active", "modified", 0.05),
    "system-file-cache": ("active", "standby", 0.05),
    "registry-cache": ("active", "free", 0.01),
    "working-sets": ("active", "standby", 0.4),
    "modified-list": ("modified", "standby", 1.0),
    "modified-file-cache": ("modified", "standby", 1.0),
    "standby-list": ("standby", "free", 1.0),
    "standby-priority0": ("standby", "free", 0.1),
    "kernel-caches": ("active", "free", 0.03),
    "compact": ("free", "free", 0.0),
    actions.TRIM_PROCESSES: ("active", "standby", 0.05),
}


class FakeBackend:
    """Implements app.backends.base.Backend in memory."""

    name = "fake"

    def __init__(
        self,
        platform: str = "linux",
        lists: Mapping[str, int] | None = None,
        privileged: bool = True,
        unavailable: Mapping[str, str] | None = None,
        fail: Mapping[str, str] | None = None,
        delay: float = 0.0,
        sample_error: str = "",
        page_size: int = 4096,
        via_helper: bool = False,
        relaunch_error: str = "",
        start: float | None = None,
        step: float = 0.0,
        capabilities: Capabilities | None = None,
    ):
        self.platform = platform
        self._capabilities = capabilities or Capabilities()
        default = LINUX_LISTS if platform == "linux" else WINDOWS_LISTS
        self.lists: dict[str, int] = dict(lists if lists is not None else default)
        self.total = sum(self.lists.values())
        self._privileged = privileged
        self.unavailable = dict(unavailable or {})
        self.fail = dict(fail or {})
        self.delay = delay
        self.sample_error = sample_error
        self.page_size = page_size
        self.via_helper = via_helper
        self.relaunch_error = relaunch_error
        self.calls: list[tuple[str, ...]] = []  # ("run", id), ("trim", pids…), ("relaunch", argv…)
        self.samples_taken = 0
        self._lock = threading.Lock()
        self._built: tuple[MemoryList, ...] = ()
        self._built_for: tuple[tuple[str, int], ...] | None = None
        # With ``step``, sample times start at ``start`` and advance by ``step`` seconds each
        # (a day of history in a moment); otherwise they follow the wall clock.
        self.step = step
        self._clock = (start if start is not None else time.time()) - step

    # ----- reading ------------------------------------------------------------------------

    def sample(self) -> Sample:
        """The lists now; raises BackendError when ``sample_error`` is set."""
        with self._lock:
            if self.sample_error:
                raise BackendError(self.sample_error)
            self.samples_taken += 1
            if self.step:
                self._clock += self.step
            else:  # strictly increasing even when called faster than the clock ticks
                self._clock = max(time.time(), self._clock + 0.001)
            lists = self._lists()
            free = self.lists.get("free", 0) + self.lists.get("zeroed", 0)
            details: dict[str, int | float | str] = {"commit_bytes": self.lists.get("active", 0) + GIB}
            if self.platform == "windows":
                details.update({f"{REPURPOSED_PREFIX}priority{i}": 1000 * i for i in range(8)})
            return Sample(
                time=self._clock,
                monotonic=time.monotonic(),
                platform=self.platform,
                backend=self.name,
                page_size=self.page_size,
                total_bytes=self.total,
                available_bytes=free + self.lists.get("standby", 0),
                lists=lists,
                details=details,
                units={"commit_bytes": DetailUnit.BYTES},
            )

    def _lists(self) -> tuple[MemoryList, ...]:
        # Built again only when the sizes changed (an action ran, a test set them): tests take thousands
        # of readings, and the lists are frozen, so readings may share them.
        sizes = tuple(self.lists.items())
        if sizes != self._built_for:
            self._built = tuple(self._list(k, v) for k, v in sizes)
            self._built_for = sizes
        return self._built

    def _list(self, key: str, size: int) -> MemoryList:
        label = LIST_LABELS.get(key, key)
        parts: tuple[MemoryList, ...] = ()
        if key == "standby" and self.platform == "windows":
            shares = (1, 1, 2, 4, 8, 12, 2, 2)  # priorities 0–7, most at 5 as on a real machine
            each = [size * s // sum(shares) for s in shares]
            each[5] += size - sum(each)
            parts = tuple(
                MemoryList(f"priority{i}", PRIORITY_LABEL.format(n=i), b) for i, b in enumerate(each)
            )
        elif key == "standby":
            parts = (
                MemoryList("inactive", PART_LABELS["inactive"], size * 2 // 3),
                MemoryList("standby_active", PART_LABELS["standby_active"], size - size * 2 // 3),
            )
        elif key == "modified" and self.platform == "linux":
            parts = (
                MemoryList("dirty", PART_LABELS["dirty"], size * 9 // 10),
                MemoryList("writeback", PART_LABELS["writeback"], size - size * 9 // 10),
            )
        elif key == "active" and self.platform == "linux":
            quarter = size // 4
            parts = (
                MemoryList("anon", PART_LABELS["anonymous"], 2 * quarter),
                MemoryList("shmem", PART_LABELS["shmem"], quarter // 2),
                MemoryList("mapped", PART_LABELS["mapped_file"], quarter),
                MemoryList("kernel", PART_LABELS["kernel"], size - 3 * quarter - quarter // 2),
            )
        return MemoryList(key, label, size, parts)

    def capabilities(self) -> Capabilities:
        """As configured: none unless a test passes its own."""
        return self._capabilities

    def privileged(self) -> bool:
        """As configured."""
        return self._privileged

    def availability(self) -> tuple[Availability, ...]:
        """The catalogue for this platform, in canonical order, minus ``unavailable``."""
        out = []
        for a in actions.CATALOGUE:
            if self.platform not in a.platforms:
                continue
            reason = self.unavailable.get(a.id, "")
            helper = self.via_helper and not reason
            out.append(Availability(a.id, not reason, reason, via_helper=helper, prompts=helper))
        return tuple(out)

    # ----- actions ------------------------------------------------------------------------

    def run(self, action_id: str) -> ActionResult:
        """Run one action (or "all"): sleep ``delay``, fail when configured, else move bytes."""
        with self._lock:
            self.calls.append(("run", action_id))
        if action_id == actions.ALL:
            return run_all(self, self._run_one)
        return self._run_one(action_id)

    def _run_one(self, action_id: str) -> ActionResult:
        blocked = unknown_action(self, action_id)  # as the real backends refuse: app/policy.py decides
        if blocked is not None:
            return blocked
        return run_timed(action_id, self.sample, lambda: self._body(action_id))

    def _body(self, action_id: str) -> Outcome:
        if self.delay:
            time.sleep(self.delay)
        if action_id in self.fail:
            raise ActionError(self.fail[action_id])
        self.move(*MOVES[action_id])
        return Outcome()

    def move(self, source: str, target: str, fraction: float) -> int:
        """Move ``fraction`` of list ``source`` to ``target`` (page-aligned); returns the bytes moved."""
        with self._lock:
            if source not in self.lists or target not in self.lists:
                return 0
            amount = int(self.lists[source] * fraction) // self.page_size * self.page_size
            self.lists[source] -= amount
            self.lists[target] += amount
            return amount

    def trim_processes(self, pids: Sequence[int]) -> ActionResult:
        """Record the pids and move a little of "in use" to standby per process."""
        with self._lock:
            self.calls.append(("trim", *(str(p) for p in pids)))
        if actions.TRIM_PROCESSES in self.fail:
            message = self.fail[actions.TRIM_PROCESSES]

            def refuse() -> Outcome:
                raise ActionError(message)

            return run_timed(actions.TRIM_PROCESSES, self.sample, refuse)

        def body() -> Outcome:
            if self.delay:
                time.sleep(self.delay)
            self.move("active", "standby", min(0.5, 0.05 * len(pids)))
            return Outcome(f"{count(len(pids), 'process', 'processes')} trimmed", {"processes": len(pids)})

        return run_timed(actions.TRIM_PROCESSES, self.sample, body)

    # ----- privileges ---------------------------------------------------------------------

    def privilege_note(self) -> str:
        """What is missing without rights ("" when privileged)."""
        if self._privileged:
            return ""
        if self.platform == "windows":
            return NOTE_NOT_ELEVATED  # the real backends' notes: the window translates them
        return NOTE_HELPER_ASKS

    def can_relaunch_elevated(self) -> bool:
        """Windows only, as the real backends."""
        return self.platform == "windows"

    def relaunch_elevated(self, argv: Sequence[str], hwnd: int | None = None) -> None:
        """Record the call; raise ActionError when ``relaunch_error`` is set."""
        with self._lock:
            self.calls.append(("relaunch", *argv))
        if self.relaunch_error:
            raise ActionError(self.relaunch_error)
