"""The Backend protocol every OS backend implements, and the shared action runner."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from app import actions, policy
from app.model import ActionResult, Detail, Sample

if TYPE_CHECKING:  # the report types (OS-neutral); loaded at run time only by those who use them
    from app.buddy import FragmentationReport, PagetypeInfo
    from app.filecache import FileCacheSource
    from app.helper_state import HelperState, SetupResult
    from app.hotkey import Hotkey
    from app.pagecensus import Census, FrameRow
    from app.physranges import PhysicalRangesSource
    from app.processes import ProcessMemory


class BackendError(RuntimeError):
    """Reading memory failed; the message names what failed and why, for a person."""


class ActionError(RuntimeError):
    """An action was refused or failed; the message says what a person can do about it."""

    def __init__(self, message: str, details: Mapping[str, Detail] | None = None):
        super().__init__(message)
        self.details: Mapping[str, Detail] = details or {}


class NeedsPrivilege(BackendError):
    """Refused for want of rights (root / administrator); the message says which and what to do."""


Progress = Callable[[int, int], None]  # (units done, units expected)


class FragmentationSource(Protocol):
    """Free memory by contiguous block size, per node and zone (the buddy allocator)."""

    def read(self, baseline: Mapping[str, int] | None = None) -> FragmentationReport:
        """Read the free blocks now; compaction changes are counted since ``baseline``
        (a :meth:`compaction_counters` result; none: every change is 0). Raises BackendError."""
        ...

    def compaction_counters(self) -> dict[str, int]:
        """The compaction counters now (a baseline for :meth:`read`)."""
        ...

    def read_migrate_types(self) -> PagetypeInfo:
        """Free blocks split by migrate type; NeedsPrivilege when not permitted."""
        ...


class PageCensusSource(Protocol):
    """Every physical page frame, classified (Linux: /proc/kpageflags; Windows: the PFN database)."""

    def problem(self) -> str:
        """Why a census cannot be taken now ("" when it can): a sentence for a person."""
        ...

    def take(self, progress: Progress | None = None, map_counts: bool = False) -> Census:
        """Read and classify every frame, bounded in memory. NeedsPrivilege / BackendError."""
        ...


class PageFramesSource(Protocol):
    """The frames of one stretch of physical memory, one row each (Windows: the PFN database)."""

    limit: int  # the most frames one read returns

    def read(self, first_pfn: int, count: int) -> tuple[FrameRow, ...]:
        """Frames ``first_pfn`` … (at most ``limit``) that are RAM; NeedsPrivilege / BackendError."""
        ...


class HelperSetupSource(Protocol):
    """Setting up the privileged helper that runs root-only actions for an ordinary user (Linux: pkexec)."""

    def state(self) -> HelperState:
        """Installed or not, and whether it is this version's (cheap: reads files, starts nothing)."""
        ...

    def install(self, no_password: bool = False) -> SetupResult:
        """Install or update it, asking for an administrator's password; blocks (run it off the UI thread)."""
        ...

    def uninstall(self) -> SetupResult:
        """Remove it, asking for an administrator's password; blocks."""
        ...


class ProcessSource(Protocol):
    """The memory of every process (app/processes.py's PsutilProcesses)."""

    @property
    def detailed(self) -> bool:
        """True when a full listing adds PSS (Linux): worth reading each process's smaps for."""
        ...

    def list(self, full: bool = False) -> list[ProcessMemory]:
        """Every readable process in PID order; ``full`` adds USS and PSS where ``detailed`` (slow)."""
        ...


class ElevatedResult(Protocol):
    """What a command run with administrator rights did."""

    @property
    def exit_code(self) -> int: ...

    @property
    def output(self) -> str: ...


class ElevatedCommands(Protocol):
    """Running one RAMLens command with administrator rights and waiting for it (Windows: UAC)."""

    def run_elevated(self, argv: Sequence[str]) -> ElevatedResult:
        """Run ``ramlens ARGV`` elevated, wait, return its exit code and output; ActionError when refused."""
        ...


class SkipUacTask(Protocol):
    """An opt-in way to start the window elevated without the UAC prompt (Windows: a scheduled task)."""

    def installed(self) -> bool:
        """True when the task exists."""
        ...

    def install(self, at_logon: bool = True) -> None:
        """Create the task (at_logon: also start the window when the user logs on); ActionError on failure."""
        ...

    def remove(self) -> None:
        """Delete the task; ActionError on failure."""
        ...

    def start(self) -> None:
        """Start the window elevated through the task; ActionError on failure."""
        ...


class SessionStart(Protocol):
    """Starting RAMLens (minimized to the tray) when the user's session starts."""

    def enabled(self) -> bool:
        """True when RAMLens starts with the session."""
        ...

    def enable(self) -> None:
        """Start with the session from now on; ActionError with the reason when refused."""
        ...

    def disable(self) -> None:
        """Stop starting with the session; ActionError with the reason when refused."""
        ...

    def location(self) -> str:
        """Where the setting lives (a file, a registry value), for a person."""
        ...


class GlobalHotkeys(Protocol):
    """A key combination that reaches the window whichever program has the focus (Windows)."""

    def register(self, window: int, hotkey_id: int, hotkey: Hotkey) -> None:
        """Deliver ``hotkey`` to the native window ``window``; ActionError with the reason when refused."""
        ...

    def unregister(self, window: int, hotkey_id: int) -> None:
        """Stop delivering it."""
        ...

    def pressed(self, message: int) -> int | None:
        """The hotkey id when the native message at this address is the hotkey, else None."""
        ...


