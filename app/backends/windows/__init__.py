"""The Windows backend: memory lists and every Empty command through ntdll, behind one seam."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from app import actions
from app.backends.base import (
    Availability,
    BackendError,
    Capabilities,
    Outcome,
    run_all,
    run_timed,
    unknown_action,
)
from app.backends.windows import commands, elevation, ntapi, pdh, processes, sampling, system, volumes
from app.backends.windows.privileges import Privileges
from app.backends.windows.seam import Seam, load
from app.model import ActionResult, Sample

__all__ = ["WindowsBackend"]

NEEDS_ADMIN = "needs administrator rights: restart RAMLens as administrator (ramlens --elevate …)"

# Minimum Windows version per action, as (major, minor, name); the others run on every supported one.
_MIN_VERSION = {
    "combine-pages": (10, 0, "Windows 10"),
    "registry-cache": (6, 3, "Windows 8.1"),
}


class WindowsBackend:
    """Reads the memory lists and runs the Empty actions through ntdll (pdh when not elevated)."""

    name = "ntdll"
    platform = "windows"

    def __init__(self, seam: Seam | None = None):
        """``seam`` replaces the DLL functions (tests); by default the real DLLs load on first use."""
        self._given_seam = seam
        self._loaded: Seam | None = None
        self._privileges: Privileges | None = None
        self._version: system.WindowsVersion | None = None
        self._page_size = 0
        self._counters: pdh.CounterQuery | None = None
        # The GUI samples on its thread while actions run on a worker: load the libraries once.
        self._init_lock = threading.Lock()

    # -- the machine ---------------------------------------------------------------------------

    def _seam(self) -> Seam:
        with self._init_lock:
            if self._loaded is None:
                if self._given_seam is not None:
                    self._loaded = self._given_seam
                else:
                    try:
                        self._loaded = load()
                    except OSError as exc:
                        raise BackendError(f"could not load the Windows system libraries: {exc}") from None
                self._counters = pdh.CounterQuery(self._loaded)
                self._privileges = Privileges(self._loaded)
            return self._loaded

    def _token(self) -> Privileges:
        self._seam()
        assert self._privileges is not None  # made with the seam
        return self._privileges

    def capabilities(self) -> Capabilities:
        """None of the optional features yet (the PFN census and compression store come later)."""
        return Capabilities()

    def version(self) -> system.WindowsVersion:
        """The running Windows version (read once)."""
        if self._version is None:
            self._version = system.version(self._seam())
        return self._version

    def page_size(self) -> int:
        """The page size (read once)."""
        if not self._page_size:
            self._page_size = system.page_size(self._seam())
        return self._page_size

    # -- reading -------------------------------------------------------------------------------

    def sample(self) -> Sample:
        """The full view when elevated and the kernel answers; otherwise the counters, saying why."""
        seam = self._seam()
        if not self.privileged():
            reason = pdh.NOT_ELEVATED
        else:
            status = self._token().enable(ntapi.SE_PROFILE_SINGLE_PROCESS_PRIVILEGE)
            if status != ntapi.STATUS_SUCCESS:
                reason = pdh.refused(f"SeProfileSingleProcessPrivilege: {ntapi.describe(status)}")
            else:
                try:
                    return sampling.full_sample(seam, self.version(), self.page_size())
                except ntapi.NtError as exc:
                    reason = pdh.refused(str(exc))
        assert self._counters is not None  # made with the seam
        return pdh.limited_sample(seam, self._counters, self.version(), self.page_size(), reason)

    def privileged(self) -> bool:
        """True when the process token is elevated."""
        return self._token().elevated()

    # -- actions -------------------------------------------------------------------------------

    def availability(self) -> tuple[Availability, ...]:
        """Each Windows action in canonical order; unavailable for an older Windows or without elevation."""
        return tuple(
            Availability(a.id, not reason, reason)
            for a in actions.for_platform(self.platform)
            for reason in (self._unavailable_reason(a.id),)
        )

    def _unavailable_reason(self, action_id: str) -> str:
        if action_id in _MIN_VERSION:
            major, minor, needed = _MIN_VERSION[action_id]
            version = self.version()
            if not version.at_least(major, minor):
                return f"needs {needed} or later; this is {version.name}"
        return "" if self.privileged() else NEEDS_ADMIN

    def _bodies(self) -> dict[str, Callable[[], Outcome]]:
        ctx = commands.Context(self._seam(), self._token(), self.page_size())
        return {
            "combine-pages": lambda: commands.combine_pages(ctx),
            "system-file-cache": lambda: commands.system_file_cache(ctx),
            "registry-cache": lambda: commands.registry_cache(ctx),
            "working-sets": lambda: commands.memory_list_command(ctx, ntapi.MemoryEmptyWorkingSets),
            "modified-list": lambda: commands.memory_list_command(ctx, ntapi.MemoryFlushModifiedList),
            "modified-file-cache": lambda: volumes.flush_all(ctx.seam),
            "standby-list": lambda: commands.memory_list_command(ctx, ntapi.MemoryPurgeStandbyList),
            "standby-priority0": lambda: commands.memory_list_command(
                ctx, ntapi.MemoryPurgeLowPriorityStandbyList
            ),
        }

    def _run_one(self, action_id: str) -> ActionResult:
        return run_timed(action_id, self.sample, self._bodies()[action_id])

    def run(self, action_id: str) -> ActionResult:
        """Run one action or "all"; a refusal or a failed reading becomes a failed result."""
        try:
            refusal = unknown_action(self, action_id)
            if refusal is not None:
                return refusal
            if action_id == actions.ALL:
                return run_all(self, self._run_one)
            return self._run_one(action_id)
        except BackendError as exc:
            return ActionResult(action_id, False, 0.0, None, None, f"could not read the memory lists: {exc}")

    def trim_processes(self, pids: Sequence[int]) -> ActionResult:
        """Trim the chosen processes' working sets (no elevation needed for the user's own processes)."""
        try:
            if self.privileged():
                # Other users' processes need SeDebugPrivilege; each open below reports any refusal.
                self._token().enable(ntapi.SE_DEBUG_PRIVILEGE)
            seam = self._seam()
            return run_timed(actions.TRIM_PROCESSES, self.sample, lambda: processes.trim(seam, pids))
        except BackendError as exc:
            return ActionResult(
                actions.TRIM_PROCESSES, False, 0.0, None, None, f"could not read the memory lists: {exc}"
            )

    # -- elevation -----------------------------------------------------------------------------

    def privilege_note(self) -> str:
        """What running without elevation costs, or "" when elevated."""
        if self.privileged():
            return ""
        return (
            "Not running as administrator: the lists come from performance counters (less detail) and the "
            "Empty actions are unavailable. Restart as administrator to use them."
        )

    def can_relaunch_elevated(self) -> bool:
        """Always: ShellExecuteW "runas" asks for elevation through the UAC prompt."""
        return True

    def relaunch_elevated(self, argv: Sequence[str]) -> None:
        """Start an elevated RAMLens with ``argv``; raises ActionError when cancelled or refused."""
        elevation.relaunch(self._seam(), argv)
