"""polkit, from RAMLens's side: the helper's policy file and the question "would this prompt?".

The policy (resources/polkit/org.ramlens.helper.policy) is a template: install writes it with the
installed helper's path as ``exec.path`` (pkexec runs only that program under this action) and the
chosen password default. ``pkcheck`` asks the running polkitd whether this process may run the
action without interaction, which is what auto-clean needs to know before it uses the helper.
"""

from __future__ import annotations

import enum
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

ACTION_ID = "org.ramlens.helper.empty"
PKCHECK = Path("/usr/bin/pkcheck")
POLICY_NAME = "org.ramlens.helper.policy"
POLICY_TEMPLATE = Path(__file__).resolve().parents[3] / "resources" / "polkit" / POLICY_NAME
EXEC_PATH_KEY = "org.freedesktop.policykit.exec.path"
# Asked once, then kept a few minutes; or, when chosen at setup, not asked in the active local session.
KEEP_PASSWORD = "auth_admin_keep"
NO_PASSWORD = "yes"


class Verdict(enum.Enum):
    """polkit's answer for one process and the helper's action, asked without interaction."""

    YES = "allowed without a password"
    PROMPT = "asks for an administrator password"
    NO = "not allowed by polkit"
    UNKNOWN = "polkit could not be asked"


def render_policy(helper: Path, no_password: bool) -> str:
    """The policy text for a helper installed at ``helper`` (absolute), with the chosen password default."""
    text = POLICY_TEMPLATE.read_text(encoding="utf-8")
    default = f'<annotate key="{EXEC_PATH_KEY}">/usr/local/bin/ramlens-helper</annotate>'
    if default not in text or "<allow_active>auth_admin_keep</allow_active>" not in text:
        raise ValueError(f"{POLICY_TEMPLATE} does not have the expected exec.path and allow_active lines")
    text = text.replace(default, f'<annotate key="{EXEC_PATH_KEY}">{helper}</annotate>')
    active = NO_PASSWORD if no_password else KEEP_PASSWORD
    return text.replace(
        "<allow_active>auth_admin_keep</allow_active>", f"<allow_active>{active}</allow_active>"
    )


def policy_exec_path(policy: Path) -> Path | None:
    """The helper path an installed policy file names for the action, or None (absent, unreadable, other)."""
    try:
        root = ET.parse(policy).getroot()
    except (OSError, ET.ParseError):
        return None
    for action in root.iter("action"):
        if action.get("id") != ACTION_ID:
            continue
        for note in action.iter("annotate"):
            if note.get("key") == EXEC_PATH_KEY and note.text and note.text.startswith("/"):
                return Path(note.text.strip())
    return None


def policy_no_password(policy: Path) -> bool:
    """True when an installed policy lets the active local session run the action without a password."""
    try:
        root = ET.parse(policy).getroot()
    except (OSError, ET.ParseError):
        return False
    for action in root.iter("action"):
        if action.get("id") == ACTION_ID:
            return (action.findtext("defaults/allow_active") or "").strip() == NO_PASSWORD
    return False


def _start_time(pid: int) -> int:
    """The process's start time in clock ticks (field 22 of /proc/PID/stat), which pins the pid for polkit."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat[stat.rindex(")") + 2 :].split()[19])


def check(pid: int | None = None, pkcheck: Path = PKCHECK) -> Verdict:
    """Ask polkit whether process ``pid`` (default: this one) may run the helper's action without a prompt."""
    pid = os.getpid() if pid is None else pid
    try:
        subject = f"{pid},{_start_time(pid)},{os.getuid()}"
        done = subprocess.run(
            [str(pkcheck), "--action-id", ACTION_ID, "--process", subject],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, ValueError, IndexError, subprocess.TimeoutExpired):
        return Verdict.UNKNOWN
    # pkcheck(1): 0 authorized, 1 not authorized, 2 needs authentication (no interaction allowed), 127 error.
    return {0: Verdict.YES, 1: Verdict.NO, 2: Verdict.PROMPT}.get(done.returncode, Verdict.UNKNOWN)
