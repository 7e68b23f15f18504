"""The file summary a snapshot carries, read strictly, and which files entered or left memory: the
summary alone, inside a snapshot (file, bounds, diff of real scans) and through ``ramlens snapshot``."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import app.cli
from app import snapshot as snap
from app.backends.base import Capabilities
from app.backends.linux.filecache import PageCacheFiles
from app.cli import snapshot as cli_snapshot
from app.filecache import FileCache, FileScan, Method
from app.filesummary import KEEP, MAX_PATH, FileSummary, FileSummaryError, files_diff
from tests.fake_backend import FakeBackend
from tests.snapshot_samples import snapshot

MIB = 1 << 20


def _scan(files: dict[str, int]) -> FileScan:
    return FileScan(tuple(FileCache(p, b, b) for p, b in files.items()), Method.CACHESTAT, len(files))


def test_summary_keeps_the_most_cached_and_round_trips() -> None:
    scan = _scan({f"/f{i}": i * 4096 for i in range(1, 11)})
    summary = FileSummary.from_scan(scan, keep=3)
    assert list(summary.files) == ["/f10", "/f9", "/f8"]
    assert summary.total_files == 10 and summary.total_cached == 55 * 4096
    again = FileSummary.from_json(json.loads(json.dumps(summary.to_json())))
    assert again == summary


def test_diff_names_files_that_entered_left_grew_and_shrank() -> None:
    a = FileSummary.from_scan(_scan({"/gone": 8 * MIB, "/same": MIB, "/grew": MIB, "/shrank": 4 * MIB}))
    b = FileSummary.from_scan(_scan({"/new": 2 * MIB, "/same": MIB, "/grew": 3 * MIB, "/shrank": MIB}))
    changes = {c.path: (c.change, c.delta) for c in files_diff(a, b)}
    assert changes == {
        "/gone": ("left", -8 * MIB),
        "/new": ("entered", 2 * MIB),
        "/grew": ("grew", 2 * MIB),
        "/shrank": ("shrank", -3 * MIB),
    }
    assert [c.path for c in files_diff(a, b)][0] == "/gone"  # largest change first
    small = {c.path for c in files_diff(a, b, min_change=2 * MIB)}
    assert small == {"/gone", "/new", "/shrank"}  # entering and leaving always count


def test_a_real_file_read_between_two_summaries_entered(tmp_path: Path) -> None:
    path = tmp_path / "late.bin"
    path.write_bytes(os.urandom(2 * MIB))
    source = PageCacheFiles()
    source.evict([str(path)])
    before = FileSummary.from_scan(source.scan([str(tmp_path)]))
    path.read_bytes()
    after = FileSummary.from_scan(source.scan([str(tmp_path)]))
    [change] = [c for c in files_diff(before, after) if c.path == str(path)]
    assert change.change in ("entered", "grew") and change.delta >= MIB


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ([], "JSON object"),
        ({"method": "guess", "complete": True, "files": []}, "method"),
        ({"method": "cachestat", "complete": "yes", "files": []}, "complete"),
        ({"method": "cachestat", "complete": True, "files": {}}, "'files'"),
        ({"method": "cachestat", "complete": True, "files": [{"path": "", "cached_bytes": 1}]}, "'path'"),
        (
            {"method": "cachestat", "complete": True, "files": [{"path": "/a", "cached_bytes": -1}]},
            "cached_bytes",
        ),
        (
            {"method": "cachestat", "complete": True, "files": [], "examined": 1, "total_files": True},
            "total_files",
        ),
    ],
)
def test_malformed_summaries_are_named(doc: object, message: str) -> None:
    with pytest.raises(FileSummaryError, match=message):
        FileSummary.from_json(doc)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda c: st.lists(c) | st.dictionaries(st.text(), c),
    )
)
def test_any_json_is_read_or_refused_clearly(doc: object) -> None:
    try:
        FileSummary.from_json(doc)
    except FileSummaryError as exc:
        assert str(exc)


# --- the summary inside a snapshot ---------------------------------------------------------------


def _with_files(files: dict[str, int], **kw: object) -> snap.Snapshot:
    return replace(snapshot(**kw), files=FileSummary.from_scan(_scan(files)))


def test_a_snapshot_with_files_round_trips_through_a_file(tmp_path: Path) -> None:
    odd = os.fsdecode(b"/data/caf\xe9,{[x]}.bin")  # not UTF-8: kept as \xe9, never a write error
    longest = "/" + "😀" * (MAX_PATH - 1)  # PATH_MAX characters of 4 bytes each: the longest text
    taken = _with_files({"/usr/lib/libc.so.6": 2 * MIB, odd: MIB, longest: 4096, '/q"uote\\d': 8192})
    path = tmp_path / "s.json"
    snap.save(path, taken)
    loaded = snap.load(path)
    assert loaded.files == taken.files and loaded.files is not None
    assert "/data/caf\\xe9,{[x]}.bin" in loaded.files.files
    assert len(loaded.files.files) == 4 and loaded.files.total_cached == 3 * MIB + 4096 + 8192


def test_an_old_snapshot_without_files_still_loads_and_compares() -> None:
    old = snapshot().to_json()
    assert "files" not in old  # what schema 1 wrote before the file summary existed
    loaded = snap.loads(json.dumps(old))
    assert loaded.files is None and loaded.schema == 1
    assert snap.loads(json.dumps({**old, "files": None})).files is None
    d = snap.diff(loaded, _with_files({"/a": MIB}))
    assert d.files is None and d.to_json()["files"] is None  # not compared: not "everything entered"


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ("all of them", "JSON object"),
        ({"method": "cachestat", "complete": True, "files": [{"path": "/a"}] * (10 * KEEP + 1)}, "at most"),
        ({"method": "cachestat", "complete": True, "files": [{"path": "/" * (MAX_PATH + 1)}]}, "'path'"),
        (
            {"method": "cachestat", "complete": True, "files": [{"path": "/a", "cached_bytes": 1e300}]},
            "cached",
        ),
        ({"method": "rm -rf", "complete": True, "files": []}, "method"),
    ],
)
def test_hostile_files_in_a_snapshot_are_refused_as_snapshot_errors(files: object, message: str) -> None:
    doc = {**snapshot().to_json(), "files": files}
    with pytest.raises(snap.SnapshotError, match=f"files are invalid.*{message}"):
        snap.loads(json.dumps(doc))


def test_the_parse_bounds_admit_the_largest_valid_summary() -> None:
    """10 × KEEP files (what the reader accepts), paths full of the characters the quick counts see."""
    many = {f'/srv/{i},{{[{i}]}}"q".bin': i + 1 for i in range(10 * KEEP)}
    doc = {**snapshot().to_json(), "files": FileSummary("cachestat", True, 1, 1, 1, many).to_json()}
    loaded = snap.loads(json.dumps(doc, ensure_ascii=False))
    assert loaded.files is not None and len(loaded.files.files) == 10 * KEEP


def _evicted(path: Path, size: int = 2 * MIB) -> Path:
    path.write_bytes(os.urandom(size))
    PageCacheFiles().evict([str(path)])
    return path


def test_two_real_snapshots_show_a_file_read_between_them_as_entered(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    late = _evicted(folder / "late.bin")
    backend = FakeBackend(capabilities=Capabilities(file_cache=PageCacheFiles()))
    a = snap.take(backend, files=snap.scan_files(backend, [str(folder)]))
    late.read_bytes()
    b = snap.take(backend, files=snap.scan_files(backend, [str(folder)]))
    d = snap.diff(a, b)
    assert d.files is not None
    [change] = [c for c in d.files if c.path == str(late)]
    assert change.change == "entered" and change.before == 0 and change.after >= MIB
    assert d.file_count("entered") >= 1


def test_scan_files_defaults_to_the_files_processes_use() -> None:
    backend = FakeBackend(capabilities=Capabilities(file_cache=PageCacheFiles()))
    scan = snap.scan_files(backend)
    assert scan is not None and scan.roots  # this very interpreter maps its own files
    assert any(os.path.realpath(sys.executable) == os.path.realpath(p) for p in scan.roots)
    assert all(os.path.isfile(p) for p in scan.roots)
    assert snap.scan_files(FakeBackend()) is None  # no capability, no scan


# --- the CLI ----------------------------------------------------------------------------------------


@pytest.fixture
def real_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """The snapshot commands on the fake backend (for the lists) with the real file-cache capability."""
    monkeypatch.setattr(
        cli_snapshot,
        "backend_or_exit",
        lambda: FakeBackend(capabilities=Capabilities(file_cache=PageCacheFiles())),
    )


def test_cli_save_files_then_diff_names_the_file_that_entered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], real_files: None
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    late = _evicted(folder / "late\x1b[2J.bin")
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert app.cli.main(["snapshot", "save", str(a), "--files", str(folder)]) == 0
    late.read_bytes()
    assert app.cli.main(["snapshot", "save", str(b), "--files", str(folder)]) == 0
    assert "cached files" in capsys.readouterr().out
    assert app.cli.main(["snapshot", "diff", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out  # terminal-safe: the escape in the name is printed escaped
    [row] = [line for line in out.splitlines() if "late\\x1b" in line]
    assert row.split()[0] == "entered" and row.endswith("late\\x1b[2J.bin")
    header = next(line for line in out.splitlines() if line.strip().startswith("Change"))
    assert header.index("Path") == row.index(str(folder))  # the path column lines up
    assert "Files: 1 entered, 0 left" in out
    assert app.cli.main(["snapshot", "diff", str(a), str(b), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    [entry] = [f for f in doc["files"] if f["path"] == str(late)]
    assert entry["change"] == "entered" and entry["before"] == 0 and entry["delta"] == entry["after"] >= MIB


def test_cli_show_prints_the_file_section(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.json"
    snap.save(path, _with_files({"/usr/lib/big.so": 3 * MIB, "/tmp/\x1b]0;x\x07": MIB}))
    assert app.cli.main(["snapshot", "show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "files in memory: 2 files, 4.0 MiB cached (cachestat" in out
    rows = [line for line in out.splitlines() if line.rstrip().endswith(("big.so", "\\x07"))]
    assert len(rows) == 2 and "\x1b" not in out and "\x07" not in out
    assert rows[0].index("/usr") == rows[1].index("/tmp")
    assert app.cli.main(["snapshot", "diff", str(path), str(path)]) == 0
    assert "Files: 0 entered, 0 left, 0 grew, 0 shrank" in capsys.readouterr().out


def test_cli_diff_without_summaries_says_files_were_not_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = tmp_path / "a.json"
    snap.save(a, snapshot())
    assert app.cli.main(["snapshot", "diff", str(a), str(a)]) == 0
    assert "Files: not compared" in capsys.readouterr().out


def test_cli_save_files_without_the_capability_fails_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_snapshot, "backend_or_exit", FakeBackend)
    assert app.cli.main(["snapshot", "save", str(tmp_path / "x.json"), "--files"]) == 1
    assert "cannot tell which files are in memory" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()
