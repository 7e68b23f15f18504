"""The model: JSON round trips, strict parsing, per-list changes and the one-line summary."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.model import MAX_BYTES, ActionResult, MemoryList, ModelError, Sample, list_changes

MiB = 1 << 20
GiB = 1 << 30


def make_sample(standby: int, free: int, t: float = 1_795_000_000.0, zeroed: int | None = None) -> Sample:
    lists = [
        MemoryList("active", "In use", 4 * GiB, (MemoryList("anonymous", "Anonymous", 4 * GiB),)),
        MemoryList(
            "standby",
            "Standby",
            standby,
            (MemoryList("inactive", "Low priority (inactive)", standby), MemoryList("active", "High", 0)),
        ),
        MemoryList("free", "Free", free),
    ]
    if zeroed is not None:
        lists.append(MemoryList("zeroed", "Zeroed", zeroed))
    return Sample(
        t, 5.0, "linux", "procfs", 4096, 16 * GiB, 10 * GiB, tuple(lists), {"Buffers": 123, "x": 1.5}
    )


def test_sample_json_round_trip():
    s = make_sample(3 * GiB, 9 * GiB)
    doc = json.loads(json.dumps(s.to_json()))
    # 1 795 000 000 s = 20775 days (from 1970-01-01: 2026-11-18) + 40000 s (11:06:40)
    assert doc["schema"] == 1 and doc["time"] == "2026-11-18T11:06:40Z"
    back = Sample.from_json(doc)
    assert back.lists == s.lists and back.details == s.details and back.time == s.time
    assert back.get("zeroed") is None and back.bytes_of("zeroed") is None


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(schema=2), "schema"),
        (lambda d: d.update(time="yesterday"), "ISO 8601"),
        (lambda d: d.update(total_bytes=-1), "total_bytes"),
        (lambda d: d.update(total_bytes=True), "total_bytes"),
        (lambda d: d.update(page_size=0), "page_size"),
        (lambda d: d.update(lists="none"), "lists"),
        (lambda d: d["lists"][0].update(bytes=1 << 51), "1 PiB"),
        (
            lambda d: d["lists"][1]["parts"][0].update(parts=[{"key": "a", "label": "b", "bytes": 1}]),
            "one level",
        ),
        (lambda d: d.update(details={"a": [1]}), "detail"),
        (lambda d: d.update(platform=""), "platform"),
    ],
)
def test_sample_from_json_is_strict(mutate, message):
    doc = make_sample(GiB, GiB).to_json()
    mutate(doc)
    with pytest.raises(ModelError, match=message):
        Sample.from_json(doc)


def test_list_changes_canonical_order_and_absent_lists():
    before = make_sample(3 * GiB, 9 * GiB, zeroed=GiB)
    after = make_sample(1 * GiB, 11 * GiB)
    changes = list_changes(before, after)
    assert [c.key for c in changes] == ["active", "standby", "free", "zeroed"]
    by_key = {c.key: c for c in changes}
    assert by_key["standby"].delta == -2 * GiB and by_key["free"].delta == 2 * GiB
    assert by_key["zeroed"].after is None and by_key["zeroed"].delta == -GiB


def test_summary_says_where_the_pages_went():
    result = ActionResult(
        "standby-list", True, 0.42, make_sample(3 * GiB, 9 * GiB), make_sample(GiB, 11 * GiB), "note"
    )
    assert result.summary() == "Standby −2.0 GiB, Free +2.0 GiB, 0.4 s, note"
    # Changes under 1 MiB (256 pages of 4 KiB) are noise in the summary, but listed in changes().
    small = ActionResult("x", True, 0.0, make_sample(GiB, GiB), make_sample(GiB + MiB // 2, GiB - MiB // 2))
    assert small.summary().startswith("no list changed by more than 1 MiB")
    assert len(small.changes()) == 2
    failed = ActionResult("standby-list", False, 0.0, None, None, "needs root")
    assert failed.summary() == "standby-list failed: needs root" and failed.changes() == ()


def test_action_result_json_round_trip_with_steps():
    step = ActionResult("modified-list", True, 0.1, make_sample(GiB, GiB), make_sample(GiB, GiB), "ok")
    result = ActionResult(
        "all", True, 0.2, make_sample(3 * GiB, GiB), make_sample(GiB, 3 * GiB), "", {"done": 1}, (step,)
    )
    doc = json.loads(json.dumps(result.to_json()))
    assert [c["key"] for c in doc["changes"]] == ["standby", "free"]
    back = ActionResult.from_json(doc)
    assert back.steps[0].action_id == "modified-list" and back.details == {"done": 1}
    assert back.after is not None and back.after.bytes_of("free") == 3 * GiB
    with pytest.raises(ModelError):
        ActionResult.from_json({**doc, "ok": "yes"})
    with pytest.raises(ModelError):
        ActionResult.from_json({**doc, "elapsed": -1})


def test_milliseconds_survive_iso_time_and_the_round_trip():
    s = replace(make_sample(GiB, GiB), time=1_795_000_000.123)
    assert s.iso_time == "2026-11-18T11:06:40.123Z"
    assert Sample.from_json(json.loads(json.dumps(s.to_json()))).time == 1_795_000_000.123
    # One millisecond after the whole second, and the last millisecond before the next.
    assert replace(s, time=1_795_000_000.001).iso_time == "2026-11-18T11:06:40.001Z"
    assert replace(s, time=1_795_000_000.999).iso_time == "2026-11-18T11:06:40.999Z"
    # Below a millisecond is cut, not rounded up into the next second.
    assert replace(s, time=1_795_000_000.9996).iso_time == "2026-11-18T11:06:40.999Z"


def test_limited_survives_the_round_trip_and_is_left_out_when_empty():
    s = replace(make_sample(GiB, GiB), limited="run as administrator for the standby priorities")
    doc = json.loads(json.dumps(s.to_json()))
    assert doc["limited"] == s.limited
    assert Sample.from_json(doc).limited == s.limited
    assert "limited" not in make_sample(GiB, GiB).to_json()
    with pytest.raises(ModelError, match="limited"):
        Sample.from_json({**doc, "limited": 3})


# --- generated round trips ---------------------------------------------------------------------------------

names = st.text(min_size=1, max_size=200)
sizes = st.integers(0, MAX_BYTES)
details = st.dictionaries(
    st.text(max_size=20),
    st.one_of(st.integers(-(1 << 70), 1 << 70), st.floats(allow_nan=False, allow_infinity=False), st.text()),
    max_size=6,
)
leaves = st.builds(MemoryList, names, names, sizes)
memory_lists = st.builds(MemoryList, names, names, sizes, st.lists(leaves, max_size=4).map(tuple))
# Whole milliseconds from 1970 to 2100: what the JSON form keeps.
milliseconds = st.integers(0, 4_102_444_800_000)
samples = st.builds(
    lambda ms, platform, backend, page_size, total, available, lists, details, limited: Sample(
        ms / 1000, 0.0, platform, backend, page_size, total, available, tuple(lists), details, limited
    ),
    milliseconds,
    names,
    names,
    st.integers(1, MAX_BYTES),
    sizes,
    sizes,
    st.lists(memory_lists, max_size=5),
    details,
    st.text(),
)
microseconds = st.integers(0, 10**10).map(lambda us: us / 1e6)  # to_json keeps 6 decimals


def action_results(steps: st.SearchStrategy[tuple[ActionResult, ...]]) -> st.SearchStrategy[ActionResult]:
    return st.builds(
        ActionResult,
        names,
        st.booleans(),
        microseconds,
        st.none() | samples,
        st.none() | samples,
        st.text(),
        details,
        steps,
    )


results = action_results(st.lists(action_results(st.just(())), max_size=3).map(tuple))


def through_json(doc: object) -> object:
    return json.loads(json.dumps(doc))


@settings(deadline=None)
@given(memory_lists)
def test_memory_list_round_trips(m: MemoryList) -> None:
    assert MemoryList.from_json(through_json(m.to_json())) == m


@settings(deadline=None)
@given(samples)
def test_sample_round_trips(s: Sample) -> None:
    back = Sample.from_json(through_json(s.to_json()))
    assert back == s  # monotonic is not in the document: the samples are built with 0.0
    assert back.iso_time == s.iso_time


@settings(deadline=None)
@given(results)
def test_action_result_round_trips(r: ActionResult) -> None:
    doc = through_json(r.to_json())
    assert ActionResult.from_json(doc) == r
    assert doc["summary"] == r.summary()
    assert [c["key"] for c in doc["changes"]] == [c.key for c in r.changes()]
    assert all(c["delta"] == (c["after"] or 0) - (c["before"] or 0) for c in doc["changes"])