@dataclass(frozen=True)
class Capabilities:
    """The optional features a backend offers; ``None`` where it has no such feature.

    The CLI and the window install commands and tabs by asking for these, never by platform.
    """

    fragmentation: FragmentationSource | None = None
    page_census: PageCensusSource | None = None
    processes: ProcessSource | None = None  # None: the cheap psutil listing (no PSS)
    file_cache: FileCacheSource | None = None  # which files hold page cache; evicting one
    physical_ranges: PhysicalRangesSource | None = None  # RAM ranges, memory blocks, zones
    elevated_commands: ElevatedCommands | None = None  # `ramlens --elevate COMMAND` waits for the result
    skip_uac: SkipUacTask | None = None  # start the window elevated without the prompt
    session_start: SessionStart | None = None  # "Start with the session" (Tools menu)
    hotkeys: GlobalHotkeys | None = None  # a global hotkey for the chosen clean
    page_frames: PageFramesSource | None = None  # one row per frame of a stretch of memory
    helper_setup: HelperSetupSource | None = None


@dataclass(frozen=True)
class Availability:
    """Whether an action can run here, and if not, why (a sentence for a person)."""

    action_id: str
    available: bool
    reason: str = ""
    via_helper: bool = False  # runs through the privileged helper (pkexec) rather than in-process
    prompts: bool = False  # running it asks for a password (so auto-clean must not)


@dataclass(frozen=True)
class Outcome:
    """What an action body reports beyond the list movement."""

    message: str = ""
    details: Mapping[str, Detail] = field(default_factory=dict)
    ok: bool = True


@runtime_checkable
class Backend(Protocol):
    """One OS's way of reading the memory lists and running the Empty actions."""

    name: str  # e.g. "procfs", "ntdll"
    platform: str  # "linux" | "windows"

    def sample(self) -> Sample:
        """Read the memory lists now. Raises BackendError with a clear message."""
        ...

    def capabilities(self) -> Capabilities:
        """The optional features this backend offers (cheap: nothing is read until used)."""
        ...

    def privileged(self) -> bool:
        """True when running as root / elevated administrator."""
        ...

    def availability(self) -> tuple[Availability, ...]:
        """Every catalogue action of this platform, in canonical order, with availability."""
        ...

    def run(self, action_id: str) -> ActionResult:
        """Run one action (or "all"). Never raises for a refusal: returns a failed result."""
        ...

    def trim_processes(self, pids: Sequence[int]) -> ActionResult:
        """Trim the working sets of these processes (the Processes view's context action).

        Returns a result with id ``actions.TRIM_PROCESSES``; never raises for a refusal.
        """
        ...

    def privilege_note(self) -> str:
        """For the not-elevated bar: what the missing rights cost and how to get them; "" when privileged."""
        ...

    def can_relaunch_elevated(self) -> bool:
        """True where the program can restart itself with administrator rights (Windows "runas")."""
        ...

    def relaunch_elevated(self, argv: Sequence[str], hwnd: int | None = None) -> None:
        """Start a new elevated instance with these arguments; raises ActionError when refused/cancelled.

        ``hwnd``: the window the prompt belongs to (Windows), so it comes up in front of it.
        """
        ...


def run_timed(
    action_id: str,
    sample: Callable[[], Sample],
    body: Callable[[], Outcome],
) -> ActionResult:
    """Sample, run ``body``, sample again; turn ActionError/OSError into a failed result.

    The shared shape of every action on every backend: the before/after samples are what
    lets the front ends show where the pages went.
    """
    try:
        before = sample()
    except BackendError as exc:  # nothing has run: say so rather than act blind
        return ActionResult(action_id, False, 0.0, None, None, f"not run: reading memory first failed: {exc}")
    start = time.perf_counter()
    try:
        outcome = body()
    except ActionError as exc:
        outcome = Outcome(str(exc), exc.details, ok=False)
    except OSError as exc:
        outcome = Outcome(f"the system refused: {exc.strerror or exc}", ok=False)
    elapsed = time.perf_counter() - start
    try:
        after: Sample | None = sample()
    except BackendError as exc:  # the action itself ran: keep its outcome, say what is missing
        after = None
        outcome = Outcome(
            "; ".join(m for m in (outcome.message, f"reading memory afterwards failed: {exc}") if m),
            outcome.details,
            outcome.ok,
        )
    return ActionResult(action_id, outcome.ok, elapsed, before, after, outcome.message, outcome.details)


def run_all(backend: Backend, run_one: Callable[[str], ActionResult]) -> ActionResult:
    """Run every available action in canonical order; unavailable ones are listed as skipped."""
    start = time.perf_counter()
    before = backend.sample()
    steps: list[ActionResult] = []
    skipped: list[str] = []
    for avail in backend.availability():
        if avail.available:
            steps.append(run_one(avail.action_id))
        else:
            skipped.append(f"{actions.label(avail.action_id)}: {avail.reason}")
    after = backend.sample()
    failed = [s for s in steps if not s.ok]
    message_parts = [f"{len(steps) - len(failed)} of {len(steps)} actions done"]
    message_parts += [f"{actions.label(s.action_id)} failed: {s.message}" for s in failed]
    if skipped:
        message_parts.append("skipped — " + "; ".join(skipped))
    return ActionResult(
        actions.ALL,
        ok=bool(steps) and not failed,
        elapsed=time.perf_counter() - start,
        before=before,
        after=after,
        message="; ".join(message_parts),
        details={"done": len(steps) - len(failed), "failed": len(failed), "skipped": len(skipped)},
        steps=tuple(steps),
    )


def unknown_action(backend: Backend, action_id: str) -> ActionResult | None:
    """A failed result when the id is not runnable here (app/policy.py decides), else None."""
    if action_id == actions.ALL:
        return None
    decision = policy.decide(backend.availability(), action_id, backend.platform)
    return None if decision.can_run else ActionResult(action_id, False, 0.0, None, None, decision.reason)
