"""Issue 12 through the command line: hostile intervals, terminal escapes, /proc values out of range.

Each test failed before the fix: ``watch --interval inf`` died with OverflowError, snapshot fields
and live process names reached the terminal raw, a 5,000-digit /proc/meminfo value raised
ValueError (Python's integer digit limit) and an absurd MemTotal made a file the loader refuses.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from app import cli
from app import snapshot as snap
from app.backends.base import BackendError
from app.backends.linux.procfs import parse_meminfo, parse_vmstat
from app.cli import status
from tests.fake_backend import FakeBackend
from tests.snapshot_samples import MACHINE, PROCESSES, snapshot

HOSTILE = "\x1b[2J\x1b]0;OWN\x07"  # clear the screen, retitle the terminal
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # every control character but the newline
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the live Linux backend")


@pytest.mark.parametrize("interval", ["inf", "1e300", "1e10", "nan", "-1", "0", "-inf", "0.001"])
def test_watch_refuses_intervals_outside_a_sane_range(
    interval: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(status, "backend_or_exit", FakeBackend)
    assert cli.main(["watch", "--count", "2", f"--interval={interval}"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "--interval must be 0.01 to 86400 s" in captured.err


def _hostile_snapshot() -> snap.Snapshot:
    machine = replace(MACHINE, hostname=f"host{HOSTILE}", os=f"Linux\x9b31m{HOSTILE}")
    procs = (*PROCESSES, replace(PROCESSES[1], pid=4242, name=f"evil{HOSTILE}\u202eexe.txt", user=HOSTILE))
    return replace(snapshot(processes=procs), machine=machine, app_version=f"1{HOSTILE}")


def test_snapshot_show_and_diff_print_no_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.json", tmp_path / f"b{HOSTILE}.json"
    snap.save(a, replace(snapshot(), processes=()))
    snap.save(b, _hostile_snapshot())
    for args in (["snapshot", "show", str(b)], ["snapshot", "diff", str(a), str(b), "--all"]):
        assert cli.main(args) == 0
        out = capsys.readouterr().out
        assert not CONTROL.search(out) and "\u202e" not in out
        assert "evil\\x1b[2J\\x1b]0;OWN\\x07\\u202eexe.txt" in out  # shown, made harmless
    for args in (["snapshot", "show", "--json", str(b)], ["snapshot", "diff", "--json", str(a), str(b)]):
        assert cli.main(args) == 0
        out = capsys.readouterr().out
        assert out.isascii() and json.loads(out)  # still the document, escaped the JSON way
    (tmp_path / f"bad{HOSTILE}.json").write_text("{")
    assert cli.main(["snapshot", "show", str(tmp_path / f"bad{HOSTILE}.json")]) == 1
    assert not CONTROL.search(capsys.readouterr().err)


@linux_only
def test_a_live_process_naming_itself_with_escapes_is_printed_harmless(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A child renames itself with prctl(PR_SET_NAME) — what any program can do to its own comm.
    code = (
        "import ctypes, sys, time\n"
        f"ctypes.CDLL(None).prctl(15, {HOSTILE.encode()!r}, 0, 0, 0)\n"
        "print('named', flush=True)\n"
        "time.sleep(120)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "named"
        comm = Path(f"/proc/{child.pid}/comm").read_text()
        assert comm.startswith("\x1b[2J")  # the kernel keeps the name as given
        empty = tmp_path / "empty.json"
        snap.save(empty, replace(snapshot(), processes=()))
        assert cli.main(["snapshot", "diff", str(empty), "now", "--all"]) == 0
        out = capsys.readouterr().out
        assert f"{child.pid:>8}  \\x1b[2J\\x1b]0;OWN\\x07" in out
        assert not CONTROL.search(out)
    finally:
        child.kill()
        child.wait()


MEMINFO = "MemTotal:       16000000 kB\nMemFree:         8000000 kB\nCached:          {cached} kB\n"


def test_a_5000_digit_meminfo_value_is_a_bad_line() -> None:
    with pytest.raises(BackendError, match=r"line 3 is not 'Name: value \[kB\]'"):
        parse_meminfo(MEMINFO.format(cached="9" * 5000))
    with pytest.raises(BackendError, match=r"line 1 is not 'name value'"):
        parse_vmstat("nr_free_pages " + "9" * 5000 + "\n")
    assert parse_meminfo(MEMINFO.format(cached="18446744073709551615"))["Cached"] > 0  # 20 digits: u64


@pytest.mark.parametrize("total", ["0", "2000000000000 "])  # kB: 0, and 1.9 EiB
def test_an_absurd_memtotal_is_refused_with_a_sentence(total: str) -> None:
    text = MEMINFO.format(cached="1").replace("16000000", total.strip())
    with pytest.raises(BackendError, match="MemTotal is .* which no machine has"):
        parse_meminfo(text)


def test_the_cli_never_saves_what_it_cannot_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import snapshot as cli_snapshot

    backend = FakeBackend()
    huge = replace(backend.sample(), total_bytes=1 << 60, available_bytes=0)
    monkeypatch.setattr(backend, "sample", lambda: huge)
    monkeypatch.setattr(cli_snapshot, "backend_or_exit", lambda: backend)
    target = tmp_path / "s.json"
    assert cli.main(["snapshot", "save", str(target)]) == 1
    assert "not a valid snapshot, nothing was written" in capsys.readouterr().err
    assert not target.exists()


def test_the_helper_runs_isolated_from_the_callers_python_environment(tmp_path: Path) -> None:
    helper = Path(__file__).resolve().parent.parent / "app" / "helper.py"
    shebang = helper.read_text().splitlines()[0]
    assert shebang.startswith("#!") and "-I" in shebang.split()
    flags = [word for word in shebang.split()[1:] if word.startswith("-") and word != "-S"]
    hijack = tmp_path / "app"
    hijack.mkdir()
    (hijack / "__init__.py").write_text("import sys\nprint('HIJACKED')\nsys.exit(99)\n")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, *flags, str(helper), "not-an-action"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "HIJACKED" not in done.stdout  # PYTHONPATH (and the current folder) were not looked at
    assert done.returncode == 2 and "refused" in done.stderr
