"""Snapshots: round trip, atomic save, strict load with clear errors, diff."""

from __future__ import annotations

import gc
import json
import os
import platform
import re
import socket
from dataclasses import replace
from pathlib import Path

import pytest

from app import snapshot as snap
from app.jsonread import MAX_BYTES
from app.snapshot import ProcessEntry, SnapshotError, fileio
from tests.snapshot_samples import GIB, MIB, PROCESSES, sample, snapshot


def _write(path: Path, doc: object) -> Path:
    path.write_text(_dumps(doc))
    return path


def _dumps(doc: object) -> str:
    """``json.dumps(doc)``, with a list of one object repeated (100,001 processes) encoded once."""
    if isinstance(doc, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {_dumps(v)}" for k, v in doc.items()) + "}"
    if isinstance(doc, list) and len(doc) > 1 and all(v is doc[0] for v in doc):
        return "[" + ", ".join([_dumps(doc[0])] * len(doc)) + "]"
    return json.dumps(doc)


def test_dumps_writes_what_json_writes() -> None:
    doc = {**snapshot().to_json(), "processes": [PROCESSES[0].to_json()] * 3, "x": [[1, "2"], [1, "2"]]}
    assert _dumps(doc) == json.dumps(doc)


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    original = snapshot()
    snap.save(tmp_path / "a.json", original)
    loaded = snap.load(tmp_path / "a.json")
    assert loaded.to_json() == original.to_json()
    assert loaded.sample.get("standby") == original.sample.get("standby")
    assert loaded.processes == PROCESSES
    assert loaded.history is not None and len(loaded.history) == 120
    assert loaded.history.series["zeroed"][0] is None  # absent list stays absent, not 0
    assert loaded.fragmentation[0].free_pages == 10 + 10 + 8 + 16 + 512 + 3 * 1024
    assert loaded.census == {"free": 2 * GIB, "anonymous": 5 * GIB}


def test_document_names_machine_and_versions() -> None:
    doc = snapshot().to_json()
    assert doc["kind"] == "ramlens-snapshot" and doc["schema"] == snap.SCHEMA
    assert doc["app_version"]
    assert set(doc["machine"]) == {
        "hostname",
        "platform",
        "os",
        "kernel",
        "machine",
        "cpu_count",
        "page_size",
    }
    assert doc["machine"]["page_size"] == 4096


def test_history_minutes_limits_the_block() -> None:
    from tests.snapshot_samples import history

    s = snap.capture(sample(), history=history(600), minutes=1)
    assert s.history is not None
    assert 60 <= len(s.history) <= 61
    assert s.history.times[-1] == history(600).latest_time()


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "s.json"
    snap.save(target, snapshot())
    good = target.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        snap.save(target, snapshot(sample=sample(active=7 * GIB)))
    assert target.read_bytes() == good  # the old file is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b" \r\n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not UTF-8"),
        (b"hello world", "not valid JSON"),
        (b"[1, 2, 3]", "not a RAMLens snapshot"),
        (b'{"schema": 1, "time": "x"}', "not a RAMLens snapshot"),
        (b"[" * 100_000 + b"]" * 100_000, "not a snapshot"),
        (b'{"a": NaN}', "NaN"),
        (b'{"kind": "ramlens-snapshot", "schema": ' + b"9" * 5000 + b"}", "not a snapshot"),
    ],
)
def test_garbage_is_refused_clearly(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(SnapshotError) as info:
        snap.load(path)
    assert words in str(info.value)
    assert str(info.value).startswith("bad.json")


# What a giant text is: a quote and MAX_RUN_BYTES bytes none of which ends or splits a text.
GIANT_TEXT = re.compile(rb'"[^"\\,\[\]{}]{%d}' % fileio.MAX_RUN_BYTES)


def test_a_giant_text_is_found_wherever_it_starts() -> None:
    """The block-wise search finds what the regex finds: a text of MAX_RUN_BYTES bytes (or one short)
    starting on either side of a block's edge, after numbers (no quote for blocks) or after texts,
    cut short by each byte that ends or splits a text."""
    run, block = fileio.MAX_RUN_BYTES, fileio._QUOTELESS_BLOCK
    for lead in (0, 1, block - 2, block - 1, block, block + 1, 2 * block - 1, 3 * block + 5):
        for before in (b"1", b'"a",'):
            for length in (run - 1, run):
                raw = (before * lead)[:lead] + b'"' + b"a" * length + b'"'
                assert fileio._has_giant_text(raw) is (length == run) is bool(GIANT_TEXT.search(raw))
    for end in b"\\,[]{}":  # a long quoteless stretch, its text cut short: no giant text
        for at in (1, run - 1):
            raw = b'["' + b"a" * at + bytes([end]) + b"1" * 3 * run + b'"]'
            assert not fileio._has_giant_text(raw) and not GIANT_TEXT.search(raw)
    assert fileio._has_giant_text(b'["' + b"a" * run)  # at the very end of the document
    assert not fileio._has_giant_text(b'["' + b"a" * (run - 1))


def test_braces_and_commas_inside_texts_do_not_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fileio, "MAX_CONTAINERS", 3)
    monkeypatch.setattr(fileio, "MAX_SEPARATORS", 3)
    assert fileio._too_many_values(b'[{"a{[{[": ",,,,,,"}]') == ""
    assert fileio._too_many_values(b'["a,b,c,d,e", 1, 2]') == ""
    assert fileio._too_many_values(b"[[[[]]]]") == "4 objects and arrays; a snapshot has at most 3"
    assert fileio._too_many_values(b'[[[{"{{": 1}]]]') == "4 objects and arrays; a snapshot has at most 3"
    assert fileio._too_many_values(b"[[[[1,2,3,4,5]]]]") == "4 objects and arrays; a snapshot has at most 3"
    assert fileio._too_many_values(b'[1,2,3,4,",,"]') == "4 values; a snapshot has at most 3"
    assert fileio._too_many_values(b'[{"{[{[{[": [1,2,3,4,5]}]') == "4 values; a snapshot has at most 3"


