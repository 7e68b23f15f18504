"""The one place that decides whether a Linux action can run here, and why not.

"Am I root" and "is the kernel interface there" are answered only in :func:`decide`. A privileged
helper (pkexec) can later make the root-only actions available to ordinary users by answering
``via_helper=True`` here, for exactly the ids in ROOT_ONLY, without touching the action bodies.
"""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from pathlib import Path

from app.backends.base import Availability
from app.backends.linux.pkexec import HelperStatus, helper_status

# A Host built by hand (tests) has no helper unless it says so.
NO_HELPER = HelperStatus(False, "the pkexec helper was not looked for")

# Architectures where process_madvise is system call 440 (x86_64's table and the asm-generic one).
SYSCALL_ARCHES = frozenset({"x86_64", "aarch64", "arm64", "riscv64"})

# Actions that write root-only files or act on other users' processes.
ROOT_ONLY = frozenset({"standby-list", "kernel-caches", "compact", "working-sets"})


@dataclass(frozen=True)
class Host:
    """What the decision depends on: the roots of /proc and /sys, who we are, what the kernel offers."""

    proc: Path
    sys: Path
    euid: int
    machine: str
    has_pidfd_open: bool
    has_process_madvise: bool
    helper: HelperStatus = NO_HELPER  # pkexec + polkit policy + installed ramlens-helper (app/helper.py)

    @classmethod
    def current(cls, proc: Path, sys: Path) -> Host:
        """This process on this machine."""
        from app.backends.linux.trim import process_madvise_supported

        machine = platform.machine()
        euid = os.geteuid()
        return cls(
            proc,
            sys,
            euid,
            machine,
            hasattr(os, "pidfd_open"),
            machine in SYSCALL_ARCHES and process_madvise_supported(),
            NO_HELPER if euid == 0 else helper_status(),  # root needs no helper (and the helper is root)
        )

    @property
    def root(self) -> bool:
        """True when running as root."""
        return self.euid == 0


def decide(action_id: str, host: Host) -> Availability:
    """Availability of one Linux catalogue action on ``host``, with the reason a person can act on."""
    missing = _missing_interface(action_id, host)
    if missing:
        return Availability(action_id, False, missing)
    if action_id in ROOT_ONLY and not host.root:
        if host.helper.available:
            return Availability(action_id, True, via_helper=True, prompts=host.helper.prompts)
        reason = f"{_root_reason(action_id)}; no pkexec helper: {host.helper.reason}"
        return Availability(action_id, False, reason)
    return Availability(action_id, True)


def _root_reason(action_id: str) -> str:
    why = {
        "standby-list": "writing /proc/sys/vm/drop_caches",
        "kernel-caches": "writing /proc/sys/vm/drop_caches",
        "compact": "writing /proc/sys/vm/compact_memory",
        "working-sets": "process_madvise on other users' processes",
    }[action_id]
    return f"needs root ({why} is root-only): run `sudo ramlens empty {action_id}`"


def _missing_interface(action_id: str, host: Host) -> str:
    """Why the kernel or Python lacks what the action needs, or ""."""
    if action_id in ("standby-list", "kernel-caches"):
        path = host.proc / "sys/vm/drop_caches"
        return "" if path.exists() else f"this kernel has no {path}"
    if action_id == "compact":
        path = host.proc / "sys/vm/compact_memory"
        return "" if path.exists() else f"this kernel has no {path} (built without CONFIG_COMPACTION)"
    if action_id == "working-sets":
        if host.machine not in SYSCALL_ARCHES:
            return f"process_madvise's system call number is not known for {host.machine}"
        if not host.has_pidfd_open:
            return "this Python has no os.pidfd_open (needs Python 3.9 and Linux 5.3 or later)"
        if not host.has_process_madvise:
            return "this kernel has no process_madvise (needs Linux 5.10 or later)"
        return ""
    if action_id == "modified-list":
        return ""
    return f"{action_id} is not a Linux action"
