"""Fuzz the snapshot loader: whatever the bytes, it returns a Snapshot or raises SnapshotError."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import snapshot as snap
from app.snapshot import fileio
from tests.snapshot_samples import snapshot

VALID = snapshot().to_json()
VALID_TEXT = json.dumps(VALID)

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=20,
)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path into the document, for picking one to mutate (long arrays: their first entries)."""
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node[:3]):
            out += _paths(v, (*prefix, i))
    return out


PATHS = _paths(VALID)[1:]


def _loads_or_snapshot_error(raw: bytes | str) -> None:
    try:
        loaded = snap.loads(raw)
    except snap.SnapshotError as exc:
        assert str(exc)  # always a sentence
        return
    # What loads must also survive a second round trip unchanged.
    assert snap.loads(json.dumps(loaded.to_json())).to_json() == loaded.to_json()


# A deletion needs no value: none is generated for one (a JSON value is most of an example's cost).
mutations = st.tuples(st.just("delete"), st.none()) | st.tuples(st.just("replace"), json_values)


@FUZZ
@given(st.sampled_from(PATHS), mutations)
def test_structured_mutations(path: tuple, mutation: tuple[str, Any]) -> None:
    how, value = mutation
    doc = json.loads(VALID_TEXT)
    node = doc
    for step in path[:-1]:
        node = node[step]
    if how == "delete":
        if isinstance(node, dict):
            del node[path[-1]]
        else:
            node.pop(path[-1])
    else:
        node[path[-1]] = value
    _loads_or_snapshot_error(json.dumps(doc))


@FUZZ
@given(st.integers(min_value=0, max_value=len(VALID_TEXT)), st.binary(max_size=20))
def test_truncated_and_spliced_text(cut: int, junk: bytes) -> None:
    raw = VALID_TEXT.encode()
    _loads_or_snapshot_error(raw[:cut])
    _loads_or_snapshot_error(raw[:cut] + junk + raw[cut:])


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(raw: bytes) -> None:
    _loads_or_snapshot_error(raw)


@FUZZ
@given(json_values)
def test_random_json_documents(value: Any) -> None:
    _loads_or_snapshot_error(json.dumps(value))


# Texts full of what the counts look at: quotes and backslashes (escaped by json.dumps), braces, commas.
tricky_texts = st.text(alphabet='{}[],"\\\nab€😀', max_size=12)
tricky_documents = st.recursive(
    st.none() | st.integers() | tricky_texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(tricky_texts, inner, max_size=4),
    max_leaves=12,
)
ONE_TEXT = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')  # a JSON text, escapes and all


@settings(deadline=None)
@given(tricky_documents, st.booleans(), st.integers(min_value=1, max_value=40))
def test_specials_in_texts_are_those_of_each_text(value: Any, ascii_only: bool, chunk_bytes: int) -> None:
    """The chunked count equals a count text by text, wherever the chunks end (escapes cut included)."""
    raw = json.dumps(value, ensure_ascii=ascii_only).encode()
    texts = [m.group() for m in ONE_TEXT.finditer(raw)]
    expected = (sum(t.count(b"{") + t.count(b"[") for t in texts), sum(t.count(b",") for t in texts))
    assert fileio.specials_in_texts(raw, chunk_bytes) == expected
