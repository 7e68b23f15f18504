"""The command line on "Windows": app.cli.main with detect() returning a backend on the fake kernel."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import app.cli.common
from app import cli
from tests.windows.conftest import backend_on
from tests.windows.fake_kernel import WIN81, FakeWindows


@pytest.fixture
def windows_cli(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., FakeWindows]]:
    """A factory: detect() everywhere returns a WindowsBackend over a fake kernel built from these kwargs."""
    fakes: list[FakeWindows] = []

    def use(**kwargs: Any) -> FakeWindows:
        fake = FakeWindows(**kwargs)
        backend, _schtasks = backend_on(fake)
        # Both names: app.cli.common bound detect at import.
        monkeypatch.setattr("app.backends.detect", lambda: backend)
        monkeypatch.setattr(app.cli.common, "detect", lambda: backend)
        fakes.append(fake)
        return fake

    yield use
    assert all(fake.errors == [] for fake in fakes)


@pytest.fixture
def on_windows(windows_cli: Callable[..., FakeWindows]) -> FakeWindows:
    """The CLI on a default (elevated Windows 11) fake kernel."""
    return windows_cli()


def test_elevate_runs_the_command_elevated_and_returns_its_output(
    on_windows: FakeWindows, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--elevate", "empty", "all"]) == 0
    launched = on_windows.launched[0]
    assert launched["verb"] == "runas"
    parameters = launched["parameters"]
    assert parameters is not None and parameters.endswith("empty all")
    assert "--elevate" not in parameters
    assert capsys.readouterr().out == "ran empty all\n"  # the fake child's output, printed here


def test_elevate_returns_the_elevated_commands_failure(
    windows_cli: Callable[..., FakeWindows], capsys: pytest.CaptureFixture[str]
) -> None:
    windows_cli(child=lambda argv: (1, "refused\n"))
    assert cli.main(["--elevate", "empty", "standby-list", "--yes"]) == 1
    assert capsys.readouterr().out == "refused\n"


def test_elevate_alone_relaunches_the_window(on_windows: FakeWindows) -> None:
    assert cli.main(["--elevate"]) == 0
    assert on_windows.launched[0]["parameters"] is not None
    assert not cli.wants_gui(["--elevate"])  # handled by main(), which starts the elevated window


def test_elevate_cancelled_exits_1(on_windows: FakeWindows, capsys: pytest.CaptureFixture[str]) -> None:
    on_windows.shell_answer = "cancel"
    assert cli.main(["--elevate", "status"]) == 1
    assert "cancelled" in capsys.readouterr().err


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the real detect() must give the Linux backend"
)
def test_elevate_elsewhere_is_a_clear_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--elevate", "status"]) == 2
    err = capsys.readouterr().err
    assert "--elevate" in err and "Windows" in err


def test_status_json_prints_the_full_view(
    on_windows: FakeWindows, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["status", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["platform"] == "windows" and doc["backend"] == "ntdll"
    lists = {entry["key"]: entry["bytes"] for entry in doc["lists"]}
    assert lists["zeroed"] == on_windows.zeroed * on_windows.page_size
    assert lists["standby"] == sum(on_windows.standby) * on_windows.page_size


def test_status_text(on_windows: FakeWindows, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["status"]) == 0
    out = capsys.readouterr().out
    assert "Standby" in out and "Zeroed" in out


def test_actions_lists_the_windows_catalogue(
    on_windows: FakeWindows, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["actions"]) == 0
    out = capsys.readouterr().out
    for action_id in ("combine-pages", "registry-cache", "standby-priority0", "modified-file-cache"):
        assert action_id in out


def test_empty_standby_moves_pages_and_exits_0(
    on_windows: FakeWindows, capsys: pytest.CaptureFixture[str]
) -> None:
    standby = sum(on_windows.standby)
    assert cli.main(["empty", "standby-list", "--json", "--yes"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is True
    changes = {c["key"]: c["delta"] for c in doc["changes"]}
    assert changes["standby"] == -standby * on_windows.page_size
    assert sum(on_windows.standby) == 0


def test_empty_refused_by_the_kernel_exits_1_with_the_status(
    on_windows: FakeWindows, capsys: pytest.CaptureFixture[str]
) -> None:
    on_windows.refuse[("set", 80)] = 0xC0000022
    assert cli.main(["empty", "working-sets", "--yes"]) == 1
    captured = capsys.readouterr()
    assert "STATUS_ACCESS_DENIED" in captured.out + captured.err


def test_empty_unavailable_action_exits_2(
    windows_cli: Callable[..., FakeWindows], capsys: pytest.CaptureFixture[str]
) -> None:
    windows_cli(version=WIN81)
    assert cli.main(["empty", "combine-pages"]) == 2
    captured = capsys.readouterr()
    assert "Windows 10" in captured.out + captured.err


def test_empty_all_on_windows_8_1_runs_the_rest_and_names_what_it_skipped(
    windows_cli: Callable[..., FakeWindows], capsys: pytest.CaptureFixture[str]
) -> None:
    fake = windows_cli(version=WIN81)
    assert cli.main(["empty", "all", "--yes", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [s["action"] for s in doc["steps"]][:2] == ["system-file-cache", "registry-cache"]
    assert "Combine memory pages: needs Windows 10" in doc["message"]
    assert sum(fake.standby) == 0


def test_not_elevated_status_says_it_is_limited_and_empty_is_refused(
    windows_cli: Callable[..., FakeWindows], capsys: pytest.CaptureFixture[str]
) -> None:
    windows_cli(admin=False)
    assert cli.main(["status", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["backend"] == "pdh" and "administrator" in doc["limited"]
    assert cli.main(["empty", "standby-list", "--yes"]) == 2
    assert "administrator" in capsys.readouterr().err
