"""Fuzz every ``ramlens`` subcommand with generated arguments: no traceback, no hang, a known status.

Arguments are built from each subcommand's own parser (so a new option is fuzzed without editing
this file): any subset of its options, each with a value drawn from hostile pools — FIFOs, device
nodes, folders, symlinks, missing and undecodable file names, unicode and control characters,
huge, negative and non-finite numbers — plus stray tokens. The CLI runs in-process on a fake
backend (nothing is emptied for real); a fake Ctrl+C after many readings stands in for the person
who ends an endless ``watch``, and sleeps are skipped so intervals cost no time. ``--help`` and
unknown options of every subcommand also run in a child process with a time limit.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import cli
from app import snapshot as snap
from app.backends.base import Capabilities
from app.backends.linux.filecache import PageCacheFiles
from app.cli import files, frag, helper, pages, rammap, serve, status
from app.cli import snapshot as cli_snapshot
from tests.fake_backend import FakeBackend
from tests.snapshot_samples import snapshot

ROOT = Path(__file__).resolve().parent.parent
EXIT_STATUSES = {0, 1, 2, 130}  # done, failed, usage, interrupted
MAX_READINGS = 200  # then the fake Ctrl+C
MAX_SCANNED = 200  # files a fuzzed file scan measures before it is cancelled
# CI replays the same examples every run (a landing never fails on a new random draw); a developer's
# run draws new ones, which is how the NUL file name was found.
IN_CI = os.environ.get("CI") == "true"

# Subcommands whose work is fuzzed in-process, with how many examples each (the census reads every
# page frame of this machine: a few examples). A subcommand registered later fails
# test_every_subcommand_is_fuzzed until it is listed here or in NOT_FUZZED with a reason.
FUZZED = {
    "status": 40,
    "watch": 40,
    "actions": 30,
    "empty": 40,
    "snapshot save": 30,
    "snapshot show": 40,
    "snapshot diff": 40,
    "frag": 15,
    "pages": 3,
    "files": 30,
    "serve": 30,  # its checks of the options; the server loop itself is stubbed (it runs until stopped)
    # Parsing and the capability check only: the fake backend offers no helper set-up, so nothing is
    # ever installed (for real, install and uninstall write root-owned files).
    "helper status": 20,
    "helper install": 20,
    "helper uninstall": 20,
}
NOT_FUZZED: dict[str, str] = {}

NUMBERS = [
    "0",
    "1",
    "-1",
    "-0",
    "0.5",
    "1e300",
    "-1e300",
    "inf",
    "-inf",
    "nan",
    "9" * 5000,
    "0x10",
    "1_0",
    "٣",
]
TOKENS = ["--", "-", "--json", "--all", "-h", "--nope", "-Ew", "-E0", "-Ex", "now", "all", "standby-list"]


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    """Every subcommand's parser, by name ("snapshot save" for nested ones)."""
    found: dict[str, argparse.ArgumentParser] = {}

    def walk(prefix: str, parser: argparse.ArgumentParser) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(f"{prefix} {name}".strip(), sub)
                return
        found[prefix] = parser

    walk("", cli.build_parser())
    found.pop("", None)
    return found


