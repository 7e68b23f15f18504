"""``ramlens pages`` on "Windows": the PFN census through the same command and capability as on Linux."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from app import cli
from tests.windows.fake_kernel import FakeWindows
from tests.windows.test_cli import windows_cli  # noqa: F401 (the fixture)


def test_text_census_with_every_view(
    windows_cli: Callable[..., FakeWindows],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake = windows_cli()
    assert cli.main(["pages", "--use-counts", "--priorities", "--owners", "--combinations", "3"]) == 0
    out = capsys.readouterr().out
    assert f"{fake.total} page frames" in out
    assert "class 80 (memory lists)" in out and "ZeroPageCount" in out
    for label in (
        "Process private",
        "Mapped file",
        "Nonpaged pool",
        "Unused",
        "Large page",
        "Modified no-write",
    ):
        assert label in out
    assert "standby (listed)" in out and "repurposed" in out
    owner_lines = [line.split() for line in out.splitlines() if line.strip().startswith(("100 ", "200 "))]
    assert {line[0] for line in owner_lines} == {"100", "200"}
    assert "rarer combinations" in out and " · priority " in out


def test_json_census_matches_class_80(
    windows_cli: Callable[..., FakeWindows],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake = windows_cli()
    assert cli.main(["pages", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["frames"] == fake.total
    classes = {c["key"]: c["pages"] for c in doc["classes"]}
    assert classes["free"] == fake.free and classes["standby"] == sum(fake.standby)
    assert classes["modified"] == fake.modified and classes["bad"] == fake.bad
    zero = next(row for row in doc["meminfo"] if row["key"] == "zeroed")
    assert zero["reference"] == "ZeroPageCount" and zero["difference"] == 0
    assert doc["use_counts"]["total"] == fake.total
    assert [p["listed"] for p in doc["priority_summary"]["priorities"]] == fake.standby


def test_ranges(windows_cli: Callable[..., FakeWindows], capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    fake = windows_cli()
    assert cli.main(["pages", "--ranges", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["ram_bytes"] == fake.total * 4096
    assert [(r["start"] // 4096, r["size_bytes"] // 4096) for r in doc["ram"]] == fake.pfn_database().ranges
    assert cli.main(["pages", "--ranges"]) == 0
    assert "Superfetch range" in capsys.readouterr().out


def test_not_elevated_says_how_and_still_shows_the_lists(
    windows_cli: Callable[..., FakeWindows],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    windows_cli(admin=False)
    assert cli.main(["pages"]) == 2
    err = capsys.readouterr().err
    assert "administrator" in err and "ramlens --elevate pages" in err
    assert "the memory lists still read:" in err


def test_sysmain_stopped_fails_with_the_lists(
    windows_cli: Callable[..., FakeWindows],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    windows_cli(sysmain_running=False)
    assert cli.main(["pages"]) == 1
    err = capsys.readouterr().err
    assert "SysMain" in err and "Free" in err and "the memory lists still read:" in err
    assert cli.main(["pages", "--ranges"]) == 1
    assert "not shown: physical ranges:" in capsys.readouterr().out
