"""The unprivileged side of the privileged helper: find pkexec and the helper, run one action through them.

``/usr/bin/pkexec PREFIX/bin/ramlens-helper ID`` asks polkit (org.ramlens.helper.empty, installed by
``ramlens helper install``) for an administrator's password, then runs the helper as root; the helper
prints the ActionResult as JSON. The command is a list (no shell) and carries only the id. pkexec is
taken by absolute path, never from the caller's PATH, and the helper from the installed policy's
``exec.path`` (the only program polkit lets pkexec run under that action).
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
from dataclasses import dataclass
from pathlib import Path

from app import actions
from app.backends.linux import polkit
from app.model import ActionResult, ModelError

PKEXEC = Path("/usr/bin/pkexec")
POLICY_FILE = Path("/usr/share/polkit-1/actions") / polkit.POLICY_NAME
# pkexec's own exit codes: 126 the dialog was dismissed / not authorised, 127 authentication failed or
# polkit could not be asked.
PKEXEC_DISMISSED = 126
PKEXEC_FAILED = 127


@dataclass(frozen=True)
class HelperStatus:
    """Whether root-only actions can go through pkexec here, and if not, why."""

    available: bool
    reason: str = ""
    pkexec: str = ""  # absolute path of pkexec when found
    helper: str = ""  # absolute path of the installed helper
    prompts: bool = True  # running it asks for a password (polkit's answer for this process)


def helper_status(
    pkexec: Path = PKEXEC, policy: Path = POLICY_FILE, pkcheck: Path = polkit.PKCHECK
) -> HelperStatus:
    """Look for pkexec, the installed policy and the helper it names, and ask polkit whether it prompts."""
    if not pkexec.is_file():
        return HelperStatus(False, f"pkexec is not installed ({pkexec})")
    helper = polkit.policy_exec_path(policy)
    if helper is None:
        return HelperStatus(
            False, "the privileged helper is not set up (click Set up…, or run `sudo ramlens helper install`)"
        )
    try:
        info = helper.lstat()
    except OSError:
        return HelperStatus(False, f"the privileged helper is not installed at {helper} (reinstall it)")
    if info.st_uid != 0 or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH) or not os.access(helper, os.X_OK):
        return HelperStatus(
            False, f"{helper} is not a root-owned program only root can change: not used (reinstall it)"
        )
    verdict = polkit.check(pkcheck=pkcheck)
    if verdict is polkit.Verdict.NO:
        return HelperStatus(False, "polkit does not allow this user to run the privileged helper")
    return HelperStatus(True, "", str(pkexec), str(helper), prompts=verdict is not polkit.Verdict.YES)


def _failed(action_id: str, message: str) -> ActionResult:
    return ActionResult(action_id, False, 0.0, None, None, message)


def run_via_helper(action_id: str, status: HelperStatus) -> ActionResult:
    """Run one Linux action (or "all") as root through pkexec; never raises, failures come back as results."""
    linux_ids = {a.id for a in actions.for_platform("linux")} | {actions.ALL}
    if action_id not in linux_ids:
        return _failed(action_id, f"{action_id!r} is not a Linux action: not passed to the helper")
    if not status.available:
        return _failed(action_id, status.reason)
    try:
        done = subprocess.run(
            [status.pkexec, status.helper, action_id],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as exc:
        return _failed(action_id, f"pkexec could not be started: {exc.strerror or exc}")
    said = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    if done.returncode in (PKEXEC_DISMISSED, PKEXEC_FAILED):
        detail = f" ({said})" if said else ""
        return _failed(
            action_id,
            f"authentication was cancelled or refused (pkexec exit {done.returncode}){detail}: "
            "nothing was done",
        )
    try:
        result = ActionResult.from_json(json.loads(done.stdout))
    except (json.JSONDecodeError, ModelError) as exc:
        return _failed(action_id, f"the helper exited with {done.returncode} without a result: {said or exc}")
    if result.action_id != action_id:
        return _failed(action_id, f"the helper answered for {result.action_id!r}, not {action_id!r}")
    return result
