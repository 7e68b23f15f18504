"""Restart as administrator: ShellExecuteW "runas" with the same arguments."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from app.backends import ActionError
from app.backends.windows import elevation
from tests.windows.conftest import Make


def test_relaunch_uses_runas_with_the_same_arguments_in_the_same_directory(make: Make) -> None:
    fake, backend = make(admin=False)
    assert backend.can_relaunch_elevated()
    backend.relaunch_elevated(["empty", "standby-list", "--json"])
    assert len(fake.launched) == 1
    verb, program, parameters, directory = fake.launched[0]
    assert verb == "runas"
    assert program == sys.executable
    assert parameters is not None and parameters.endswith("empty standby-list --json")
    assert directory == os.getcwd()


def test_arguments_with_spaces_survive_the_command_line() -> None:
    program, parameters = elevation.command_line(["snapshot", "save", r"C:\My Files\a b.json"])
    assert program == sys.executable
    assert parameters.endswith(subprocess.list2cmdline(["snapshot", "save", r"C:\My Files\a b.json"]))
    assert parameters.startswith("-m ui.launcher ")  # the module behind the `ramlens` entry point


def test_a_frozen_build_relaunches_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    program, parameters = elevation.command_line(["status"])
    assert (program, parameters) == (sys.executable, "status")


def test_cancelling_the_prompt_is_an_action_error(make: Make) -> None:
    fake, backend = make(admin=False)
    fake.shell_answer = "cancel"
    with pytest.raises(ActionError, match="cancelled"):
        backend.relaunch_elevated([])


def test_privilege_note_only_when_not_elevated(make: Make) -> None:
    _fake, user = make(admin=False)
    _fake2, admin = make()
    assert "Restart as administrator" in user.privilege_note()
    assert admin.privilege_note() == ""