def test_the_cycle_collector_is_paused_while_parsing_and_resumed_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    states: list[bool] = []
    read = snap.Snapshot.from_json
    monkeypatch.setattr(snap.Snapshot, "from_json", lambda data: states.append(gc.isenabled()) or read(data))
    text = json.dumps(snapshot().to_json())
    assert snap.loads(text).processes == PROCESSES and states == [False] and gc.isenabled()
    for refused in ("[", '{"kind": "ramlens-snapshot", "schema": 1}'):  # by json, by the reader
        with pytest.raises(SnapshotError):
            snap.loads(refused)
        assert gc.isenabled()
    gc.disable()  # paused by someone else: left paused
    try:
        snap.loads(text)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_emoji_are_counted_and_escaped() -> None:
    def holding(emoji: int) -> str:  # in texts of 1,000 (one of 10,000 would be a giant text)
        texts = ",".join(f'"{"😀" * 1000}"' for _ in range(emoji // 1000))
        return f'{{"kind":"ramlens-snapshot","schema":1,"x":[{texts},"{"😀" * (emoji % 1000)}"]}}'

    with pytest.raises(SnapshotError, match=r"holds 10,001 emoji-range characters"):
        snap.loads(holding(fileio.MAX_ASTRAL + 1))
    with pytest.raises(SnapshotError, match="sample must be a JSON object"):  # the emoji passed the counts
        snap.loads(holding(fileio.MAX_ASTRAL))
    assert fileio._checked_text("a😀é".encode()) == "a\\ud83d\\ude00é"


def test_truncated_file_says_truncated(tmp_path: Path) -> None:
    text = json.dumps(snapshot().to_json())
    path = tmp_path / "t.json"
    path.write_text(text[: len(text) // 2])
    with pytest.raises(SnapshotError, match="truncated"):
        snap.load(path)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    doc = snapshot().to_json()
    doc["schema"] = snap.SCHEMA + 1
    with pytest.raises(SnapshotError, match="newer RAMLens"):
        snap.load(_write(tmp_path / "n.json", doc))


def test_huge_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snap.fileio, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 2000)
    with pytest.raises(SnapshotError, match="at most"):
        snap.load(path)


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(SnapshotError, match="does not exist"):
        snap.load(tmp_path / "nope.json")
    with pytest.raises(SnapshotError, match="folder"):
        snap.load(tmp_path)


def _mutated(path_in_doc: tuple[object, ...], value: object) -> dict:
    doc = snapshot().to_json()
    node = doc
    for step in path_in_doc[:-1]:
        node = node[step]  # type: ignore[index]
    node[path_in_doc[-1]] = value  # type: ignore[index]
    return doc


@pytest.mark.parametrize(
    ("where", "value", "words"),
    [
        (("sample", "total_bytes"), "16 GiB", "total_bytes"),
        (("sample", "total_bytes"), 1 << 60, "1 PiB"),
        (("sample", "available_bytes"), 20 * GIB, "more memory is available"),
        (("sample", "lists", 0, "bytes"), 15 * GIB, "add up to more memory"),
        (("sample", "lists"), [{"key": "a", "label": "A", "bytes": 1}] * 65, "more than 64 lists"),
        (("sample", "time"), "yesterday", "ISO 8601"),
        (("processes",), {"pid": 1}, "JSON array"),
        (("processes", 0, "pid"), -1, "pid"),
        (("processes", 0, "working_set"), True, "working_set"),
        (("processes", 0, "name"), "x" * 201, "name"),
        (("processes",), [PROCESSES[0].to_json()] * 100_001, "at most 100000"),
        (("history", "times", 3), 1.0, "time order"),
        (("history", "totals"), [1, 2], "has 2 values"),
        (("history", "lists", "active", 0), -5, "not a valid figure"),
        (("history", "lists", "active", 0), "1", "not a valid figure"),
        (("fragmentation", 0, "counts"), [], "counts"),
        (("census", "free"), 1.5, "census"),
        (("machine",), "laptop", "machine must be a JSON object"),
        (("machine", "cpu_count"), 0, "cpu_count"),
        (("app_version",), 1, "app_version"),
    ],
)
def test_wrong_types_and_absurd_sizes(tmp_path: Path, where: tuple, value: object, words: str) -> None:
    with pytest.raises(SnapshotError) as info:
        snap.load(_write(tmp_path / "w.json", _mutated(where, value)))
    assert words in str(info.value)


@pytest.mark.parametrize(
    ("field", "value", "accepted"),
    [
        ("pid", 0, True),
        ("pid", 1 << 32, True),
        ("pid", (1 << 32) + 1, False),
        ("pid", -1, False),
        ("pid", 7.0, False),
        ("pid", True, False),
        ("pid", None, False),
        ("name", "", True),
        ("name", "n" * 200, True),
        ("name", "n" * 201, False),
        ("name", 5, False),
        ("user", "u" * 201, False),
        ("user", None, False),
        ("working_set", MAX_BYTES, True),
        ("working_set", MAX_BYTES + 1, False),
        ("working_set", 1.5, False),
        ("private", None, True),
        ("private", MAX_BYTES, True),
        ("private", -1, False),
        ("shared", 2.0, False),
        ("shared", MAX_BYTES + 1, False),
        ("pss", False, False),
        ("pss", "3", False),
        ("create_time", None, True),
        ("create_time", 0, True),
        ("create_time", 99_999_999_999.9, True),
        ("create_time", 1e11, False),
        ("create_time", -0.5, False),
        ("create_time", float("nan"), False),
        ("create_time", float("inf"), False),
        ("create_time", True, False),
        ("create_time", "1", False),
    ],
)
def test_each_process_field_is_read_strictly(field: str, value: object, accepted: bool) -> None:
    """The table is checked a column at a time first: it accepts exactly what the strict readers accept."""
    good = {**PROCESSES[0].to_json(), "pss": 3}
    row = {**good, field: value}
    if accepted:
        entry = ProcessEntry.from_json(row)
        assert getattr(entry, field) == value and type(getattr(entry, field)) is (
            float if field == "create_time" and value is not None else type(value)
        )
        assert snap.schema.processes_from_json([good, row]) == (ProcessEntry.from_json(good), entry)
    else:
        for rows in ([row], [good, row, good]):
            with pytest.raises(SnapshotError, match=f"process '?{field}"):
                snap.schema.processes_from_json(rows)


def test_from_rows_accepts_process_table_spellings() -> None:
    rows = [
        {"pid": 5, "name": "a", "user": "u", "rss": 10, "uss": 4},
        {"pid": 6, "name": "b", "username": "v", "working_set": 20, "pss": 9, "create_time": 5.0},
        {"pid": "x", "rss": 1},  # unreadable rows are left out, not invented
    ]
    out = snap.processes_from_rows(rows, get=lambda r, k: r[k])
    assert out == [
        ProcessEntry(5, "a", "u", 10, private=4),
        ProcessEntry(6, "b", "v", 20, pss=9, create_time=5.0),
    ]


def test_diff_lists_and_processes() -> None:
    a = snapshot()
    b_processes = (
        PROCESSES[0],  # unchanged
        replace(PROCESSES[1], working_set=PROCESSES[1].working_set - 300 * MIB),
        ProcessEntry(400, "new", "ann", 70 * MIB, create_time=4000.0),
        replace(PROCESSES[2], name="reused-pid", create_time=3500.0),  # pid 300 reused
    )
    b = snapshot(sample=sample(active=5 * GIB, standby=3 * GIB, time=1_790_000_300.0), processes=b_processes)
    d = snap.diff(a, b)
    by_key = {c.key: c.delta for c in d.lists}
    assert by_key["active"] == -GIB and by_key["standby"] == -3 * GIB and by_key["free"] == 4 * GIB
    kinds = [(p.pid, p.name, p.change, p.delta) for p in d.processes]
    assert kinds == [
        (200, "firefox", "shrank", -300 * MIB),
        (400, "new", "appeared", 70 * MIB),
        (300, "old-job", "exited", -50 * MIB),
        (300, "reused-pid", "appeared", 50 * MIB),
    ]
    assert d.count("appeared") == 2 and d.count("grew") == 0
    doc = d.to_json()
    assert json.loads(json.dumps(doc)) == doc
    assert doc["seconds"] == pytest.approx(181.0)
    assert doc["counts"] == {"appeared": 2, "exited": 1, "grew": 0, "shrank": 1}


def test_diff_min_change_hides_small_moves() -> None:
    a = snapshot()
    b = snapshot(
        processes=(replace(PROCESSES[0], working_set=PROCESSES[0].working_set + 100), *PROCESSES[1:])
    )
    assert [p.change for p in snap.diff(a, b).processes] == ["grew"]
    assert snap.diff(a, b, min_change=MIB).processes == ()


def test_history_block_back_to_a_history() -> None:
    from tests.snapshot_samples import history

    original = history(30)
    block = snap.HistoryBlock.from_history(original, 3600)
    again = block.to_history()
    assert len(again) == 30
    assert (again.times() == original.times()).all()
    assert (again.series("active") == original.series("active")).all()
    assert again.series("zeroed")[0] != again.series("zeroed")[0]  # NaN: absent stays absent


def test_fragmentation_indices_as_the_kernel_prints_them() -> None:
    z = snap.ZoneFree(0, "Normal", (10, 5, 2, 0, 1, 0, 0, 0, 0, 1, 3))
    # 3628 free pages; the blocks of order ≥ 9 hold 512 + 3·1024 = 3584 of them: (3628 − 3584)/3628 = 0.012.
    assert z.indices(9) == ("0.012", "-1.000")
    # 8 single pages, none usable for 4 pages: unusable 1.000; fragmentation 1000 − (1000 + 8·1000/4)/8 = 625.
    assert snap.ZoneFree(0, "DMA", (8, 0, 0)).indices(2) == ("1.000", "0.625")
    assert snapshot().huge_order == 9


def test_huge_order_is_validated(tmp_path: Path) -> None:
    doc = snapshot().to_json()
    doc["huge_order"] = 99
    with pytest.raises(SnapshotError, match="huge_order"):
        snap.load(_write(tmp_path / "h.json", doc))
    del doc["huge_order"]
    assert snap.load(_write(tmp_path / "h.json", doc)).huge_order == 9


def test_a_pid_reused_by_the_same_name_with_another_start_time_is_exited_plus_appeared() -> None:
    """Issue 18.4: the name alone must not make a restarted program "unchanged" (or "grew")."""
    old = ProcessEntry(4242, "worker", "ann", 100 * MIB, create_time=1_790_000_000.0)
    restarted = replace(old, working_set=300 * MIB, create_time=1_790_000_060.5)
    d = snap.diff(replace(snapshot(), processes=(old,)), replace(snapshot(), processes=(restarted,)))
    assert sorted((p.pid, p.name, p.change, p.before, p.after) for p in d.processes) == [
        (4242, "worker", "appeared", None, 300 * MIB),
        (4242, "worker", "exited", 100 * MIB, None),
    ]
    same = replace(old, working_set=300 * MIB)  # same start time: the same process, grown
    d = snap.diff(replace(snapshot(), processes=(old,)), replace(snapshot(), processes=(same,)))
    assert [(p.change, p.delta) for p in d.processes] == [("grew", 200 * MIB)]


@pytest.mark.parametrize("counts", [[10, -1, 2], [-5], [0, 0, -(2**40)]])
def test_negative_free_block_counts_are_refused(tmp_path: Path, counts: list[int]) -> None:
    """Issue 18.4: a free-block count below 0 is not a count; the strict loader says so."""
    doc = snapshot().to_json()
    doc["fragmentation"][0]["counts"] = counts
    with pytest.raises(SnapshotError, match="whole numbers of free blocks, none negative"):
        snap.load(_write(tmp_path / "neg.json", doc))


def test_diff_document_field_by_field() -> None:
    from app.model import ListChange
    from app.processes import ProcessChangeKind

    grew = snap.ProcessChange(7, "db", ProcessChangeKind.GREW, 10 * MIB, 30 * MIB)
    gone = snap.ProcessChange(9, "old", ProcessChangeKind.EXITED, 5 * MIB, None)
    result = snap.SnapshotDiff(
        a_time=100.0,
        b_time=160.1234,
        total_before=8 * GIB,
        total_after=8 * GIB + 1,
        available_before=3 * GIB,
        available_after=2 * GIB,
        lists=(ListChange("standby", "Standby", 2 * GIB, GIB),),
        processes=(grew, gone),
        same_machine=False,
    )
    assert result.to_json() == {
        "schema": 1,
        "a_time": 100.0,
        "b_time": 160.1234,
        "seconds": 60.123,
        "same_machine": False,
        "total": {"before": 8 * GIB, "after": 8 * GIB + 1},
        "available": {"before": 3 * GIB, "after": 2 * GIB},
        "lists": [{"key": "standby", "label": "Standby", "before": 2 * GIB, "after": GIB, "delta": -GIB}],
        "processes": [
            {
                "pid": 7,
                "name": "db",
                "change": "grew",
                "before": 10 * MIB,
                "after": 30 * MIB,
                "delta": 20 * MIB,
            },
            {
                "pid": 9,
                "name": "old",
                "change": "exited",
                "before": 5 * MIB,
                "after": None,
                "delta": -5 * MIB,
            },
        ],
        "counts": {"appeared": 0, "exited": 1, "grew": 1, "shrank": 0},
        "files": None,
    }


def test_diff_totals_and_whether_the_machine_is_the_same() -> None:
    a = snapshot()
    b = snapshot(sample=sample(active=5 * GIB, available=GIB, time=1_790_000_300.0))
    d = snap.diff(a, b)
    assert (d.total_before, d.total_after) == (a.sample.total_bytes, b.sample.total_bytes)
    assert (d.available_before, d.available_after) == (a.sample.available_bytes, GIB)
    assert d.same_machine
    elsewhere = replace(b, machine=replace(b.machine, hostname=b.machine.hostname + "-other"))
    assert not snap.diff(a, elsewhere).same_machine  # same platform, another host
    unchanged = snapshot(processes=PROCESSES)
    assert snap.diff(a, unchanged).processes == ()  # an equal working set is no change
    one_byte = snapshot(
        processes=(replace(PROCESSES[0], working_set=PROCESSES[0].working_set + 1), *PROCESSES[1:])
    )
    assert [p.change for p in snap.diff(a, one_byte).processes] == ["grew"]  # min_change 0 by default


def test_machine_info_describes_this_machine() -> None:
    info = snap.MachineInfo.current(16384, "linux")
    assert info.hostname == socket.gethostname() and info.platform == "linux"
    assert (info.os, info.kernel, info.machine) == (
        platform.platform(),
        platform.release(),
        platform.machine(),
    )
    assert info.cpu_count == os.cpu_count() and info.page_size == 16384
