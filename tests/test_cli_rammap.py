"""RAMMap's -E switches: mapping, canonical order, refusal before anything runs, exit statuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import app.cli
from app.backends.base import Availability
from app.cli import rammap
from app.model import ActionResult
from tests.snapshot_samples import GIB, sample


class RecordingBackend:
    """Linux-shaped: records what runs; standby moves 1 GiB to free; compact refused."""

    name = "fake"
    platform = "linux"

    def __init__(self, unavailable: dict[str, str] | None = None, failing: tuple[str, ...] = ()):
        self.ran: list[str] = []
        self.unavailable = unavailable or {}
        self.failing = failing

    def availability(self) -> tuple[Availability, ...]:
        ids = ("working-sets", "modified-list", "standby-list", "kernel-caches", "compact")
        return tuple(Availability(a, a not in self.unavailable, self.unavailable.get(a, "")) for a in ids)

    def sample(self):  # noqa: ANN201
        return sample()

    def run(self, action_id: str) -> ActionResult:
        self.ran.append(action_id)
        if action_id in self.failing:
            return ActionResult(action_id, False, 0.0, None, None, "the kernel refused: EPERM")
        return ActionResult(action_id, True, 0.25, sample(standby=3 * GIB), sample(standby=2 * GIB))


@pytest.fixture
def backend(monkeypatch: pytest.MonkeyPatch) -> RecordingBackend:
    fake = RecordingBackend()
    monkeypatch.setattr(rammap, "backend_or_exit", lambda: fake)
    return fake


def test_switches_map_onto_the_catalogue() -> None:
    assert rammap.parse(["-Ew"]) == (("working-sets",), False)
    assert rammap.parse(["-Et", "-Em", "-Ew", "--json"]) == (
        ("working-sets", "modified-list", "standby-list"),
        True,
    )
    assert rammap.parse(["-Es", "-E0"]) == (("system-file-cache", "standby-priority0"), False)
    assert rammap.parse(["-Et", "-Et"]) == (("standby-list",), False)


def test_combined_switches_run_in_canonical_order(backend: RecordingBackend, capsys) -> None:
    assert app.cli.main(["-Et", "-Em", "-Ew"]) == 0
    assert backend.ran == ["working-sets", "modified-list", "standby-list"]
    out = capsys.readouterr().out.splitlines()
    heads = [line for line in out if not line.startswith(" ")]
    assert heads == [
        "Empty working sets: Standby −1.0 GiB, Free +1.0 GiB, 0.2 s",
        "Flush modified list: Standby −1.0 GiB, Free +1.0 GiB, 0.2 s",
        "Purge standby list: Standby −1.0 GiB, Free +1.0 GiB, 0.2 s",
    ]
    assert "  Standby" in out[1] and "→" in out[1]  # each list's before → after, as `empty` prints


def test_json_output(backend: RecordingBackend, capsys) -> None:
    assert app.cli.main(["-Et", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [d["action"] for d in doc] == ["standby-list"] and doc[0]["ok"] is True


@pytest.mark.parametrize("argv", [["-Ex"], ["-E"], ["-Ew", "-Ez"], ["-Ew", "--yes"], ["-Ew", "extra"]])
def test_bad_usage_exits_2_and_runs_nothing(backend: RecordingBackend, argv: list[str], capsys) -> None:
    assert app.cli.main(argv) == 2
    assert backend.ran == []
    assert "ramlens:" in capsys.readouterr().err


def test_subcommand_name_wins_over_a_stray_switch(backend: RecordingBackend) -> None:
    with pytest.raises(SystemExit) as info:
        app.cli.main(["snapshot", "show", "-Ew"])
    assert info.value.code == 2  # argparse's usage error
    assert backend.ran == []


def test_other_os_switch_is_stated_and_nothing_runs(backend: RecordingBackend, capsys) -> None:
    assert app.cli.main(["-Ew", "-Es"]) == 2
    assert backend.ran == []  # not even -Ew: a script must not half-run
    err = capsys.readouterr().err
    assert "-Es (Empty system file cache) does not exist on linux: it is a Windows feature" in err
    assert "nothing was run" in err


def test_without_rights_exit_2_with_reason(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    fake = RecordingBackend(unavailable={"standby-list": "needs root: run as root or install the helper"})
    monkeypatch.setattr(rammap, "backend_or_exit", lambda: fake)
    assert app.cli.main(["-Et"]) == 2
    assert fake.ran == []
    assert "-Et (Purge standby list) is unavailable: needs root" in capsys.readouterr().err


def test_a_failure_exits_1_after_running_the_rest(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    fake = RecordingBackend(failing=("modified-list",))
    monkeypatch.setattr(rammap, "backend_or_exit", lambda: fake)
    assert app.cli.main(["-Em", "-Et"]) == 1
    assert fake.ran == ["modified-list", "standby-list"]
    assert "modified-list failed: the kernel refused: EPERM" in capsys.readouterr().out


def test_help(capsys) -> None:
    assert app.cli.main(["-Ew", "--help"]) == 0
    assert "-E0" in capsys.readouterr().out


def test_gui_is_not_started_for_switches() -> None:
    assert not app.cli.wants_gui(["-Ew"])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the real Linux backend")
def test_real_entry_point_refuses_windows_switch() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "-E0"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert "does not exist on linux" in proc.stderr


@pytest.mark.root
@pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.geteuid() != 0, reason="runs a real flush; needs root on Linux"
)
def test_real_modified_flush_as_root() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "-Em", "--json"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc[0]["action"] == "modified-list" and doc[0]["ok"] is True
