"""`ramlens` usage: an unknown command is named and the commands listed; --help covers every way in;
the light commands start without the heavy modules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app import cli

ROOT = Path(__file__).resolve().parent.parent


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


# What no command below needs: the GUI, numpy (history, census, snapshots), psutil (processes),
# the metrics server's HTTP stack. Building the parser imports every subcommand module, so one heavy
# import at the top of any of them would show here.
HEAVY = ("PySide6", "numpy", "psutil", "http.server", "prometheus_client")
IMPORTS_CHILD = """
import contextlib, io, sys
from ui import launcher
HEAVY = {heavy!r}
for argv in {commands!r}:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            code = launcher.main(argv)
        except SystemExit as exc:
            code = exc.code
    print(" ".join(argv), code, *sorted(m for m in HEAVY if m in sys.modules))
"""


def test_light_commands_import_nothing_heavy(tmp_path: Path) -> None:
    """`ramlens --help`, `status` and `actions` in a fresh interpreter, through the real entry point.

    The modules loaded are read after each command; a command that needs psutil comes last, to show
    that the check sees a heavy import when there is one.
    """
    commands = [
        ["--help"],
        ["--version"],
        ["status"],
        ["actions", "--json"],
        ["-Ex"],
        ["snapshot", "save", str(tmp_path / "now.json")],
    ]
    code = IMPORTS_CHILD.format(heavy=HEAVY, commands=commands)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "--help 0",
        "--version 0",
        "status 0",
        "actions --json 0",
        "-Ex 2",
        f"snapshot save {tmp_path / 'now.json'} 0 psutil",  # its processes: the check sees a heavy import
    ]
