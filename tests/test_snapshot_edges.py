"""Edges of the snapshot document that its main tests leave open (found by `dev.py mutate`): each cap at
its limit and one past it, the field each refusal names, where the machine description comes from, the
samples a history block rebuilds, and the diff's order, counts and file changes."""

from __future__ import annotations

import socket
from dataclasses import replace
from typing import Any

import pytest

from app.filesummary import FileSummary
from app.jsonread import MAX_BYTES, MAX_TEXT
from app.processes import ProcessChangeKind
from app.snapshot import schema
from app.snapshot.diff import ProcessChange, diff
from app.snapshot.schema import ActionMark, HistoryBlock, MachineInfo, ProcessEntry, Snapshot, SnapshotError
from tests.snapshot_samples import MACHINE, MIB, PROCESSES, sample, snapshot


def doc() -> dict[str, Any]:
    return snapshot().to_json()


def refused(document: object, message: str) -> None:
    with pytest.raises(SnapshotError, match=message):
        Snapshot.from_json(document)


# --- the machine ------------------------------------------------------------------------------------


def test_machine_info_falls_back_and_is_cut_to_the_text_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "gethostname", lambda: "h" * (MAX_TEXT + 50))
    for name in ("platform", "release", "machine"):
        monkeypatch.setattr(schema._platform, name, lambda: "")
    monkeypatch.setattr(schema.os, "cpu_count", lambda: None)
    info = MachineInfo.current(4096, "p" * (MAX_TEXT + 1))
    assert info.hostname == "h" * MAX_TEXT and info.platform == "p" * MAX_TEXT
    assert (info.os, info.kernel, info.machine, info.cpu_count) == ("unknown", "unknown", "unknown", 1)
    monkeypatch.setattr(socket, "gethostname", lambda: "")
    for name in ("platform", "release", "machine"):
        monkeypatch.setattr(schema._platform, name, lambda: "x" * (MAX_TEXT + 1))
    info = MachineInfo.current(4096, "linux")
    assert info.hostname == "unknown"
    assert info.os == info.kernel == info.machine == "x" * MAX_TEXT
    # The loader takes what current() writes back unchanged.
    assert MachineInfo.from_json(info.to_json()) == info


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("hostname", "", r"^machine 'hostname' must be a non-empty text"),
        ("platform", None, r"^machine 'platform' must be a non-empty text"),
        ("os", 1, r"^machine 'os' must be a non-empty text"),
        ("kernel", "", r"^machine 'kernel' must be a non-empty text"),
        ("machine", "", r"^machine 'machine' must be a non-empty text"),
        ("cpu_count", 65_537, r"^machine 'cpu_count' must be a whole number from 1 to 65536"),
        ("page_size", 0, r"^machine 'page_size' must be a whole number from 1 to 1073741824"),
    ],
)
def test_machine_refusals_name_the_field(field: str, value: object, message: str) -> None:
    with pytest.raises(SnapshotError, match=message):
        MachineInfo.from_json({**MACHINE.to_json(), field: value})


def test_machine_limits_are_inclusive() -> None:
    widest = replace(MACHINE, cpu_count=65_536, page_size=1 << 30)
    assert MachineInfo.from_json(widest.to_json()) == widest


# --- processes --------------------------------------------------------------------------------------


