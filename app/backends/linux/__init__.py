"""The Linux backend: memory lists from procfs, Empty actions through the kernel's own interfaces."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from app import actions
from app.backends.base import (
    ActionError,
    Availability,
    Backend,
    Capabilities,
    Outcome,
    run_all,
    run_timed,
    unknown_action,
)
from app.backends.linux import access, lists, trim
from app.backends.linux.compact import compact
from app.backends.linux.drop import drop_page_cache, drop_slab
from app.backends.linux.flush import flush_modified
from app.backends.linux.fragmentation import huge_order
from app.backends.linux.pkexec import run_via_helper
from app.backends.linux.sampler import ProcFiles
from app.model import ActionResult, Sample

__all__ = ["LinuxBackend"]


class LinuxBackend:
    """Reads /proc/meminfo, vmstat and buddyinfo; ``proc``/``sys`` may point at a captured tree.

    ``host`` (who we are, what the kernel offers) is probed on first use unless given, e.g. by a test.
    """

    name = "procfs"
    platform = "linux"

    def __init__(self, proc: Path = Path("/proc"), sys: Path = Path("/sys"), host: access.Host | None = None):
        self.proc = proc
        self.sys = sys
        self.page_size = os.sysconf("SC_PAGE_SIZE")
        self._files = ProcFiles(proc)
        self._host = host

    # -- reading -------------------------------------------------------------------------------------

    def sample(self) -> Sample:
        """Read the memory lists now; BackendError naming the file when one is missing or malformed."""
        files = self._files
        mem = files.meminfo()
        vm = files.vmstat()
        buddy_pages = files.buddy_free_pages()
        percpu = files.percpu_free_pages() * self.page_size
        # Positional: this runs every second and keyword passing costs measurably (bench/bench_sample.py).
        return Sample(
            time.time(),
            time.monotonic(),
            "linux",
            "procfs",
            self.page_size,
            mem["MemTotal"],
            mem["MemAvailable"],
            lists.memory_lists(mem, percpu),
            lists.details(mem, vm, buddy_pages, self.page_size, percpu),
            "",
            lists.DETAIL_UNITS,
        )

    def capabilities(self) -> Capabilities:
        """Fragmentation, the page census, processes with PSS, file cache, RAM ranges, the helper's set-up."""
        from app.backends.linux.autostart import XdgAutostart
        from app.backends.linux.capabilities import KpageflagsCensus, ProcFragmentation
        from app.backends.linux.filecache import PageCacheFiles
        from app.backends.linux.helper_setup import PkexecSetup
        from app.backends.linux.physranges import ProcPhysicalRanges
        from app.processes import PsutilProcesses

        return Capabilities(
            fragmentation=ProcFragmentation(self.proc, self.sys, self.page_size),
            page_census=KpageflagsCensus(self.proc, self.page_size),
            processes=PsutilProcesses(detailed=True),
            file_cache=PageCacheFiles(self.proc, self.page_size),
            physical_ranges=ProcPhysicalRanges(self.proc, self.sys, self.page_size),
            helper_setup=PkexecSetup(self.reprobe),
            session_start=XdgAutostart(),
        )

    def reprobe(self) -> None:
        """Forget who we are and what we may do: probed again on next use (after the helper's set-up)."""
        self._host = None

    def close(self) -> None:
        """Close the /proc files kept open for sampling."""
        self._files.close()

    # -- who may do what -----------------------------------------------------------------------------

    @property
    def host(self) -> access.Host:
        """Who we are and what the kernel offers (probed once)."""
        if self._host is None:
            self._host = access.Host.current(self.proc, self.sys)
        return self._host

    def privileged(self) -> bool:
        """True when running as root."""
        return self.host.root

    def availability(self) -> tuple[Availability, ...]:
        """Every Linux catalogue action in canonical order; the decision is access.decide's alone."""
        return tuple(access.decide(a.id, self.host) for a in actions.for_platform("linux"))

    def privilege_note(self) -> str:
        """What running without root costs; "" as root."""
        if self.privileged():
            return ""
        census = "the physical-page census and /proc/pagetypeinfo need root (start RAMLens with sudo)"
        if self.host.helper.available:
            prompts = self.host.helper.prompts
            asks = "ask for an administrator's password" if prompts else "run without a password"
            return f"Not running as root: the root-only Empty actions {asks} through pkexec; {census}."
        return (
            "Not running as root: reading works, but every Empty action except Flush modified list needs "
            f"root (start RAMLens with sudo, or install the pkexec helper with Set up…); {census}."
        )

    def can_relaunch_elevated(self) -> bool:
        """Linux has no in-place elevation; root-only actions go through sudo (or the pkexec helper)."""
        return False

    def relaunch_elevated(self, argv: Sequence[str], hwnd: int | None = None) -> None:
        """Not possible on Linux: always raises ActionError saying what to do instead."""
        raise ActionError("RAMLens cannot restart itself as root on Linux: start it with sudo instead")

    # -- actions -------------------------------------------------------------------------------------

    def run(self, action_id: str) -> ActionResult:
        """Run one action (or "all"); a refusal or failure comes back as a failed result, never raised."""
        if action_id == actions.ALL:
            return run_all(self, self._run_one)
        blocked = unknown_action(self, action_id)
        if blocked is not None:
            return blocked
        return self._run_one(action_id)

    def trim_processes(self, pids: Sequence[int]) -> ActionResult:
        """Trim the working sets of the chosen processes (needs what working-sets needs)."""
        avail = access.decide("working-sets", self.host)
        if not avail.available or avail.via_helper:  # the helper runs catalogue actions only, not this one
            reason = avail.reason or "needs root: the pkexec helper does not trim chosen processes"
            return ActionResult(actions.TRIM_PROCESSES, False, 0.0, None, None, reason)
        chosen = tuple(pids)

        def body() -> Outcome:
            report = trim.trim(chosen, self.proc, self.page_size)
            return report.outcome(
                self._meminfo().get("SwapTotal", 0), ok=report.trimmed > 0 and not report.failed
            )

        return run_timed(actions.TRIM_PROCESSES, self.sample, body)

    def _run_one(self, action_id: str) -> ActionResult:
        if access.decide(action_id, self.host).via_helper:
            return run_via_helper(action_id, self.host.helper)  # as root, through pkexec
        return run_timed(action_id, self.sample, self._body(action_id))

    def _body(self, action_id: str) -> Callable[[], Outcome]:
        """The function that performs one available action."""
        bodies: dict[str, Callable[[], Outcome]] = {
            "modified-list": lambda: flush_modified(self._meminfo),
            "standby-list": lambda: drop_page_cache(self.proc, self._meminfo),
            "kernel-caches": lambda: drop_slab(self.proc, self._meminfo),
            "compact": lambda: compact(
                self.proc, self.sys, self.page_size, huge_order(self.sys, self.page_size), self._vmstat
            ),
            "working-sets": self._trim_all,
        }
        return bodies[action_id]

    def _trim_all(self) -> Outcome:
        report = trim.trim(trim.all_pids(self.proc), self.proc, self.page_size)
        return report.outcome(self._meminfo().get("SwapTotal", 0), ok=report.trimmed > 0)

    def _meminfo(self) -> dict[str, int]:
        return self._files.meminfo()

    def _vmstat(self) -> dict[str, int]:
        return self._files.vmstat()


_PROTOCOL_CHECK: type[Backend] = LinuxBackend  # mypy verifies the class against the protocol
