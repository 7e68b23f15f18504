"""Edges of the model and its strict JSON readers that the main tests leave open (found by `dev.py mutate`):
the readers' bounds (inclusive ends, empty and over-long texts) and the messages that quote a bad value,
the parse errors a person sees, and the fields the loaders refuse or leave out."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from app.jsonread import MAX_BYTES, MAX_TEXT, Strict, json_type, short
from app.model import ActionResult, DetailUnit, MemoryList, ModelError, Sample, list_changes

GiB = 1 << 30
STRICT = Strict(ModelError)


def sample(**kw: object) -> Sample:
    base = Sample(
        1_795_000_000.0,
        5.0,
        "linux",
        "procfs",
        4096,
        16 * GiB,
        10 * GiB,
        (MemoryList("standby", "Standby", 3 * GiB), MemoryList("free", "Free", GiB)),
    )
    return replace(base, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ({}, "an object"),
        ([], "an array"),
        ("", "a text"),
        (True, "true/false"),
        (None, "null"),
        (1.5, "a number"),
    ],
)
def test_json_type_names_each_kind(value: object, name: str) -> None:
    assert json_type(value) == name


def test_short_quotes_up_to_40_characters_and_cuts_the_rest() -> None:
    assert short("a" * 38) == repr("a" * 38)  # 40 characters with the quotes: kept whole
    assert short("a" * 39) == "'" + "a" * 36 + "…"  # 41: 37 kept, then an ellipsis
    assert len(short("b" * 1000)) == 38


def test_whole_accepts_both_ends_and_quotes_what_it_refuses() -> None:
    assert STRICT.whole({"n": 3}, "n", "thing", 3, 7) == 3
    assert STRICT.whole({"n": 7}, "n", "thing", 3, 7) == 7
    for bad in (2, 8, True, 5.0, "5"):
        with pytest.raises(ModelError, match=r"^thing 'n' must be a whole number from 3 to 7, not "):
            STRICT.whole({"n": bad}, "n", "thing", 3, 7)
    with pytest.raises(ModelError, match=r"from 3 to 7, not 8$"):
        STRICT.whole({"n": 8}, "n", "thing", 3, 7)


def test_size_bounds() -> None:
    assert STRICT.size({"b": 0}, "b", "list") == 0 and STRICT.size({"b": MAX_BYTES}, "b", "list") == MAX_BYTES
    with pytest.raises(
        ModelError, match=r"^list 'b' must be a whole number of bytes from 0 to 1 PiB, not -1$"
    ):
        STRICT.size({"b": -1}, "b", "list")


def test_key_is_one_to_max_text_characters() -> None:
    STRICT.key("k", "detail name")
    STRICT.key("k" * MAX_TEXT, "detail name")
    for bad in ("", "k" * (MAX_TEXT + 1)):
        with pytest.raises(ModelError, match=rf"^detail name must be a text of 1 to {MAX_TEXT} characters$"):
            STRICT.key(bad, "detail name")


def test_text_limits_and_empty_texts() -> None:
    assert STRICT.text({"t": "x" * MAX_TEXT}, "t", "list") == "x" * MAX_TEXT
    assert STRICT.text({"t": ""}, "t", "list", allow_empty=True) == ""
    with pytest.raises(ModelError, match=r"^list 't' must be a non-empty text of at most 200 characters$"):
        STRICT.text({"t": ""}, "t", "list")
    with pytest.raises(ModelError, match=r"^list 't' must be a text of at most 200 characters$"):
        STRICT.text({"t": "x" * (MAX_TEXT + 1)}, "t", "list", allow_empty=True)


def test_obj_and_array_say_what_they_got() -> None:
    with pytest.raises(ModelError, match=r"^sample must be a JSON object, not an array$"):
        STRICT.obj([], "sample")
    assert STRICT.array([1, 2], "rows", 2) == [1, 2]
    with pytest.raises(ModelError, match=r"^rows has 3 entries; at most 2 are allowed$"):
        STRICT.array([1, 2, 3], "rows", 2)
    with pytest.raises(ModelError, match=r"^rows must be a JSON array, not an object$"):
        STRICT.array({}, "rows", 2)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"a": [1, 2', r"^truncated \(line 1, column 12: "),
        ('{"a": 1} {"b": 2}', r"^not valid JSON \(line 1, column 10: Extra data\)$"),
        ('{"a": x}', r"^not valid JSON \(line 1, column 7: "),
        ("[" * 100_000 + "]" * 100_000, r"^it is nested too deeply$"),
        ('{"a": NaN}', r"^NaN is not a number it may hold$"),
        ('{"a": -Infinity}', r"^-Infinity is not a number it may hold$"),
        ('{"a": ' + "9" * 5000 + "}", r"^it holds a number too long to read \(Exceeds"),
    ],
)
def test_parse_errors_read_like_sentences(text: str, message: str) -> None:
    with pytest.raises(ModelError, match=message):
        STRICT.parse(text)


def test_parse_reads_what_json_reads() -> None:
    assert STRICT.parse('{"a": [1, 2.5, "x", null, true]}') == {"a": [1, 2.5, "x", None, True]}


def test_memory_list_parts_and_their_json() -> None:
    inactive = MemoryList("inactive", "Low priority", 2)
    standby = MemoryList("standby", "Standby", 3, (MemoryList("active", "High", 1), inactive))
    assert standby.part("inactive") is inactive and standby.part("nope") is None
    assert MemoryList("free", "Free", 1).to_json() == {"key": "free", "label": "Free", "bytes": 1}
    assert standby.to_json()["parts"][1] == {"key": "inactive", "label": "Low priority", "bytes": 2}
    with pytest.raises(ModelError, match="one level deep"):
        MemoryList.from_json({"key": "a", "label": "b", "bytes": 1, "parts": "x"})
    # One level of parts is read at the top (depth 0) …
    assert MemoryList.from_json(standby.to_json()) == standby
    # … and none below it, even empty-but-present parts are fine.
    assert MemoryList.from_json({"key": "a", "label": "b", "bytes": 1, "parts": []}, depth=1).parts == ()


def test_sample_json_document() -> None:
    s = sample(details={"Buffers": 1}, units={"Buffers": DetailUnit.BYTES})
    doc = s.to_json()
    assert list(doc)[8:] == ["details", "units"]  # the keys before are pinned by test_cli_status
    assert doc["units"] == {"Buffers": "bytes"}
    back = Sample.from_json(json.loads(json.dumps(doc)))
    assert back == replace(s, monotonic=0.0)  # the monotonic clock is local to one boot: not written
    assert "units" not in sample().to_json()
    assert s.bytes_of("standby") == 3 * GiB and s.get("zeroed") is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"schema": None}, r"^unsupported sample schema None \(this build reads 1\)$"),
        ({"time": 5}, r"^sample 'time' must be a non-empty text of at most 200 characters$"),
        ({"time": "2026-13-01T00:00:00Z"}, r"^sample 'time' is not an ISO 8601 time: "),
        ({"details": {"a": True}}, r"^detail 'a' must be a number or a string$"),
        ({"details": {"a": None}}, r"^detail 'a' must be a number or a string$"),
        ({"details": []}, r"^details must be a JSON object"),
        ({"units": {"a": "kg"}}, r"^detail unit 'kg' of 'a' is not one of bytes, pages, count, seconds$"),
        ({"units": []}, r"^units must be a JSON object"),
        ({"page_size": 0}, r"^sample 'page_size' must be positive$"),
        ({"limited": None}, r"^sample 'limited' must be a string$"),
        ({"lists": None}, r"^sample 'lists' must be a list$"),
        ({"backend": ""}, r"^sample 'backend' must be a non-empty text"),
        ({"available_bytes": -1}, r"^sample 'available_bytes' must be a whole number of bytes"),
    ],
)
def test_sample_refusals_name_the_field(change: dict[str, object], message: str) -> None:
    with pytest.raises(ModelError, match=message):
        Sample.from_json({**sample().to_json(), **change})


def test_sample_optional_fields_default() -> None:
    doc = sample().to_json()
    for optional in ("details", "units", "limited"):
        doc.pop(optional, None)
    back = Sample.from_json(doc)
    assert back.details == {} and back.units == {} and back.limited == ""
    details = Sample.from_json({**doc, "details": {"n": 1, "f": 0.5, "s": "x"}}).details
    assert details == {"n": 1, "f": 0.5, "s": "x"}


def test_list_changes_keep_unknown_lists_after_the_canonical_ones() -> None:
    before = sample(
        lists=(MemoryList("zz", "Zz", 1), MemoryList("free", "Free", 2), MemoryList("aa", "Aa", 3))
    )
    after = sample(lists=(MemoryList("free", "Free", 5), MemoryList("standby", "Standby", 4)))
    changes = list_changes(before, after)
    assert [(c.key, c.label, c.before, c.after, c.delta) for c in changes] == [
        ("standby", "Standby", None, 4, 4),
        ("free", "Free", 2, 5, 3),
        ("aa", "Aa", 3, None, -3),
        ("zz", "Zz", 1, None, -1),
    ]


def test_changes_above_a_threshold_only() -> None:
    r = ActionResult("x", True, 0.0, sample(), sample(lists=(MemoryList("free", "Free", GiB + 10),)))
    assert [c.key for c in r.changes(10)] == ["standby"]  # free moved by exactly 10: not more than 10
    assert [c.key for c in r.changes(9)] == ["standby", "free"]
    assert ActionResult("x", True, 0.0, sample(), None).changes() == ()
    assert ActionResult("x", True, 0.0, None, sample()).changes() == ()


def test_summary_threshold_is_256_pages_of_the_after_sample() -> None:
    page = 16384  # 256 pages = 4 MiB
    after = sample(page_size=page, lists=(MemoryList("standby", "Standby", 3 * GiB - 3 * (1 << 20)),))
    moved = sample(page_size=page, lists=(MemoryList("standby", "Standby", 3 * GiB - 5 * (1 << 20)),))
    before = sample(lists=(MemoryList("standby", "Standby", 3 * GiB),))
    assert (
        ActionResult("x", True, 0.05, before, after).summary() == "no list changed by more than 1 MiB, 0.1 s"
    )
    assert ActionResult("x", True, 0.0, before, moved).summary() == "Standby −5.0 MiB, 0.0 s"
    # No after-sample: every change counts (there is none to show).
    assert (
        ActionResult("x", True, 1.0, before, None, "m").summary()
        == "no list changed by more than 1 MiB, 1.0 s, m"
    )


def test_action_result_document_and_what_its_loader_refuses_or_drops() -> None:
    step = ActionResult("s", False, 0.25, None, None, "no")
    r = ActionResult("all", True, 1.0000004, sample(), None, "msg", {"n": 2}, (step,))
    doc = json.loads(json.dumps(r.to_json()))
    assert doc["elapsed"] == 1.0 and doc["after"] is None and doc["changes"] == []
    assert doc["steps"] == [json.loads(json.dumps(step.to_json()))]
    assert doc["before"] == sample().to_json()
    back = ActionResult.from_json(doc)
    assert back.before == replace(sample(), monotonic=0.0) and back.after is None
    assert back.steps == (step,) and back.message == "msg" and back.details == {"n": 2}
    # A message that is not text is dropped, so are details that are not numbers or texts.
    loose = ActionResult.from_json({**doc, "message": 5, "details": {"a": [1], "b": "x", "c": 1.5}})
    assert loose.message == "" and loose.details == {"b": "x", "c": 1.5}
    bare = ActionResult.from_json({"action": "a", "ok": False, "elapsed": 0})
    assert (bare.message, bare.details, bare.steps, bare.before, bare.after) == ("", {}, (), None, None)
    assert isinstance(bare.elapsed, float)
    for change, message in (
        ({"elapsed": True}, r"^action result 'elapsed' must be a non-negative number$"),
        ({"elapsed": "1"}, r"'elapsed'"),
        ({"ok": None}, r"^action result 'ok' must be true or false$"),
        ({"steps": {}}, r"^action result 'steps' must be a list$"),
        ({"action": ""}, r"^action result 'action' must be a non-empty text"),
        ({"details": [1]}, r"^details must be a JSON object"),
    ):
        with pytest.raises(ModelError, match=message):
            ActionResult.from_json({**doc, **change})
    assert ActionResult.from_json({**doc, "elapsed": 0}).elapsed == 0.0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("key", "", r"^list 'key' must be a non-empty text of at most 200 characters$"),
        ("label", None, r"^list 'label' must be a non-empty text of at most 200 characters$"),
        ("bytes", -1, r"^list 'bytes' must be a whole number of bytes from 0 to 1 PiB, not -1$"),
    ],
)
def test_list_refusals_name_the_field(field: str, value: object, message: str) -> None:
    with pytest.raises(ModelError, match=message):
        MemoryList.from_json({**MemoryList("free", "Free", 1).to_json(), field: value})


def test_unsupported_schema_is_quoted() -> None:
    with pytest.raises(ModelError, match=r"^unsupported sample schema 2 \(this build reads 1\)$"):
        Sample.from_json({**sample().to_json(), "schema": 2})


def test_a_number_cut_after_its_sign_is_truncated() -> None:
    with pytest.raises(ModelError, match=r"^truncated \(line 1, column 7: Expecting value\)$"):
        STRICT.parse('{"a": -')


def test_any_change_counts_by_default_and_the_summary_hides_up_to_256_pages() -> None:
    one_byte = sample(lists=(MemoryList("standby", "Standby", 3 * GiB + 1), MemoryList("free", "Free", GiB)))
    assert [c.key for c in ActionResult("x", True, 0.0, sample(), one_byte).changes()] == ["standby"]
    mib = 1 << 20  # 256 pages of 4 KiB
    at = sample(lists=(MemoryList("standby", "Standby", 3 * GiB + mib), MemoryList("free", "Free", GiB)))
    past = sample(
        lists=(MemoryList("standby", "Standby", 3 * GiB + mib + 1), MemoryList("free", "Free", GiB))
    )
    assert ActionResult("x", True, 0.0, sample(), at).summary().startswith("no list changed")
    assert ActionResult("x", True, 0.0, sample(), past).summary() == "Standby +1.0 MiB, 0.0 s"


def test_a_list_keeps_the_label_of_the_sample_that_has_it() -> None:
    before = sample(lists=(MemoryList("standby", "Old name", 1), MemoryList("gone", "Gone", 2)))
    after = sample(lists=(MemoryList("standby", "New name", 1), MemoryList("new", "New", 3)))
    assert [(c.key, c.label) for c in list_changes(before, after)] == [
        ("standby", "New name"),
        ("gone", "Gone"),
        ("new", "New"),
    ]
