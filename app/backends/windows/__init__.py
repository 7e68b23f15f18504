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
from app.backends.windows import (
    commands,
    compression,
    elevation,
    ntapi,
    pdh,
    processes,
    sampling,
    system,
    uac_task,
    volumes,
)
from app.backends.windows.autostart import RunKey
from app.backends.windows.elevation import ElevatedRun
from app.backends.windows.hotkeys import WindowsHotkeys
from app.backends.windows.privileges import Privileges
from app.backends.windows.seam import Seam, load
from app.model import ActionResult, Sample

__all__ = ["ElevatedRun", "WindowsBackend"]

NEEDS_ADMIN = "needs administrator rights: restart RAMLens as administrator (ramlens --elevate …)"
NEEDS_64_BIT = (
    "needs a 64-bit RAMLens: this 32-bit process on 64-bit Windows cannot use the kernel's structures"
)

# Minimum Windows version per action, as (major, minor, name). Python 3.10 itself needs Windows
# 8.1, so every other action (and the 8.1 registry reconciliation) runs on every supported one.
_MIN_VERSION = {
    "combine-pages": (10, 0, "Windows 10"),
    "compression-store": (10, 0, "Windows 10"),
}


class WindowsBackend:
    """Reads the memory lists and runs the Empty actions through ntdll (pdh when not elevated)."""

    name = "ntdll"
    platform = "windows"

    def __init__(
        self,
        seam: Seam | None = None,
        working_set_of: compression.WorkingSetOf = compression.process_working_set,
        schtasks: uac_task.Runner = uac_task.run_schtasks,
    ):
        """``seam`` replaces the DLL functions (tests); by default the real DLLs load on first use.

        ``working_set_of`` finds a process's working set by name (the compression store's fallback);
        ``schtasks`` runs schtasks.exe (the elevated-start task). Both are replaced in tests.
        """
        self._given_seam = seam
        self._working_set_of = working_set_of
        self._schtasks = schtasks
        self._loaded: Seam | None = None
        self._privileges: Privileges | None = None
        self._version: system.WindowsVersion | None = None
        self._wow64: bool | None = None
        self._page_size = 0
        self._counters: pdh.CounterQuery | None = None
        self._lifetime: pdh.CounterQuery | None = None
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
                self._counters = pdh.CounterQuery(self._loaded, pdh.COUNTERS, pdh.LIFETIME)
                self._lifetime = pdh.CounterQuery(self._loaded, {}, pdh.LIFETIME)
                self._privileges = Privileges(self._loaded)
            return self._loaded

    def _token(self) -> Privileges:
        self._seam()
        assert self._privileges is not None  # made with the seam
        return self._privileges

    def capabilities(self) -> Capabilities:
        """Elevated commands, the prompt-free start task, the Run key and the hotkey; the page census,
        physical ranges and page frames from the PFN database (read only when used)."""
        from app.backends.windows.pfncensus import PfnCensusSource, PfnFramesSource, PfnRangesSource

        return Capabilities(
            page_census=PfnCensusSource(self._seam, self._token, self.wow64, self.page_size),
            physical_ranges=PfnRangesSource(self._seam, self._token, self.page_size),
            page_frames=PfnFramesSource(self._seam, self._token, self.wow64),
            elevated_commands=self,
            skip_uac=self.elevated_task(),
            session_start=RunKey(self._seam),
            hotkeys=WindowsHotkeys(self._seam),
        )

    def wow64(self) -> bool:
        """True for a 32-bit process on 64-bit Windows, which gets the limited view (read once)."""
        if self._wow64 is None:
            self._wow64 = system.is_wow64(self._seam())
        return self._wow64

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
        """The full view when elevated and the kernel answers; otherwise the counters, saying why;
        without counters, GlobalMemoryStatusEx and GetPerformanceInfo, saying what is missing."""
        seam = self._seam()
        if self.wow64():
            reason = pdh.WOW64
        elif not self.privileged():
            reason = pdh.NOT_ELEVATED
        else:
            status = self._token().enable(ntapi.SE_PROFILE_SINGLE_PROCESS_PRIVILEGE)
            if status != ntapi.STATUS_SUCCESS:
                described = ntapi.describe(status, elevated=True)
                reason = pdh.refused(f"SeProfileSingleProcessPrivilege: {described}")
            else:
                try:
                    extras = self._extras(with_lifetime=True)
                    return sampling.full_sample(seam, self.version(), self.page_size(), extras)
                except ntapi.NtError as exc:
                    reason = pdh.refused(str(exc))
        assert self._counters is not None  # made with the seam
        extras = self._extras(with_lifetime=False)
        try:
            return pdh.limited_sample(seam, self._counters, self.version(), self.page_size(), extras, reason)
        except BackendError as exc:
            broken = pdh.counters_broken(str(exc))
            if reason == pdh.WOW64:  # the reason the full view is off still matters most
                broken = f"{pdh.WOW64} {broken}"
            return pdh.basic_sample(seam, self.version(), self.page_size(), extras, broken)

    def _extras(self, with_lifetime: bool) -> sampling.Extras:
        """Performance, the compression store and (from its own counter query) the standby lifetime."""
        seam = self._seam()
        lifetime: int | None = None
        if with_lifetime:
            assert self._lifetime is not None  # made with the seam
            try:
                lifetime = self._lifetime.read().get("standby_lifetime")
            except BackendError:
                lifetime = None  # a missing counter costs the figure, never the sample
        if self.wow64():  # no kernel structures with pointer-sized fields from a 32-bit process
            return sampling.Extras(
                system.performance(seam), compression.from_process(self._working_set_of), lifetime, False
            )
        store = compression.read(seam, self._working_set_of)
        return sampling.Extras(system.performance(seam), store, lifetime, True)

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
        if self.wow64():
            return NEEDS_64_BIT
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
            "compression-store": lambda: commands.compression_store(ctx),
            "system-file-cache": lambda: commands.system_file_cache(ctx),
            "registry-cache": lambda: commands.registry_cache(ctx),
            "working-sets": lambda: commands.memory_list_command(ctx, ntapi.MemoryEmptyWorkingSets),
            "modified-list": lambda: commands.memory_list_command(ctx, ntapi.MemoryFlushModifiedList),
            "modified-file-cache": lambda: volumes.flush_all(ctx.seam, ctx.privileges.elevated()),
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
        """Always: ShellExecuteExW "runas" asks for elevation through the UAC prompt."""
        return True

    def relaunch_elevated(self, argv: Sequence[str], hwnd: int | None = None) -> None:
        """Start an elevated RAMLens with ``argv`` and return; raises ActionError when cancelled or refused.

        The window (no arguments) starts through the opt-in elevated-start task when it is
        installed — no prompt; otherwise through the UAC prompt, owned by ``hwnd`` when given.
        """
        if not argv:
            task = self.elevated_task()
            if task.installed():
                task.start()
                return
        elevation.relaunch(self._seam(), argv, hwnd)

    def run_elevated(self, argv: Sequence[str]) -> ElevatedRun:
        """Run the command ``argv`` elevated (UAC prompt), wait for it, return its exit code and output."""
        return elevation.run(self._seam(), argv)

    def elevated_task(self) -> uac_task.ElevatedTask:
        """The opt-in task that starts the RAMLens window elevated without the UAC prompt."""
        program, arguments = elevation.command_line([])
        return uac_task.ElevatedTask(program, arguments, self._schtasks)
