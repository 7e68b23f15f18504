"""The model: JSON round trips, strict parsing, per-list changes and the one-line summary."""

from __future__ import annotations

import json

import pytest

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