@pytest.fixture(scope="module")
def hostile_paths(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Paths of every awkward kind, made once."""
    base = tmp_path_factory.mktemp("hostile")
    fifo = base / "pipe.json"
    os.mkfifo(fifo)
    (base / "folder").mkdir()
    (base / "junk.json").write_bytes(b"\x00\xff{[" * 100)
    (base / "empty.json").write_bytes(b"")
    snap.save(base / "good.json", snapshot())
    (base / "loop").symlink_to(base / "loop")
    (base / "to-null").symlink_to("/dev/null")
    (base / "snäp😀.json").write_text("{")
    paths = [fifo, base / "folder", base / "junk.json", base / "empty.json", base / "good.json"]
    paths += [base / "loop", base / "to-null", base / "snäp😀.json", base / "missing" / "x.json"]
    names = [str(p) for p in paths] + ["/dev/null", "/dev/zero", "/", ".", "", "\x1b[2J.json", "nul\x00.json"]
    names.append(os.fsdecode(b"undecodable-\xff.json"))  # what a non-UTF-8 file name becomes in argv
    return names


def _value(paths: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(NUMBERS) | st.sampled_from(paths) | st.text(max_size=12) | st.sampled_from(TOKENS)


def _argv(name: str, parser: argparse.ArgumentParser, paths: list[str]) -> st.SearchStrategy[list[str]]:
    """Generated arguments for one subcommand: its options in any subset, hostile values, strays."""
    options = [a for a in parser._actions if a.option_strings and not isinstance(a, argparse._HelpAction)]
    positionals = [a for a in parser._actions if not a.option_strings]
    # Each strategy made once: hypothesis checks a strategy object the first time it draws from it.
    value = _value(paths)
    chosen = st.lists(st.sampled_from(options), unique=True)
    flags = {id(a): st.sampled_from(a.option_strings) for a in options}
    several, strays = st.lists(value, max_size=3), st.lists(value, max_size=2)

    @st.composite
    def build(draw: st.DrawFn) -> list[str]:
        argv = name.split()
        for action in draw(chosen) if options else []:
            flag = draw(flags[id(action)])
            if action.nargs == 0:
                argv.append(flag)
            elif action.nargs == "*":  # e.g. ``snapshot save FILE --files [PATH…]``: none, one or more
                argv += [flag, *draw(several)]
            else:
                argv += [flag, draw(value)] if draw(st.booleans()) else [f"{flag}={draw(value)}"]
        argv += [draw(value) for _ in positionals]
        argv += draw(strays)
        return argv

    return build()


class _FewFiles(PageCacheFiles):
    """The real file-cache scan, cancelled after MAX_SCANNED files: a fuzzed ``--files /`` must not
    walk the whole machine, and the cancelled (partial) scan is a path the commands must handle."""

    def scan(self, paths, progress=None, cancelled=None):  # type: ignore[no-untyped-def]
        polls = itertools.count()  # the scan asks between files
        return super().scan(paths, progress, lambda: next(polls) >= MAX_SCANNED)


class _CtrlC(FakeBackend):
    """The fake backend, interrupted after MAX_READINGS readings as a person ends an endless watch."""

    def sample(self):  # type: ignore[no-untyped-def]
        if self.samples_taken >= MAX_READINGS:
            raise KeyboardInterrupt
        return super().sample()


class _CtrlCWithFiles(_CtrlC):
    """For the snapshot commands: the real file-cache capability (bounded), so ``--files`` scans
    this machine."""

    def __init__(self) -> None:
        super().__init__(capabilities=Capabilities(file_cache=_FewFiles()))


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Every command on a fresh fake backend, in a scratch folder, with sleeps skipped."""
    for module in (status, cli_snapshot, rammap, frag, pages, files, serve, helper):
        if hasattr(module, "backend_or_exit"):
            monkeypatch.setattr(
                module, "backend_or_exit", _CtrlCWithFiles if module is cli_snapshot else _CtrlC
            )
    monkeypatch.setattr(time, "sleep", lambda seconds: None)
    monkeypatch.setattr(serve, "serve", lambda *args, **kwargs: 0)  # would answer scrapes until stopped
    monkeypatch.chdir(tmp_path)  # relative names write here, never into the source tree
    yield


def _run(argv: list[str]) -> None:
    """One run: a known exit status and no traceback; any exception escaping main fails the test.

    Output goes to streams with the error handlers Python gives a real terminal in a UTF-8 locale:
    stdout strict (an undecodable file name printed raw would raise), stderr backslashreplace.
    """
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as exc:  # argparse's usage errors (2) and --help (0)
            code = exc.code if isinstance(exc.code, int) else 2
        out.flush()
        err.flush()
    assert code in EXIT_STATUSES, (argv, code)
    for stream in (out, err):
        assert b"Traceback" not in stream.buffer.getvalue(), argv  # type: ignore[attr-defined]


def test_every_subcommand_is_fuzzed() -> None:
    registered = set(_subcommands())
    assert registered <= set(FUZZED) | set(NOT_FUZZED), (
        f"not fuzzed: {registered - set(FUZZED) - set(NOT_FUZZED)}"
    )


@pytest.mark.parametrize("name", list(FUZZED))
def test_generated_arguments(name: str, hostile_paths: list[str], offline: None) -> None:
    parser = _subcommands()[name]

    @settings(
        derandomize=IN_CI,
        max_examples=FUZZED[name],
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(_argv(name, parser, hostile_paths))
    def run(argv: list[str]) -> None:
        _run(argv)

    run()


@settings(
    derandomize=IN_CI,
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(
        st.sampled_from(["-Ew", "-Es", "-Em", "-Et", "-E0", "-E", "-Ez", "--json", "now", "-h"]), min_size=1
    )
)
def test_rammap_switches(offline: None, argv: list[str]) -> None:
    _run(argv)


@settings(derandomize=IN_CI, max_examples=80, deadline=None)
@given(
    st.lists(st.text(max_size=8) | st.sampled_from([*TOKENS, "--screenshot", "--tab", "status"]), max_size=4)
)
def test_deciding_between_window_and_command_line_never_fails(argv: list[str]) -> None:
    assert isinstance(cli.wants_gui(argv), bool)


CHILD = """
import sys
from app import cli
for line in sys.stdin.read().splitlines():
    argv = line.split()
    try:
        code = cli.main(argv)
    except SystemExit as exc:
        code = exc.code
    print(" ".join(argv), "->", code, file=sys.stderr)
"""


def test_every_subcommand_answers_usage_in_a_child_process() -> None:
    """Real stdout and stderr, the real backend: usage is answered before any work, within a minute."""
    lines = [f"{name} {extra}" for name in sorted(_subcommands()) for extra in ("--help", "--no-such-option")]
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        input="\n".join(lines),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    results = [line for line in done.stderr.splitlines() if " -> " in line]
    assert results == [f"{line} -> {0 if line.endswith('--help') else 2}" for line in lines]
