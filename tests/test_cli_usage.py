"""`ramlens` usage: an unknown command is named and the commands listed; --help covers every way in."""

from __future__ import annotations

import pytest

from app import cli


def test_an_unknown_command_is_refused_with_the_list_of_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert not cli.wants_gui(["frobnicate"])  # not the window's usage line
    assert cli.main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert "unknown command 'frobnicate'" in err
    for command in ("status", "empty", "snapshot", "frag", "pages", "files", "serve"):
        assert f"\n  {command} " in err


def test_gui_option_values_are_not_commands() -> None:
    assert cli.wants_gui(["--tab", "pages"])
    assert cli.wants_gui(["--screenshot", "status.png", "--tab", "history"])
    assert not cli.wants_gui(["--tab", "pages", "status"])


def test_help_names_the_window_options_and_the_rammap_switches(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for word in (
        "--screenshot FILE",
        "--tab NAME",
        "--minimized",
        "-Ew",
        "-Es",
        "-Em",
        "-Et",
        "-E0",
        "--elevate",
    ):
        assert word in out
