"""The file summary a snapshot carries, read strictly, and which files entered or left memory."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.backends.linux.filecache import PageCacheFiles
from app.filecache import FileCache, FileScan, Method
from app.filesummary import FileSummary, FileSummaryError, files_diff

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
