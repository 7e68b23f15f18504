"""The unprivileged side of the privileged helper: find pkexec and the helper, run one action through them.

``pkexec /usr/local/bin/ramlens-helper ID`` asks polkit (org.ramlens.helper.empty, shipped in
resources/polkit/) for an administrator's password, then runs the helper as root; the helper
prints the ActionResult as JSON. The command is a list (no shell) and carries only the id.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from app import actions
from app.model import ActionResult, ModelError

# Where the polkit policy's exec.path annotation says the helper is installed.
INSTALLED_HELPER = Path("/usr/local/bin/ramlens-helper")
POLICY_FILE = Path("/usr/share/polkit-1/actions/org.ramlens.helper.policy")
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


def helper_status(
    search_path: str | None = None, policy: Path = POLICY_FILE, helper: Path = INSTALLED_HELPER
) -> HelperStatus:
    """Look for pkexec (on ``search_path``, default PATH), the polkit policy and the installed helper."""
    pkexec = shutil.which("pkexec", path=search_path)
    if pkexec is None:
        return HelperStatus(False, "pkexec is not installed")
    if not policy.is_file():
        return HelperStatus(
            False,
            f"the polkit policy is not installed (copy resources/polkit/{policy.name} to {policy.parent}/)",
        )
    if not (helper.is_file() and shutil.which(str(helper))):
        return HelperStatus(False, f"the privileged helper is not installed at {helper}")
    return HelperStatus(True, "", pkexec, str(helper))


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