def test_process_identity_and_json() -> None:
    p = ProcessEntry(7, "db", "ann", 5, create_time=12.345)
    assert p.identity == (7, "db\x0012.35") and replace(p, create_time=None).identity == (7, "db\x00")
    assert p.to_json() == {"pid": 7, "name": "db", "user": "ann", "working_set": 5, "create_time": 12.345}
    full = ProcessEntry(7, "", "", 5, private=1, shared=2, pss=3, create_time=0.0)
    assert full.to_json() == {
        "pid": 7,
        "name": "",
        "user": "",
        "working_set": 5,
        "private": 1,
        "shared": 2,
        "pss": 3,
        "create_time": 0.0,
    }
    assert ProcessEntry.from_json(full.to_json()) == full  # empty names and a zero start time are kept


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"create_time": 1e11},
            r"^process 'create_time' must be seconds since the epoch, not 100000000000.0$",
        ),
        ({"create_time": -1}, r"^process 'create_time' must be seconds since the epoch, not -1$"),
        ({"create_time": "5"}, r"'create_time'"),
        ({"pid": (1 << 32) + 1}, r"^process 'pid' must be a whole number from 0 to 4294967296"),
        ({"working_set": MAX_BYTES + 1}, r"^process 'working_set' must be a whole number from 0 to "),
        ({"private": -1}, r"^process 'private' must be a whole number from 0 to "),
        ({"shared": 1.5}, r"^process 'shared' must be"),
        ({"pss": True}, r"^process 'pss' must be"),
        ({"user": None}, r"^process 'user' must be a text"),
    ],
)
def test_process_refusals_name_the_field(change: dict[str, object], message: str) -> None:
    with pytest.raises(SnapshotError, match=message):
        ProcessEntry.from_json({**PROCESSES[0].to_json(), **change})


def test_process_limits_are_inclusive() -> None:
    edge = ProcessEntry(1 << 32, "x", "u", MAX_BYTES, private=MAX_BYTES, create_time=1e11 - 1)
    assert ProcessEntry.from_json(edge.to_json()) == edge
    assert ProcessEntry.from_json({**edge.to_json(), "create_time": 7}).create_time == 7.0


# --- history ----------------------------------------------------------------------------------------


def block(**kw: object) -> dict[str, Any]:
    base: dict[str, Any] = {
        "times": [10.0, 10.0, 11.0],
        "totals": [100, 100, 100],
        "available": [50, 40, 30],
        "lists": {"standby": [1, None, 3], "custom": [4, 5, 6]},
    }
    base.update(kw)
    return base


def test_history_block_accepts_equal_times_nulls_and_the_limits() -> None:
    b = HistoryBlock.from_json(block())
    assert b.times == (10.0, 10.0, 11.0) and b.series["standby"] == (1, None, 3)
    assert all(isinstance(t, float) for t in b.totals + b.available)
    latest = HistoryBlock.from_json(block(times=[0, 1, 1e11], totals=[0, MAX_BYTES, 1]))
    assert latest.times[-1] == 1e11 and latest.totals[1] == MAX_BYTES
    sixteen = {f"k{i}": [1, 2, 3] for i in range(16)}
    assert len(HistoryBlock.from_json(block(lists=sixteen)).series) == 16


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"times": [1, 2, 1e11 + 1]}, r"^history 'times' holds 100000000001.0, which is not a valid figure$"),
        ({"times": [3, 2, 4]}, r"^history 'times' are not in time order$"),
        ({"times": None}, r"^history 'times' must be a JSON array, not null$"),
        ({"totals": [1, 2]}, r"^history 'totals' has 2 values where the history has 3 times$"),
        ({"available": [1, None, 2]}, r"^history 'available' holds None, which is not a valid figure$"),
        ({"lists": []}, r"^history 'lists' must be a JSON object, not an array$"),
        (
            {"lists": {f"k{i}": [1, 2, 3] for i in range(17)}},
            r"^history has 17 lists; at most 16 are allowed$",
        ),
        ({"lists": {"": [1, 2, 3]}}, r"^history list key must be a text of 1 to 200 characters$"),
        ({"lists": {"a": [1, 2]}}, r"^history list 'a' has 2 values where the history has 3 times$"),
        (
            {"lists": {"a": [1, 2, MAX_BYTES + 1]}},
            r"^history list 'a' holds 1125899906842625, which is not a",
        ),
        # what the whole-column check must not let through either
        ({"lists": {"a": [1, True, 3]}}, r"^history list 'a' holds True, which is not a valid figure$"),
        ({"lists": {"a": [None, -1, 3]}}, r"^history list 'a' holds -1, which is not a valid figure$"),
        ({"totals": [1, float("nan"), 2]}, r"^history 'totals' holds nan, which is not a valid figure$"),
        (
            {"available": [float("inf"), 1, 2]},
            r"^history 'available' holds inf, which is not a valid figure$",
        ),
        ({"times": [-1e-9, 1, 2]}, r"^history 'times' holds -1e-09, which is not a valid figure$"),
    ],
)
def test_history_refusals_name_the_column(change: dict[str, object], message: str) -> None:
    with pytest.raises(SnapshotError, match=message):
        HistoryBlock.from_json(block(**change))


