"""A real system D-Bus and polkitd in a private mount namespace, for end-to-end tests of the helper.

``run_in_sandbox(verdicts, command)`` starts ``unshare --mount`` and, inside it, bind-mounts throw-away
directories over /usr/local, /usr/share/polkit-1/actions, /etc/polkit-1/rules.d and /run/dbus, writes a
rules.d file that answers each named user YES or NO (``{"nobody": "YES", "daemon": "NO"}``) for RAMLens's
action and pkexec's own, starts dbus-daemon --system and polkitd, runs ``command`` as root, and stops both
daemons. Nothing on the machine changes: the mounts vanish with the namespace and the directories are
deleted afterwards.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

POLKITD = Path("/usr/lib/polkit-1/polkitd")
TOOLS = (Path("/usr/bin/unshare"), Path("/usr/bin/dbus-daemon"), Path("/usr/bin/pkexec"), POLKITD)
ACTIONS = Path("/usr/share/polkit-1/actions")
RULES = Path("/etc/polkit-1/rules.d")
MOUNTS = {"local": Path("/usr/local"), "actions": ACTIONS, "rules": RULES, "dbus": Path("/run/dbus")}
RULE = """polkit.addRule(function(action, subject) {{
    if (action.id == "org.ramlens.helper.empty" || action.id == "org.freedesktop.policykit.exec") {{
{answers}
    }}
}});
"""
ANSWER = '        if (subject.user == "{user}") {{ return polkit.Result.{verdict}; }}'


def missing_tools() -> list[str]:
    """The programs the sandbox needs that are not installed (empty when it can run)."""
    return [str(t) for t in TOOLS if not t.exists()]


def rules(verdicts: Mapping[str, str]) -> str:
    """The rules.d file answering each user (a name) its verdict (YES or NO), and nobody else anything."""
    answers = "\n".join(ANSWER.format(user=u, verdict=v) for u, v in verdicts.items())
    return RULE.format(answers=answers)


def run_in_sandbox(
    verdicts: Mapping[str, str], command: Sequence[str], timeout: float = 240
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` as root inside a fresh sandbox whose polkit answers each user its verdict (YES/NO)."""
    return subprocess.run(
        [
            "/usr/bin/unshare",
            "--mount",
            "--propagation",
            "private",
            sys.executable,
            __file__,
            rules(verdicts),
            *command,
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _wait_for_polkit(deadline: float) -> None:
    ask = [
        "dbus-send", "--system", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
        "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.PolicyKit1",
    ]  # fmt: skip
    while time.monotonic() < deadline:
        done = subprocess.run(ask, capture_output=True, text=True, check=False)
        if "boolean true" in done.stdout:
            return
        time.sleep(0.05)
    raise RuntimeError("polkitd did not appear on the sandbox's system bus")


def _inside(rules_text: str, command: list[str]) -> int:
    """Runs in the new mount namespace (as root): mounts, daemons, the command, clean-up."""
    top = Path(tempfile.mkdtemp(prefix="ramlens-polkit-"))
    daemons: list[int] = []
    polkitd: subprocess.Popen[bytes] | None = None
    try:
        top.chmod(0o755)
        for name in MOUNTS:
            (top / name).mkdir(mode=0o755)
        # pkexec's own action, for running `ramlens helper install` through it as the window does.
        shutil.copy(ACTIONS / "org.freedesktop.policykit.policy", top / "actions")
        (top / "rules" / "10-ramlens-test.rules").write_text(rules_text)
        if not MOUNTS["dbus"].is_dir():  # no system bus was ever started here: a private /run to hold one
            subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(MOUNTS["dbus"].parent)], check=True)
            MOUNTS["dbus"].mkdir()
        for name, target in MOUNTS.items():
            subprocess.run(["mount", "--bind", str(top / name), str(target)], check=True)
        bus = subprocess.run(
            ["dbus-daemon", "--system", "--fork", "--print-pid"], capture_output=True, text=True, check=True
        )
        daemons.append(int(bus.stdout.split()[0]))
        polkitd = subprocess.Popen([str(POLKITD), "--no-debug"], stdout=subprocess.DEVNULL)
        _wait_for_polkit(time.monotonic() + 20)
        return subprocess.run(command, check=False).returncode
    finally:
        if polkitd is not None:
            polkitd.terminate()
            polkitd.wait(10)
        for pid in daemons:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        shutil.rmtree(top, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(_inside(sys.argv[1], sys.argv[2:]))
