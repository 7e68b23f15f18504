"""``ramlens snapshot save|show|diff`` end to end through the CLI's main()."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import app.cli
from app import snapshot as snap
from app.cli import snapshot as cli_snapshot
from tests.snapshot_samples import GIB, MIB, PROCESSES, sample, snapshot

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the live Linux backend")


def test_registered() -> None:
    assert "app.cli.snapshot" in app.cli.COMMAND_MODULES
    assert not app.cli.wants_gui(["snapshot", "show", "x.json"])


@linux_only
def test_save_then_show_live(tmp_path: Path, capsys) -> None:
    path = tmp_path / "live.json"
    assert app.cli.main(["snapshot", "save", str(path)]) == 0
    assert "Saved" in capsys.readouterr().out
    loaded = snap.load(path)
    assert loaded.machine.platform == "linux"
    assert loaded.processes and any(p.pid == 1 for p in loaded.processes)
    assert loaded.fragmentation  # /proc/buddyinfo is readable by everyone
    assert sum(m.bytes for m in loaded.sample.lists) == loaded.sample.total_bytes
    assert app.cli.main(["snapshot", "show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "In use" in out and "processes; largest working sets" in out
    assert "free blocks per zone" in out and "fragmentation" in out


@linux_only
def test_save_with_minutes_records_history(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    # 0.39 s at 0.1 s a reading: three readings, 0.2 s apart (a whole reading's margin inside the window)
    assert app.cli.main(["snapshot", "save", str(path), "--minutes", "0.0065", "--interval", "0.1"]) == 0
    loaded = snap.load(path)
    assert loaded.history is not None and len(loaded.history) == 3


def test_save_bad_options_exit_2(tmp_path: Path) -> None:
    assert app.cli.main(["snapshot", "save", str(tmp_path / "x.json"), "--minutes", "-1"]) == 2


@linux_only
def test_save_to_unwritable_place_exit_1(tmp_path: Path, capsys) -> None:
    assert app.cli.main(["snapshot", "save", str(tmp_path / "no" / "such" / "dir.json")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_show_json_is_the_validated_document(tmp_path: Path, capsys) -> None:
    snap.save(tmp_path / "a.json", snapshot())
    assert app.cli.main(["snapshot", "show", str(tmp_path / "a.json"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == snapshot().to_json()


def test_show_corrupt_file_exit_1_with_reason(tmp_path: Path, capsys) -> None:
    (tmp_path / "bad.json").write_text('{"kind": "ramlens-snapshot", "schema": 1, "sample": ')
    assert app.cli.main(["snapshot", "show", str(tmp_path / "bad.json")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ramlens: bad.json: not a snapshot: truncated")


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    a = tmp_path / "before.json"
    b = tmp_path / "after.json"
    snap.save(a, snapshot())
    later = (replace(PROCESSES[1], working_set=PROCESSES[1].working_set + 500 * MIB), PROCESSES[0])
    snap.save(b, snapshot(sample=sample(standby=2 * GIB, time=1_790_000_400.0), processes=later))
    return a, b


def test_diff_text(tmp_path: Path, capsys) -> None:
    a, b = _pair(tmp_path)
    assert app.cli.main(["snapshot", "diff", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert f"From {a} to {b} (5 min later)" in out
    assert "Standby" in out and "−4.0 GiB" in out and "+4.0 GiB" in out
    assert "0 appeared, 1 exited, 1 grew, 0 shrank" in out
    assert "firefox" in out and "grew" in out and "+500.0 MiB" in out


def test_diff_text_leaves_out_unchanged_kernel_threads_and_keeps_names_in_their_column(
    tmp_path: Path, capsys
) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    long_name = "a-very-long-process-name-for-the-column"
    grown = replace(PROCESSES[1], name=long_name, working_set=PROCESSES[1].working_set + MIB)
    kworker = replace(PROCESSES[0], pid=77, name="kworker/1:2-events", working_set=0, create_time=4000.0)
    snap.save(a, snapshot())
    snap.save(b, snapshot(processes=(PROCESSES[0], grown, PROCESSES[2], kworker)))
    assert app.cli.main(["snapshot", "diff", str(a), str(b), "--all"]) == 0
    out = capsys.readouterr().out
    processes = out.split("Processes:")[1]
    assert "kworker" not in processes and "+0 B" not in processes
    assert "(1 without memory of their own, e.g. kernel threads, not listed)" in out
    row = next(line for line in out.splitlines() if "a-very-long" in line)
    assert "a-very-long-process-name-f… appeared" in row  # cut, and a space before the next column


def test_diff_json(tmp_path: Path, capsys) -> None:
    a, b = _pair(tmp_path)
    assert app.cli.main(["snapshot", "diff", str(a), str(b), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    lists = {c["key"]: c["delta"] for c in doc["lists"]}
    assert lists["standby"] == -4 * GIB and lists["free"] == 4 * GIB
    assert doc["counts"] == {"appeared": 0, "exited": 1, "grew": 1, "shrank": 0}


def test_diff_top_limits_text(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_snapshot, "TOP_PROCESSES", 1)
    a, b = _pair(tmp_path)
    assert app.cli.main(["snapshot", "diff", str(a), str(b)]) == 0
    assert "… and 1 more (--all lists them)" in capsys.readouterr().out
    assert app.cli.main(["snapshot", "diff", str(a), str(b), "--all"]) == 0
    assert "more (--all" not in capsys.readouterr().out


@linux_only
def test_diff_against_now(tmp_path: Path, capsys) -> None:
    path = tmp_path / "then.json"
    assert app.cli.main(["snapshot", "save", str(path)]) == 0
    capsys.readouterr()
    assert app.cli.main(["snapshot", "diff", str(path), "now", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["same_machine"] is True and doc["seconds"] >= 0
    assert {c["key"] for c in doc["lists"]} >= {"active", "standby", "free"}


def test_diff_with_a_broken_file_exit_1(tmp_path: Path, capsys) -> None:
    a, _ = _pair(tmp_path)
    (tmp_path / "junk.json").write_bytes(b"\x00" * 100)
    assert app.cli.main(["snapshot", "diff", str(a), str(tmp_path / "junk.json")]) == 1
    assert "junk.json" in capsys.readouterr().err
