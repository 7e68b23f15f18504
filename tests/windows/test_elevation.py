"""Restart as administrator (ShellExecuteExW "runas"), elevated commands, and the opt-in UAC-skip task."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.backends import ActionError
from app.backends.windows import child, elevation, uac_task
from tests.windows.conftest import Make, backend_on
from tests.windows.fake_kernel import SEE_MASK_NOASYNC, SEE_MASK_NOCLOSEPROCESS, FakeWindows

TASK_NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}


def test_relaunch_uses_shell_execute_ex_runas_with_com_first_and_the_window(make: Make) -> None:
    """Defect 4: ShellExecuteW + GetLastError; now ShellExecuteExW, its BOOL, the hwnd, COM first."""
    fake, backend = make(admin=False)
    assert backend.can_relaunch_elevated()
    backend.relaunch_elevated(["empty", "standby-list", "--json"], hwnd=0x5150)
    assert len(fake.launched) == 1
    call = fake.launched[0]
    assert call["com"] is True  # CoInitializeEx ran before ShellExecuteExW
    assert call["verb"] == "runas"
    assert call["mask"] & SEE_MASK_NOCLOSEPROCESS and call["mask"] & SEE_MASK_NOASYNC
    assert call["hwnd"] == 0x5150
    assert call["file"] == sys.executable
    assert call["parameters"].endswith("empty standby-list --json")
    assert call["directory"] == os.getcwd()
    assert fake.open_handles == {}  # the process handle is closed: nothing waits for the window


def test_arguments_with_spaces_survive_the_command_line() -> None:
    program, parameters = elevation.command_line(["snapshot", "save", r"C:\My Files\a b.json"])
    assert program == sys.executable
    assert parameters.endswith(subprocess.list2cmdline(["snapshot", "save", r"C:\My Files\a b.json"]))
    assert parameters.startswith("-m ui.launcher ")  # the module behind the `ramlens` entry point


def test_a_frozen_build_relaunches_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    program, parameters = elevation.command_line(["status"])
    assert (program, parameters) == (sys.executable, "status")
    program, parameters = elevation.child_command_line(["status"], Path("out.txt"))
    assert (program, parameters) == (sys.executable, f"{elevation.CHILD_OPTION} out.txt status")


def test_cancelling_the_prompt_is_an_action_error_from_the_bool_and_last_error(make: Make) -> None:
    fake, backend = make(admin=False)
    fake.shell_answer = "cancel"
    with pytest.raises(ActionError, match="cancelled"):
        backend.relaunch_elevated(["status"])


def test_an_elevated_command_is_waited_for_and_its_exit_code_and_output_come_back(make: Make) -> None:
    """Defect 5: `--elevate empty X --json` returned 0 at once and lost the elevated output."""
    fake, backend = make(admin=False)
    fake.child = lambda argv: (1, '{"ok": false, "argv": "' + " ".join(argv) + '"}\n')
    run = backend.run_elevated(["empty", "standby-list", "--json"])
    assert run.exit_code == 1
    assert run.output == '{"ok": false, "argv": "empty standby-list --json"}\n'
    call = fake.launched[0]
    assert call["parameters"].startswith("-m app.backends.windows.child ")
    output_file = Path(call["parameters"].split()[2].strip('"'))
    assert not output_file.exists()  # the temporary file is removed
    assert fake.open_handles == {}  # and the process handle closed


def test_the_elevated_child_writes_the_commands_output_and_returns_its_code(tmp_path: Path) -> None:
    """The real child module running the real CLI (here on this machine's backend)."""
    output = tmp_path / "out.txt"
    assert child.main([str(output), "actions"]) == 0
    assert "standby-list" in output.read_text(encoding="utf-8")
    assert child.main([str(output), "no-such-command"]) == 2
    assert output.read_text(encoding="utf-8")  # the usage error went to the file too


def test_privilege_note_only_when_not_elevated(make: Make) -> None:
    _fake, user = make(admin=False)
    _fake2, admin = make()
    assert "Restart as administrator" in user.privilege_note()
    assert admin.privilege_note() == ""


# -- the opt-in scheduled task -------------------------------------------------------------------


def test_the_task_definition_runs_ramlens_elevated_with_the_users_token_and_no_time_limit() -> None:
    root = ET.fromstring(uac_task.task_xml(r"C:\RAMLens\RAMLens.exe", "", r"PC\ann", at_logon=True))
    principal = root.find("t:Principals/t:Principal", TASK_NS)
    assert principal is not None
    # Task Scheduler schema: RunLevel HighestAvailable = TASK_RUNLEVEL_HIGHEST; InteractiveToken =
    # the logged-on user's session (Mem Reduct's routine library: TASK_LOGON_INTERACTIVE_TOKEN).
    assert principal.findtext("t:RunLevel", namespaces=TASK_NS) == "HighestAvailable"
    assert principal.findtext("t:LogonType", namespaces=TASK_NS) == "InteractiveToken"
    assert principal.findtext("t:UserId", namespaces=TASK_NS) == r"PC\ann"
    assert root.findtext("t:Triggers/t:LogonTrigger/t:UserId", namespaces=TASK_NS) == r"PC\ann"
    settings = root.find("t:Settings", TASK_NS)
    assert settings is not None
    assert settings.findtext("t:ExecutionTimeLimit", namespaces=TASK_NS) == "PT0S"  # default is 72 h
    assert settings.findtext("t:DisallowStartIfOnBatteries", namespaces=TASK_NS) == "false"
    assert settings.findtext("t:StopIfGoingOnBatteries", namespaces=TASK_NS) == "false"
    assert root.findtext("t:Actions/t:Exec/t:Command", namespaces=TASK_NS) == r"C:\RAMLens\RAMLens.exe"
    on_demand = ET.fromstring(uac_task.task_xml("p.exe", "", "ann", at_logon=False))
    assert on_demand.find("t:Triggers/t:LogonTrigger", TASK_NS) is None


def test_task_install_start_and_remove_and_the_window_skips_the_prompt() -> None:
    fake = FakeWindows()
    backend, schtasks = backend_on(fake)
    task = backend.elevated_task()
    assert not task.installed()
    task.install()
    assert task.installed()
    assert "<RunLevel>HighestAvailable</RunLevel>" in schtasks.tasks[uac_task.TASK_NAME]
    backend.relaunch_elevated([])  # the window: through the task, no UAC prompt
    assert schtasks.runs == [uac_task.TASK_NAME]
    assert fake.launched == []
    backend.relaunch_elevated(["status"])  # a command still goes through the prompt
    assert len(fake.launched) == 1
    task.remove()
    assert not task.installed()
    backend.relaunch_elevated([])
    assert len(fake.launched) == 2


def test_a_standard_user_cannot_install_the_task_and_is_told_why() -> None:
    backend, _schtasks = backend_on(FakeWindows(admin=False))
    with pytest.raises(ActionError, match="Access is denied"):
        backend.elevated_task().install()
    with pytest.raises(ActionError, match="cannot find"):
        backend.elevated_task().remove()
