"""``ramlens pages``: the census from the command line, as root and as an ordinary user."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app import cli
from app.backends.linux import census
from app.pagecensus import Census
from tests.live_census import shared_census
from tests.nobody import CLI, needs_nobody, run_python_as_nobody

ROOT = Path(__file__).resolve().parent.parent
as_root = pytest.mark.skipif(
    os.geteuid() != 0 or not Path("/proc/kpageflags").exists(),
    reason="the census reads /proc/kpageflags: root",
)


@as_root
def test_json_census(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["pages", "--json", "--combinations", "5"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert sum(c["pages"] for c in doc["classes"]) == doc["frames"]
    assert [c["key"] for c in doc["classes"]][:2] == ["reserved", "free"]
    assert len(doc["combinations"]) == 5
    assert doc["combinations"][0]["pages"] >= doc["combinations"][-1]["pages"]
    free = next(row for row in doc["meminfo"] if row["key"] == "free")
    assert (
        free["reference"] == "MemFree"
        and free["difference"] == free["census_bytes"] - free["reference_bytes"]
    )
    assert doc["mapped_frames"] is None  # kpagecount only with --map-counts


@as_root
@pytest.mark.live_census
def test_text_census(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # The CLI's own census is taken by test_json_census; this one prints the census shared with the other
    # tests (a real one, with kpagecount), so the text is checked without a second second of kernel time.
    asked: list[bool] = []
    shared = shared_census()  # before the patch below: it may take the census now

    def take_census(proc: Path, progress: object, map_counts: bool, page_size: int) -> Census:
        asked.append(map_counts)
        return shared

    monkeypatch.setattr(census, "take_census", take_census)
    assert cli.main(["pages", "--combinations", "3", "--map-counts"]) == 0
    assert asked == [True]  # --map-counts reaches the census
    out = capsys.readouterr().out
    for label in ("Free", "Standby", "Anonymous", "Slab", "Page tables", "Reserved / hole / no flags"):
        assert label in out
    assert "BUDDY" in out and "more than once" in out
    assert "rarer combinations" in out


def test_negative_combinations_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["pages", "--combinations", "-1"]) == 2
    assert "--combinations" in capsys.readouterr().err


@needs_nobody
def test_ordinary_user_gets_a_clear_message() -> None:
    done = run_python_as_nobody(CLI, "pages")
    assert done.returncode == 2
    assert "needs root: /proc/kpageflags is readable only by root" in done.stderr
    assert done.stdout == ""


def test_the_pages_tab_is_not_the_pages_command() -> None:
    assert cli.wants_gui(["--screenshot", "shot.png", "--tab", "pages"])
    assert cli.wants_gui(["--tab", "fragmentation"])
    assert not cli.wants_gui(["pages"])
    assert not cli.wants_gui(["--tab", "pages", "pages"])  # a subcommand after the value still counts