def test_history_block_rebuilds_the_chart_history() -> None:
    b = HistoryBlock.from_json(block(lists={"standby": [1, None, 3], "free": [4, 5, 6], "custom": [7, 8, 9]}))
    history = b.to_history(page_size=16384)
    assert len(history) == history.capacity == 3  # every reading kept, none dropped
    assert history.times().tolist() == [10.0, 10.0, 11.0]
    assert history.totals().tolist() == [100, 100, 100] and history.available().tolist() == [50, 40, 30]
    standby = history.series("standby").tolist()
    assert standby[0] == 1 and standby[1] != standby[1] and standby[2] == 3  # the null stays absent (NaN)
    assert history.series("free").tolist() == [4, 5, 6]
    empty = HistoryBlock((), (), (), {}).to_history()
    assert len(empty) == 0 and empty.capacity == 1


def test_history_block_document_is_whole_bytes_and_nulls() -> None:
    b = HistoryBlock((1.5,), (100.0,), (50.0,), {"standby": (None,), "free": (7.0,)})
    assert b.to_json() == {
        "times": [1.5],
        "totals": [100],
        "available": [50],
        "lists": {"standby": [None], "free": [7]},
    }
    assert all(type(v) is int for v in b.to_json()["totals"] + b.to_json()["lists"]["free"])


# --- fragmentation, actions, census -------------------------------------------------------------------


def test_zone_limits_and_refusals() -> None:
    zone = {"node": 4096, "zone": "Normal", "counts": [MAX_BYTES] * 32}
    assert (
        schema.zone_from_json(zone).counts == (MAX_BYTES,) * 32 and schema.zone_from_json(zone).node == 4096
    )
    assert schema.zone_from_json({**zone, "counts": [0]}).counts == (0,)
    for counts in ([0] * 33, "3", None):
        with pytest.raises(SnapshotError, match=r"^zone 'counts' must be a list of 1 to 32 block counts$"):
            schema.zone_from_json({**zone, "counts": counts})
    for counts in ([MAX_BYTES + 1], [1.0], [True]):
        with pytest.raises(SnapshotError, match=r"none negative$"):
            schema.zone_from_json({**zone, "counts": counts})
    with pytest.raises(SnapshotError, match=r"^zone 'node' must be a whole number from 0 to 4096"):
        schema.zone_from_json({**zone, "node": 4097})
    with pytest.raises(SnapshotError, match=r"^zone 'zone' must be a non-empty text"):
        schema.zone_from_json({**zone, "zone": ""})
    with pytest.raises(SnapshotError, match=r"^zone must be a JSON object"):
        schema.zone_from_json([])


