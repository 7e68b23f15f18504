"""Skip the UAC prompt, as an explicit opt-in: a scheduled task that starts RAMLens elevated.

Mem Reduct does this (its "Skip UAC warning" option, in the routine library's _r_skipuac_*):
a task in Task Scheduler with the highest run level and the user's interactive token starts the
program elevated without a prompt — at logon, or on demand when the program asks for it. Only an
administrator can register such a task, so turning it on asks for elevation once; removing it
is one more call. The task is written as Task Scheduler XML (schema 1.2) and registered with
``schtasks.exe /Create /XML`` so its settings are explicit: no 72-hour time limit, no battery
conditions (both would stop a long-running monitor).
"""

from __future__ import annotations

import contextlib
import html
import os
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.backends.base import ActionError


def escape(text: str) -> str:
    """``text`` escaped for XML character data (&, <, >), as xml.sax.saxutils.escape does; that module
    imports urllib, http and ssl, about a quarter of the Windows backend's import time."""
    return html.escape(text, quote=False)


TASK_NAME = "RAMLens elevated"

# Runs schtasks.exe with these arguments; returns its exit code and its output (stdout + stderr).
Runner = Callable[[Sequence[str]], tuple[int, str]]

_NS = "http://schemas.microsoft.com/windows/2004/02/mit/task"


def run_schtasks(arguments: Sequence[str]) -> tuple[int, str]:
    """schtasks.exe from System32 with ``arguments``; (exit code, output)."""
    system = Path(os.environ.get("SystemRoot", r"C:\Windows")) / "System32" / "schtasks.exe"
    try:
        done = subprocess.run(
            [str(system), *arguments], capture_output=True, text=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return 1, f"could not run schtasks.exe: {exc}"
    return done.returncode, (done.stdout + done.stderr).strip()


def current_user() -> str:
    r"""DOMAIN\user of the person running RAMLens, for the task's principal and logon trigger."""
    user = os.environ.get("USERNAME", "")
    domain = os.environ.get("USERDOMAIN", "")
    return f"{domain}\\{user}" if domain and user else user


def task_xml(program: str, arguments: str, user: str, at_logon: bool) -> str:
    """The task definition: RAMLens elevated with the user's token, on demand and optionally at logon."""
    trigger = (
        f"<Triggers><LogonTrigger><Enabled>true</Enabled><UserId>{escape(user)}</UserId></LogonTrigger></Triggers>"
        if at_logon
        else "<Triggers/>"
    )
    return (
        '<?xml version="1.0" encoding="UTF-16"?>\n'
        f'<Task version="1.2" xmlns="{_NS}">'
        "<RegistrationInfo><Description>Starts RAMLens as administrator without the UAC prompt "
        "(turned on from RAMLens; remove it there).</Description></RegistrationInfo>"
        f"{trigger}"
        f'<Principals><Principal id="Author"><UserId>{escape(user)}</UserId>'
        "<LogonType>InteractiveToken</LogonType><RunLevel>HighestAvailable</RunLevel></Principal></Principals>"
        "<Settings><MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>"
        "<DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>"
        "<StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>"
        "<AllowStartOnDemand>true</AllowStartOnDemand><Enabled>true</Enabled>"
        "<ExecutionTimeLimit>PT0S</ExecutionTimeLimit><Priority>5</Priority></Settings>"
        f'<Actions Context="Author"><Exec><Command>{escape(program)}</Command>'
        f"<Arguments>{escape(arguments)}</Arguments>"
        f"<WorkingDirectory>{escape(str(Path(program).parent))}</WorkingDirectory></Exec></Actions>"
        "</Task>"
    )


@dataclass
class ElevatedTask:
    """The opt-in task: whether it exists, turning it on and off, and starting RAMLens through it."""

    program: str
    arguments: str
    runner: Runner = run_schtasks
    name: str = TASK_NAME

    def installed(self) -> bool:
        """True when the task exists (schtasks /Query answers 0)."""
        code, _output = self.runner(["/Query", "/TN", self.name])
        return code == 0

    def install(self, at_logon: bool = True) -> None:
        """Register the task (needs administrator rights); ActionError with schtasks' words when refused."""
        handle, name = tempfile.mkstemp(prefix="ramlens-task-", suffix=".xml")
        os.close(handle)
        definition = Path(name)
        try:
            # schtasks reads the definition as UTF-16 with a byte-order mark, as the XML says.
            definition.write_text(task_xml(self.program, self.arguments, current_user(), at_logon), "utf-16")
            self._call(
                ["/Create", "/TN", self.name, "/XML", str(definition), "/F"], "turn on starting without UAC"
            )
        finally:
            with contextlib.suppress(OSError):
                definition.unlink()

    def remove(self) -> None:
        """Delete the task; ActionError when schtasks refuses."""
        self._call(["/Delete", "/TN", self.name, "/F"], "remove the elevated-start task")

    def start(self) -> None:
        """Start RAMLens elevated through the task now, without a prompt."""
        self._call(["/Run", "/TN", self.name], "start RAMLens through the elevated-start task")

    def _call(self, arguments: list[str], what: str) -> None:
        code, output = self.runner(arguments)
        if code != 0:
            raise ActionError(f"could not {what}: schtasks said: {output or f'exit code {code}'}")
