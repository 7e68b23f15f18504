"""``ramlens status / watch / actions / empty``: in-process on a capture, and for real as root and nobody."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli, csvlog
from app.backends import BackendError
from app.backends.linux import LinuxBackend, access
from app.cli import status
from app.model import LIST_KEYS, Sample

FIXTURES = Path(__file__).parent / "fixtures" / "linux"
ROOT = Path(__file__).resolve().parent.parent
RAMLENS = Path(sys.executable).parent / "ramlens"
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def fake_host(tmp_path: Path, euid: int) -> access.Host:
    proc = tmp_path / "hostproc"
    (proc / "sys/vm").mkdir(parents=True)
    (proc / "sys/vm/drop_caches").touch()
    (proc / "sys/vm/compact_memory").touch()
    return access.Host(proc, tmp_path, euid, "x86_64", True, True)


@pytest.fixture
def captured(monkeypatch, tmp_path):
    """The CLI reading the busy-cache capture as an ordinary user."""
    backend = LinuxBackend(proc=FIXTURES / "busy-cache", host=fake_host(tmp_path, 1000))
    monkeypatch.setattr(status, "backend_or_exit", lambda: backend)
    return backend


def test_status_table(captured, capsys):
    assert cli.main(["status"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    # In use 158792 kB of 24683656 kB = 0.6 %; Free 22625028 + 23828 (per-CPU lists) = 22648856 kB = 91.8 %;
    # Modified 1876008 kB = 7.6 %
    assert any(line.startswith("In use") and line.endswith("0.6 %") for line in lines)
    assert any(line.startswith("Free") and "21.6 GiB" in line and line.endswith("91.8 %") for line in lines)
    assert any(line.startswith("Modified") and "1.8 GiB" in line and line.endswith("7.6 %") for line in lines)
    assert any(line.startswith("  Anonymous") for line in lines)  # parts indented
    assert "Not kept by this system: Modified no-write, Zeroed, Bad" in out


def test_status_json_is_designs_document(captured, capsys):
    assert cli.main(["status", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert list(doc)[:9] == [
        "schema",
        "time",
        "platform",
        "backend",
        "page_size",
        "total_bytes",
        "available_bytes",
        "lists",
        "details",
    ]
    assert (doc["schema"], doc["platform"], doc["backend"]) == (1, "linux", "procfs")
    assert doc["time"].endswith("Z")
    assert doc["total_bytes"] == 24683656 * 1024
    standby = next(m for m in doc["lists"] if m["key"] == "standby")
    assert standby["parts"][0] == {"key": "inactive", "label": "Low priority (inactive)", "bytes": 0}
    assert Sample.from_json(doc).bytes_of("free") == (22625028 + 23828) * 1024  # MemFree + per-CPU lists


def test_watch_csv_one_flushed_row_per_sample(captured, capsys):
    assert cli.main(["watch", "--count", "3", "--interval", "0.01", "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == list(csvlog.HEADER)
    assert len(rows) == 4
    for row in rows[1:]:
        cells = dict(zip(rows[0], row, strict=True))
        assert cells["time"].endswith("Z")
        assert cells["free_bytes"] == str((22625028 + 23828) * 1024)  # MemFree + per-CPU lists
        assert cells["zeroed_bytes"] == ""  # absent, not 0
        assert sum(int(cells[f"{k}_bytes"]) for k in LIST_KEYS if cells[f"{k}_bytes"]) == 24683656 * 1024
        assert cells["total_bytes"] == str(24683656 * 1024)


def test_watch_human_and_bad_usage(captured, capsys):
    assert cli.main(["watch", "--count", "2", "--interval", "0.01"]) == 0
    assert capsys.readouterr().out.count("Free 21.6 GiB") == 2
    assert cli.main(["watch", "--interval", "0"]) == 2
    assert "--interval" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        cli.main(["watch", "--count", "many"])
    assert info.value.code == 2


def test_actions_as_ordinary_user(captured, capsys):
    assert cli.main(["actions", "--json"]) == 0
    listed = {a["id"]: a for a in json.loads(capsys.readouterr().out)}
    assert listed["modified-list"]["available"] is True
    assert listed["standby-list"]["available"] is False and "needs root" in listed["standby-list"]["reason"]
    assert cli.main(["actions"]) == 0
    assert "standby-list   Purge standby list — unavailable: needs root" in capsys.readouterr().out


def test_empty_unknown_unavailable_and_unconfirmed(captured, capsys, monkeypatch):
    assert cli.main(["empty", "nonsense"]) == 2
    assert "unknown action 'nonsense'" in capsys.readouterr().err
    assert cli.main(["empty", "registry-cache"]) == 2
    assert (
        "Empty registry cache is not available on linux: it is a Windows feature" in capsys.readouterr().err
    )
    assert cli.main(["empty", "standby-list", "--yes"]) == 2
    assert "needs root" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal
    assert cli.main(["empty", "modified-list"]) == 2
    assert "pass --yes" in capsys.readouterr().err


def test_empty_asks_on_a_terminal(captured, capsys, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    assert cli.main(["empty", "modified-list"]) == 1
    assert "cancelled" in capsys.readouterr().err


@pytest.mark.page_cache
def test_empty_modified_list_for_real_prints_where_pages_went(capsys):
    """sync is allowed for anyone; runs on the live machine."""
    assert cli.main(["empty", "modified-list", "--yes", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is True and doc["action"] == "modified-list"
    assert doc["before"]["platform"] == "linux" and doc["after"]["lists"]
    assert "dirty + writeback" in doc["message"]
    assert cli.main(["empty", "modified-list", "--yes"]) == 0
    assert capsys.readouterr().out.startswith("Flush modified list: ")


@pytest.mark.page_cache
@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to purge the standby list for real")
def test_empty_standby_list_as_root_via_the_installed_command(tmp_path):
    if not RAMLENS.exists():
        pytest.skip(f"the ramlens entry point is not installed next to {sys.executable}")
    done = subprocess.run([str(RAMLENS), "empty", "standby-list", "--yes"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Purge standby list: ")
    assert "Standby" in done.stdout and "→" in done.stdout


def _nobody_can_run_ramlens() -> tuple[str, str]:
    """Why the CLI cannot be run as nobody here ("" when it can), and what the probe printed: its effective
    uid and /proc/self/status (one process both probes and shows the credentials a child of setpriv has).

    On the build VM the venv's python is a symlink into /root/.pyenv (/root is 0700): setpriv still holds its
    capabilities when it calls execve, so the binary is found; the program then runs as nobody with none,
    and Python falls back to the system's standard library because it cannot read /root/.pyenv's.
    """
    if os.geteuid() != 0:
        return "needs root to switch to the user nobody with setpriv", ""
    if shutil.which("setpriv") is None:
        return "setpriv (util-linux) is not installed", ""
    if not RAMLENS.exists():
        return f"the ramlens entry point is not installed next to {sys.executable}", ""
    code = "import os, app.cli.status, psutil; print(os.geteuid(), open('/proc/self/status').read())"
    probe = subprocess.run(
        [*NOBODY, sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd="/",
        env={"PATH": "/usr/bin:/bin", "HOME": "/", "PYTHONDONTWRITEBYTECODE": "1"},
    )
    if probe.returncode != 0:
        return (
            f"nobody cannot run {sys.executable} with RAMLens importable (the virtual environment or its "
            f"interpreter is not readable by other users): {probe.stderr.strip()[-300:]}",
            "",
        )
    return "", probe.stdout


def _as_nobody(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*NOBODY, str(RAMLENS), *args],
        capture_output=True,
        text=True,
        cwd="/",
        env={"PATH": "/usr/bin:/bin", "HOME": "/", "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=60,
    )


def test_unprivileged_user_for_real():
    """The CLI run as the user nobody: reading works; the root-only action is refused, with the reason."""
    why, creds = _nobody_can_run_ramlens()
    if why:
        pytest.skip(why)
    listed = _as_nobody("actions", "--json")
    assert listed.returncode == 0, listed.stderr
    actions_seen = {a["id"]: a for a in json.loads(listed.stdout)}
    if actions_seen["standby-list"]["via_helper"]:
        pytest.skip(
            "the pkexec helper is installed here: root-only actions go through it (see test_helper.py)"
        )
    assert {k: a["available"] for k, a in actions_seen.items()} == {
        "working-sets": False,
        "modified-list": True,
        "standby-list": False,
        "kernel-caches": False,
        "compact": False,
    }

    refused = _as_nobody("empty", "standby-list", "--yes")
    assert refused.returncode == 2, refused.stderr
    assert "Purge standby list is not available: needs root" in refused.stderr
    assert "sudo ramlens empty standby-list" in refused.stderr
    assert refused.stdout == ""

    unconfirmed = _as_nobody("empty", "standby-list")  # unavailable is said before any question
    assert unconfirmed.returncode == 2 and "needs root" in unconfirmed.stderr

    # Really unprivileged: uid nobody and no capabilities left (setpriv keeps them only until the execve).
    euid, status_text = creds.split(" ", 1)
    assert euid == "65534"
    assert "CapEff:\t0000000000000000" in status_text

    shown = _as_nobody("status", "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["platform"] == "linux"


def test_status_with_a_broken_meminfo_fails_naming_the_file(monkeypatch, tmp_path, capsys):
    tree = tmp_path / "proc"
    tree.mkdir()
    for f in (FIXTURES / "busy-cache").iterdir():
        shutil.copyfile(f, tree / f.name)
    (tree / "meminfo").write_text("MemTotal: lots\n")
    monkeypatch.setattr(status, "backend_or_exit", lambda: LinuxBackend(proc=tree))
    assert cli.main(["status"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ramlens: ") and f"{tree / 'meminfo'} line 1" in err
    assert cli.main(["watch", "--count", "1", "--csv"]) == 1


def test_watch_goes_on_after_a_failed_reading(captured, monkeypatch, capsys):
    """A transient read error is reported once, the log continues, and the exit status says so."""
    backend = status.backend_or_exit()
    real = backend.sample
    calls = {"n": 0}

    def flaky():
        calls["n"] += 1
        if calls["n"] in (2, 3):
            raise BackendError("/proc/meminfo cannot be read: Input/output error")
        return real()

    monkeypatch.setattr(backend, "sample", flaky)
    monkeypatch.setattr(status, "backend_or_exit", lambda: backend)
    assert cli.main(["watch", "--count", "5", "--interval", "0.01", "--csv"]) == 1
    out, err = capsys.readouterr()
    rows = out.strip().splitlines()
    assert rows[0].startswith("time,") and len(rows) == 1 + 3  # header + the 3 good readings
    assert err.count("Input/output error") == 1 and "readings work again" in err
