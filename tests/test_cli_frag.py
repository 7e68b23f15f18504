"""``ramlens frag``: the report on the live machine, JSON, --types as root and as an ordinary user."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app import cli
from tests.nobody import CLI, needs_nobody, run_python_as_nobody

ROOT = Path(__file__).resolve().parent.parent
linux = pytest.mark.skipif(not Path("/proc/buddyinfo").exists(), reason="needs a Linux /proc")


@linux
def test_text_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["frag"]) == 0
    out = capsys.readouterr().out
    assert "Huge-page order" in out and "fragmentation" in out and "unusable" in out
    assert "not yet handed to the buddy allocator" in out
    assert "compact_stall" in out


@linux
def test_json_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["frag", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["zones"] and doc["huge_order"] >= 1
    for zone in doc["zones"]:
        for order in zone["orders"]:
            for key in ("unusable_free_index", "fragmentation_index"):
                value = order[key]
                assert value == "-1.000" or (len(value) == 5 and 0.0 <= float(value) <= 1.0), value
    assert doc["not_in_buddy_bytes"] == doc["memfree_bytes"] - doc["buddy_free_bytes"]
    assert "pagetypeinfo" not in doc  # read only on demand


@linux
@pytest.mark.skipif(os.geteuid() != 0, reason="--types reads /proc/pagetypeinfo: root")
def test_types_as_root(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["frag", "--json", "--types"]) == 0
    doc = json.loads(capsys.readouterr().out)
    types = doc["pagetypeinfo"]
    assert types["pageblock_order"] == 9 or types["pageblock_order"] > 0
    assert {"Unmovable", "Movable"} <= {row["type"] for row in types["free"]}
    assert cli.main(["frag", "--types"]) == 0
    assert "Free blocks by migrate type" in capsys.readouterr().out


@linux
@needs_nobody
def test_types_as_ordinary_user_is_refused_clearly() -> None:
    done = run_python_as_nobody(CLI, "frag", "--types")
    assert done.returncode == 2
    assert "needs root: /proc/pagetypeinfo is readable only by root" in done.stderr
    plain = run_python_as_nobody(CLI, "frag")
    assert plain.returncode == 0, plain.stderr  # buddyinfo is for everyone
    assert "Huge-page order" in plain.stdout