def test_action_marks() -> None:
    mark = ActionMark(0.0, "Purge standby list", "", False)
    assert mark.to_json() == {
        "time": 0.0,
        "label": "Purge standby list",
        "text": "",
        "ok": False,
        "automatic": False,
    }
    assert ActionMark.from_json(mark.to_json()) == mark
    auto = ActionMark(5, "x", "freed 1 GiB", True, automatic=True)
    assert ActionMark.from_json(auto.to_json()) == auto
    no_auto = {k: v for k, v in mark.to_json().items() if k != "automatic"}
    assert ActionMark.from_json(no_auto).automatic is False
    for change, message in (
        ({"time": 1e11}, r"^an action's time must be seconds since 1970$"),
        ({"time": -0.5}, r"^an action's time must be seconds since 1970$"),
        ({"time": True}, r"^an action's time must be seconds since 1970$"),
        ({"ok": 1}, r"^an action's ok and automatic must be true or false$"),
        ({"automatic": None}, r"^an action's ok and automatic must be true or false$"),
        ({"label": ""}, r"^action 'label' must be a non-empty text"),
        ({"text": None}, r"^action 'text' must be a text"),
    ):
        with pytest.raises(SnapshotError, match=message):
            ActionMark.from_json({**mark.to_json(), **change})


def test_census_limits_and_refusals() -> None:
    full = {f"c{i}": MAX_BYTES for i in range(64)}
    assert Snapshot.from_json({**doc(), "census": full}).census == full
    refused(
        {**doc(), "census": {f"c{i}": 1 for i in range(65)}},
        r"^census has 65 classes; at most 64 are allowed$",
    )
    refused({**doc(), "census": {"": 1}}, r"^census class must be a text of 1 to 200 characters$")
    refused(
        {**doc(), "census": {"free": -1}},
        r"^census class 'free' must be a whole number of bytes up to 1 PiB$",
    )
    refused({**doc(), "census": {"free": MAX_BYTES + 1}}, r"^census class 'free' must be a whole number")
    refused({**doc(), "census": []}, r"^census must be a JSON object")


# --- the document -----------------------------------------------------------------------------------


def test_document_keys_and_defaults_of_older_documents() -> None:
    s = snapshot()
    d = s.to_json()
    assert list(d) == [
        "kind",
        "schema",
        "app_version",
        "machine",
        "sample",
        "processes",
        "history",
        "fragmentation",
        "census",
        "huge_order",
        "actions",
    ]
    assert d["fragmentation"] == [{"node": 0, "zone": "Normal", "counts": [10, 5, 2, 0, 1, 0, 0, 0, 0, 1, 3]}]
    assert replace(s, history=None).to_json()["history"] is None
    # A document from before processes, fragmentation, census, actions, history and huge_order existed.
    old = {
        k: v
        for k, v in d.items()
        if k not in ("processes", "fragmentation", "census", "actions", "huge_order")
    }
    loaded = Snapshot.from_json({**old, "history": None, "files": None})
    assert (loaded.processes, loaded.fragmentation, loaded.census, loaded.actions) == ((), (), {}, ())
    assert loaded.history is None and loaded.files is None and loaded.huge_order == 9
    assert loaded.schema == 1 and loaded.time == s.time
    assert Snapshot.from_json({**d, "huge_order": 0}).huge_order == 0
    assert Snapshot.from_json({**d, "huge_order": 31}).huge_order == 31
    refused({**d, "huge_order": 32}, r"^snapshot 'huge_order' must be a whole number from 0 to 31")


def test_files_round_trip_and_refusal() -> None:
    files = FileSummary("mincore", True, 10, 2, 3 * MIB, {"/a": 2 * MIB, "/b": MIB})
    s = replace(snapshot(), files=files)
    assert s.to_json()["files"] == files.to_json()
    assert Snapshot.from_json(s.to_json()).files == files
    refused({**s.to_json(), "files": {"method": 5}}, r"^the snapshot's files are invalid: ")


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], r"^this is JSON, but not a RAMLens snapshot: it holds an array$"),
        ({"kind": "other"}, r'^this is JSON, but not a RAMLens snapshot \(no "kind": "ramlens-snapshot"\)$'),
    ],
)
def test_not_a_snapshot(document: object, message: str) -> None:
    refused(document, message)


@pytest.mark.parametrize("number", [0, -1, True, "1", None, 1.0])
def test_invalid_schema_numbers(number: object) -> None:
    refused(
        {**doc(), "schema": number}, rf"^the snapshot's schema number is missing or invalid \({number!r}\)$"
    )


