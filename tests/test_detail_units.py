"""Detail units travel with the sample: declared by the backend, kept in the JSON form, checked when read."""

from __future__ import annotations

import pytest

from app.model import DetailUnit, ModelError, Sample
from tests.fake_backend import FakeBackend


def test_units_survive_the_json_round_trip() -> None:
    sample = FakeBackend().sample()
    assert sample.units == {"commit_bytes": DetailUnit.BYTES}
    doc = sample.to_json()
    assert doc["units"] == {"commit_bytes": "bytes"}
    assert Sample.from_json(doc).units == sample.units


def test_a_document_without_units_reads_as_undeclared() -> None:
    doc = FakeBackend().sample().to_json()
    del doc["units"]
    assert Sample.from_json(doc).units == {}


def test_an_unknown_unit_is_refused_by_name() -> None:
    doc = FakeBackend().sample().to_json()
    doc["units"] = {"commit_bytes": "furlongs"}
    with pytest.raises(ModelError, match="'furlongs' of 'commit_bytes' is not one of bytes, pages, count"):
        Sample.from_json(doc)
