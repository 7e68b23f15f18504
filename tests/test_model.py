"""The model: JSON round trips, strict parsing, per-list changes and the one-line summary."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.jsonread import MAX_BYTES
from app.model import ActionResult, MemoryList, ModelError, Sample, list_changes

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


# --- the edges of the strict reader -------------------------------------------------------------------------


def test_sizes_up_to_one_pib_and_names_up_to_200_characters() -> None:
    doc = make_sample(GiB, GiB).to_json()
    doc["lists"][0]["bytes"] = MAX_BYTES
    doc["platform"] = "p" * 200
    back = Sample.from_json(doc)
    assert back.lists[0].bytes == MAX_BYTES and back.platform == "p" * 200
    for key, value, message in (
        (
            "total_bytes",
            MAX_BYTES + 1,
            "sample 'total_bytes' must be a whole number of bytes from 0 to 1 PiB, not ",
        ),
        (
            "available_bytes",
            -1,
            "sample 'available_bytes' must be a whole number of bytes from 0 to 1 PiB, not -1",
        ),
        (
            "page_size",
            4096.0,
            "sample 'page_size' must be a whole number of bytes from 0 to 1 PiB, not 4096.0",
        ),
        ("backend", "b" * 201, "sample 'backend' must be a non-empty text of at most 200 characters"),
        ("platform", 7, "sample 'platform' must be a non-empty text of at most 200 characters"),
    ):
        with pytest.raises(ModelError) as caught:
            Sample.from_json({**doc, key: value})
        assert str(caught.value).startswith(message), key


def test_each_refusal_says_what_is_wrong() -> None:
    doc = make_sample(GiB, GiB).to_json()
    cases = [
        ([1], "sample must be a JSON object, not an array"),
        ({**doc, "schema": None}, "unsupported sample schema None (this build reads 1)"),
        ({**doc, "lists": None}, "sample 'lists' must be a list"),
        ({**doc, "details": []}, "details must be a JSON object, not an array"),
        ({**doc, "details": {"flag": True}}, "detail 'flag' must be a number or a string"),
        ({**doc, "page_size": 0}, "sample 'page_size' must be positive"),
        ({**doc, "limited": None}, "sample 'limited' must be a string"),
        (
            {**doc, "lists": [{"key": "a", "label": "b", "bytes": 1, "parts": {}}]},
            "list 'parts' must be a list, one level deep",
        ),
        ({**doc, "lists": ["free"]}, "list must be a JSON object, not a text"),
    ]
    for bad, message in cases:
        with pytest.raises(ModelError) as caught:
            Sample.from_json(bad)
        assert str(caught.value) == message
    with pytest.raises(ModelError, match="^sample 'time' is not an ISO 8601 time: "):
        Sample.from_json({**doc, "time": "2026-13-01T00:00:00Z"})
    # Absent details and limited are allowed: empty
    doc.pop("details")
    assert Sample.from_json(doc).details == {} and Sample.from_json(doc).limited == ""


def test_action_result_refusals_and_lenient_extras() -> None:
    doc = ActionResult("standby-list", True, 0.5, None, None, "fine").to_json()
    for bad, message in (
        ("x", "action result must be a JSON object, not a text"),
        ({**doc, "ok": 1}, "action result 'ok' must be true or false"),
        ({**doc, "elapsed": True}, "action result 'elapsed' must be a non-negative number"),
        ({**doc, "elapsed": "1"}, "action result 'elapsed' must be a non-negative number"),
        ({**doc, "steps": {}}, "action result 'steps' must be a list"),
        ({**doc, "action": ""}, "action result 'action' must be a non-empty text of at most 200 characters"),
    ):
        with pytest.raises(ModelError) as caught:
            ActionResult.from_json(bad)
        assert str(caught.value) == message
    assert ActionResult.from_json({**doc, "elapsed": 0}).elapsed == 0.0
    # A message that is not a string, and details that are not numbers or strings, are dropped, not fatal.
    back = ActionResult.from_json({**doc, "message": 5, "details": {"n": 2, "bad": [1], "s": "x"}})
    assert back.message == "" and back.details == {"n": 2, "s": "x"}
    del doc["steps"], doc["details"], doc["message"]
    back = ActionResult.from_json(doc)
    assert back.steps == () and back.details == {} and back.message == ""


def test_list_changes_put_unknown_keys_after_the_canonical_ones_sorted() -> None:
    def with_lists(*lists: MemoryList) -> Sample:
        return replace(make_sample(GiB, GiB), lists=lists)

    before = with_lists(MemoryList("zz", "Zed", 5), MemoryList("free", "Free", 1), MemoryList("aa", "Ay", 2))
    after = with_lists(
        MemoryList("free", "Free", 3), MemoryList("zz", "Zed", 5), MemoryList("active", "In use", 4)
    )
    changes = list_changes(before, after)
    assert [c.key for c in changes] == ["active", "free", "aa", "zz"]
    by_key = {c.key: c for c in changes}
    assert (by_key["active"].before, by_key["active"].after, by_key["active"].delta) == (None, 4, 4)
    assert (by_key["aa"].label, by_key["aa"].delta) == ("Ay", -2)
    assert by_key["zz"].delta == 0
    result = ActionResult("x", True, 0.0, before, after)
    assert [c.key for c in result.changes()] == ["active", "free", "aa"]
    assert [c.key for c in result.changes(threshold=2)] == ["active"]
    assert ActionResult("x", True, 0.0, before, None).changes() == ()
    assert ActionResult("x", True, 0.0, None, after).changes() == ()


def test_summary_without_a_reading_afterwards_and_without_a_message() -> None:
    result = ActionResult("compact", True, 1.25, None, None)
    assert result.summary() == "no list changed by more than 1 MiB, 1.2 s"
    moved = ActionResult("compact", True, 2.0, make_sample(3 * GiB, 9 * GiB), make_sample(GiB, 11 * GiB))
    assert moved.summary() == "Standby −2.0 GiB, Free +2.0 GiB, 2.0 s"


def test_memory_list_part_lookup() -> None:
    s = make_sample(3 * GiB, GiB)
    standby = s.get("standby")
    assert standby is not None and standby.part("inactive") == MemoryList(
        "inactive", "Low priority (inactive)", 3 * GiB
    )
    assert standby.part("nope") is None and s.get("nope") is None
    assert MemoryList("free", "Free", 1).to_json() == {"key": "free", "label": "Free", "bytes": 1}


def test_action_result_document_fields() -> None:
    result = ActionResult(
        "standby-list", True, 0.12345678, make_sample(3 * GiB, 9 * GiB), make_sample(GiB, 11 * GiB)
    )
    doc = result.to_json()
    assert doc["schema"] == 1 and doc["action"] == "standby-list" and doc["elapsed"] == 0.123457
    assert doc["changes"][0] == {
        "key": "standby",
        "label": "Standby",
        "before": 3 * GiB,
        "after": GiB,
        "delta": -2 * GiB,
    }
    with pytest.raises(ModelError, match="^details must be a JSON object, not an array$"):
        ActionResult.from_json({**doc, "details": []})