def test_newer_schema_message() -> None:
    refused(
        {**doc(), "schema": 2},
        r"^this snapshot was written by a newer RAMLens \(schema 2\); this build reads schema 1$",
    )


def test_sample_caps() -> None:
    d = doc()
    lists = [{"key": f"l{i}", "label": "L", "bytes": 1} for i in range(64)]
    assert len(Snapshot.from_json({**d, "sample": {**d["sample"], "lists": lists}}).sample.lists) == 64
    parts = [{"key": "p", "label": "P", "bytes": 0}]
    assert Snapshot.from_json({**d, "sample": {**d["sample"], "lists": [{**lists[0], "parts": parts * 64}]}})
    refused(
        {**d, "sample": {**d["sample"], "lists": [{**lists[0], "parts": parts * 65}]}},
        r"^the sample has more than 64 lists or parts$",
    )
    details = {f"d{i}": i for i in range(1024)}
    assert (
        len(Snapshot.from_json({**d, "sample": {**d["sample"], "details": details}}).sample.details) == 1024
    )
    refused(
        {**d, "sample": {**d["sample"], "details": {**details, "one more": 1}}},
        r"^the sample has more than 1024 details$",
    )
    refused({**d, "sample": []}, r"^sample must be a JSON object, not an array$")
    refused({**d, "sample": {**d["sample"], "schema": 9}}, r"^the snapshot's sample is invalid: unsupported")


def test_sample_totals_allow_one_page_of_rounding_per_list() -> None:
    s = sample()
    d = doc()
    n = len(s.lists)
    rounding = [{**m.to_json(), "bytes": m.bytes + (s.page_size if m.key == "free" else 0)} for m in s.lists]
    over = [*rounding[:-1], {**rounding[-1], "bytes": rounding[-1]["bytes"] + s.page_size * n}]
    just = [*rounding[:-1], {**rounding[-1], "bytes": rounding[-1]["bytes"] + s.page_size * (n - 1)}]
    assert Snapshot.from_json({**d, "sample": {**d["sample"], "lists": just}})
    refused({**d, "sample": {**d["sample"], "lists": over}}, r"^the sample's lists add up to more memory")
    equal = {**d["sample"], "available_bytes": d["sample"]["total_bytes"]}
    assert Snapshot.from_json({**d, "sample": equal}).sample.available_bytes == s.total_bytes


# --- diff -------------------------------------------------------------------------------------------


def test_diff_orders_by_size_of_change_then_pid_and_counts_by_word() -> None:
    before = (
        ProcessEntry(5, "a", "u", 10 * MIB),
        ProcessEntry(3, "b", "u", 10 * MIB),
        ProcessEntry(9, "c", "u", MIB),
    )
    after = (
        ProcessEntry(5, "a", "u", 12 * MIB),
        ProcessEntry(3, "b", "u", 8 * MIB),
        ProcessEntry(1, "d", "u", MIB),
    )
    d = diff(replace(snapshot(), processes=before), replace(snapshot(), processes=after))
    assert [(p.pid, p.change) for p in d.processes] == [
        (3, "shrank"),
        (5, "grew"),
        (1, "appeared"),
        (9, "exited"),
    ]
    assert d.count(ProcessChangeKind.GREW) == 1 and d.count("shrank") == 1 and d.count("appeared") == 1
    # A change of exactly min_change is not more than min_change.
    quiet = diff(
        replace(snapshot(), processes=before), replace(snapshot(), processes=after), min_change=2 * MIB
    )
    assert [p.change for p in quiet.processes] == ["appeared", "exited"]
    assert d.files is None and d.file_count("entered") == 0


def test_process_change_delta_and_json() -> None:
    gone = ProcessChange(4, "x", ProcessChangeKind.EXITED, 3, None)
    new = ProcessChange(4, "x", ProcessChangeKind.APPEARED, None, 5)
    assert (gone.delta, new.delta) == (-3, 5)
    assert new.to_json() == {
        "pid": 4,
        "name": "x",
        "change": "appeared",
        "before": None,
        "after": 5,
        "delta": 5,
    }


def test_diff_compares_files_only_when_both_snapshots_have_them() -> None:
    a_files = FileSummary("mincore", True, 3, 2, 3 * MIB, {"/a": 2 * MIB, "/gone": MIB})
    b_files = FileSummary("mincore", True, 3, 2, 5 * MIB, {"/a": 2 * MIB + 1, "/new": 3 * MIB})
    a, b = replace(snapshot(), files=a_files), replace(snapshot(), files=b_files)
    d = diff(a, b, min_change=1)
    assert d.files is not None
    assert sorted((f.path, f.change) for f in d.files) == [("/gone", "left"), ("/new", "entered")]
    assert d.file_count("entered") == 1 and d.file_count("left") == 1 and d.file_count("grew") == 0
    assert [f.path for f in diff(a, b).files or ()] == ["/new", "/gone", "/a"]  # min_change 0: /a grew
    assert diff(a, snapshot()).files is None and diff(snapshot(), b).files is None
    doc_files = d.to_json()["files"]
    assert doc_files == [f.to_json() for f in d.files]


def test_diff_same_machine_needs_the_same_platform_too() -> None:
    a = snapshot()
    windows = replace(a, machine=replace(a.machine, platform="windows"))
    assert diff(a, a).same_machine and not diff(a, windows).same_machine
    assert diff(a, replace(a, sample=sample(time=a.time + 0.0004))).to_json()["seconds"] == 0.0


def test_history_and_action_must_be_objects() -> None:
    with pytest.raises(SnapshotError, match=r"^history must be a JSON object, not an array$"):
        HistoryBlock.from_json([])
    with pytest.raises(SnapshotError, match=r"^action must be a JSON object, not a text$"):
        ActionMark.from_json("done")


def test_an_action_that_worked_by_hand_stays_manual() -> None:
    mark = ActionMark(1.0, "Purge standby list", "freed 1 GiB", ok=True, automatic=False)
    assert ActionMark.from_json(mark.to_json()) == mark


def test_actions_round_trip_through_the_document() -> None:
    marks = (
        ActionMark(1.0, "Purge standby list", "freed 1 GiB", True),
        ActionMark(2.0, "Trim", "", False, True),
    )
    s = replace(snapshot(), actions=marks)
    assert Snapshot.from_json(s.to_json()).actions == marks
    refused(
        {**s.to_json(), "actions": [{"time": 1.0}]}, r"^an action's ok and automatic must be true or false$"
    )


@pytest.mark.parametrize("key", ["processes", "fragmentation", "actions"])
def test_tables_must_be_arrays(key: str) -> None:
    refused({**doc(), key: {}}, rf"^{key} must be a JSON array, not an object$")


def test_process_rows_must_be_objects_with_short_names() -> None:
    refused({**doc(), "processes": [5]}, r"^process must be a JSON object, not a number$")
    row = {**PROCESSES[0].to_json(), "name": "x" * (MAX_TEXT + 1)}
    refused({**doc(), "processes": [row]}, r"^process 'name' must be a text of at most 200 characters$")


def test_other_document_refusals_read_exactly() -> None:
    refused(
        {**doc(), "app_version": ""}, r"^snapshot 'app_version' must be a non-empty text of at most 200 char"
    )
    d = doc()
    refused(
        {**d, "sample": {**d["sample"], "available_bytes": d["sample"]["total_bytes"] + 1}},
        r"^the sample says more memory is available than there is$",
    )
    refused(
        {**d, "history": block(available=[1, 2])},
        r"^history 'available' has 2 values where the history has 3 times$",
    )
    assert Snapshot.from_json({**d, "census": {"free": 0}}).census == {"free": 0}  # an empty class is a class
