"""The exporter's answer, scraped over HTTP: lists, fragmentation, file cache, errors as metrics."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app import cli
from app.backends.base import BackendError
from app.backends.linux import LinuxBackend
from app.cli import common as cli_common
from app.filecache import FileCache, FileScan, Method
from app.model import LIST_KEYS
from tests.fake_backend import FakeBackend
from tests.metrics_scrape import Scrape, running, scrape

FIXTURES = Path(__file__).parent / "fixtures" / "linux"
linux = pytest.mark.skipif(not Path("/proc/buddyinfo").exists(), reason="needs a Linux /proc")


@dataclass(frozen=True)
class Sources:
    """Capabilities as a backend would offer them, including ones base.Capabilities may not name yet."""

    fragmentation: Any = None
    page_census: Any = None
    file_cache: Any = None


class SourcedBackend(FakeBackend):
    """The fake backend with chosen capabilities."""

    def __init__(self, sources: Sources, **kwargs: Any):
        super().__init__(**kwargs)
        self.sources = sources

    def capabilities(self) -> Any:
        return self.sources


class BrokenFragmentation:
    """A fragmentation source whose reads fail the way a backend's do, or with a bug."""

    def __init__(self, error: Exception):
        self.error = error

    def read(self, baseline: Any = None) -> Any:
        raise self.error


class RecordedFiles:
    """A file-cache source answering with fixed files, recording what it was asked to scan."""

    def __init__(self, files: tuple[FileCache, ...]) -> None:
        self.files = files
        self.asked: list[tuple[str, ...]] = []

    def scan(self, paths: Any, progress: Any = None, cancelled: Any = None) -> FileScan:
        self.asked.append(tuple(paths))
        return FileScan(self.files, Method.CACHESTAT, examined=len(self.files))


FILES = (
    FileCache("/srv/data/a", 8192, 4096, dirty_bytes=4096, writeback_bytes=0),
    FileCache("/srv/data/b", 4096, 4096, dirty_bytes=0, writeback_bytes=0),
    FileCache("/var/log/c", 4096, 0, dirty_bytes=0, writeback_bytes=0),
)


def assert_lists_sum_to_total(result: Scrape) -> None:
    lists = result.series("ramlens_memory_list_bytes")
    assert len(lists) >= 4
    assert sum(v for _, v in lists) == result.value("ramlens_memory_total_bytes")
    for labels, size in lists:
        parts = [
            v for got, v in result.series("ramlens_memory_list_part_bytes") if got["list"] == labels["list"]
        ]
        if parts:
            assert sum(parts) == size, labels


@linux
def test_real_lists_sum_to_total_and_parts_to_their_list() -> None:
    backend = LinuxBackend()
    with running(backend) as exporter:
        for _ in range(3):  # every scrape reads anew and adds up
            result = scrape(exporter.exporter.url)
            assert result.value("ramlens_up") == 1
            assert_lists_sum_to_total(result)
            assert (
                0
                < result.value("ramlens_memory_available_bytes")
                <= result.value("ramlens_memory_total_bytes")
            )
            assert result.value("ramlens_exporter_info", backend="procfs") == 1
            assert result.value("process_resident_memory_bytes") > 0  # the exporter's own process metrics
    backend.close()


def test_one_sample_per_scrape_and_none_between() -> None:
    backend = FakeBackend()
    with running(backend) as exporter:
        assert backend.samples_taken == 0  # starting reads nothing
        first = scrape(exporter.exporter.url)
        assert backend.samples_taken == 1
        backend.move("standby", "free", 0.5)
        second = scrape(exporter.exporter.url)
        assert backend.samples_taken == 2
    assert first.value("ramlens_memory_list_bytes", list="standby") == 8 << 30
    assert second.value("ramlens_memory_list_bytes", list="standby") == 4 << 30
    assert_lists_sum_to_total(second)


def test_windows_lists_and_parts() -> None:
    with running(FakeBackend(platform="windows")) as exporter:
        result = scrape(exporter.exporter.url)
    assert {labels["list"] for labels, _ in result.series("ramlens_memory_list_bytes")} == set(LIST_KEYS)
    assert (
        len([1 for got, _ in result.series("ramlens_memory_list_part_bytes") if got["list"] == "standby"])
        == 8
    )
    assert_lists_sum_to_total(result)
    assert "ramlens_free_blocks" not in result.samples  # no fragmentation source: no such series


def _frag_json(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert cli.main(["frag", "--json"]) == 0
    doc: dict[str, Any] = json.loads(capsys.readouterr().out)
    return doc


def assert_matches_frag_json(result: Scrape, doc: dict[str, Any]) -> None:
    seen = 0
    for zone in doc["zones"]:
        where = {"node": str(zone["node"]), "zone": zone["zone"]}
        assert result.value("ramlens_zone_free_bytes", **where) == zone["free_bytes"]
        for o in zone["orders"]:
            at = {**where, "order": str(o["order"])}
            assert result.value("ramlens_free_blocks", **at) == o["blocks"]
            assert result.value("ramlens_free_block_bytes", **at) == o["bytes"]
            assert result.value("ramlens_unusable_free_index", **at) == float(o["unusable_free_index"])
            assert result.value("ramlens_fragmentation_index", **at) == float(o["fragmentation_index"])
            seen += 1
    assert len(result.series("ramlens_free_blocks")) == seen > 0  # no series beyond the document's
    for name, counter in doc["compaction"].items():
        assert result.value("ramlens_compaction_total", counter=name) == counter["value"]
    assert result.value("ramlens_buddy_free_bytes") == doc["buddy_free_bytes"]
    assert result.value("ramlens_not_in_buddy_bytes") == doc["not_in_buddy_bytes"]
    assert result.value("ramlens_huge_page_order") == doc["huge_order"]


@pytest.mark.skipif(not hasattr(os, "sysconf"), reason="the Linux backend asks os.sysconf for the page size")
@pytest.mark.parametrize("tree", ["busy-cache", "after-drop-compact"])
def test_fragmentation_series_match_frag_json(
    tree: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same captured /proc for both: `ramlens frag --json` and a scrape must carry the same figures."""
    proc = FIXTURES / tree
    with monkeypatch.context() as patch:  # point the command at a backend over the captured tree
        patch.setattr(cli_common, "detect", lambda: LinuxBackend(proc=proc))
        doc = _frag_json(capsys)
    with running(LinuxBackend(proc=proc)) as exporter:
        result = scrape(exporter.exporter.url)
    assert_matches_frag_json(result, doc)
    assert "ramlens_extfrag_threshold" not in result.samples  # the captured tree has no sys/vm
    assert result.value("ramlens_up") == 1


@linux
def test_live_fragmentation_series_are_those_of_frag_json(capsys: pytest.CaptureFixture[str]) -> None:
    """On the live kernel the free blocks move between two readings; the series and constants may not."""
    doc = _frag_json(capsys)
    with running(LinuxBackend()) as exporter:
        result = scrape(exporter.exporter.url)
    wanted = {(str(z["node"]), z["zone"], str(o["order"])) for z in doc["zones"] for o in z["orders"]}
    got = {(s["node"], s["zone"], s["order"]) for s, _ in result.series("ramlens_fragmentation_index")}
    assert got == wanted
    assert {s["counter"] for s, _ in result.series("ramlens_compaction_total")} == set(doc["compaction"])
    assert result.value("ramlens_huge_page_order") == doc["huge_order"]
    if doc["extfrag_threshold"] is not None:
        assert result.value("ramlens_extfrag_threshold") * 1000 == doc["extfrag_threshold"]


def test_failing_sample_is_an_error_metric_and_the_server_keeps_answering() -> None:
    backend = FakeBackend(sample_error="cannot read /proc/meminfo: No such file or directory")
    with running(backend) as exporter:
        for n in (1, 2):
            broken = scrape(exporter.exporter.url)  # HTTP 200, not a 500
            assert broken.value("ramlens_up") == 0
            assert broken.value("ramlens_scrape_error", source="sample") == 1
            assert broken.series("ramlens_scrape_error")[0][0]["message"] == backend.sample_error
            assert broken.value("ramlens_scrape_errors_total", source="sample") == n
            assert "ramlens_memory_list_bytes" not in broken.samples
            assert broken.value("python_info") == 1  # the rest of the answer is there
        backend.sample_error = ""
        healed = scrape(exporter.exporter.url)
    assert healed.value("ramlens_up") == 1
    assert "ramlens_scrape_error" not in healed.samples
    assert healed.value("ramlens_scrape_errors_total", source="sample") == 2  # the count stays
    assert_lists_sum_to_total(healed)


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (BackendError("cannot read /proc/buddyinfo: permission denied"), "cannot read /proc/buddyinfo"),
        (ZeroDivisionError("division by zero"), "ZeroDivisionError: division by zero"),
    ],
)
def test_failing_fragmentation_leaves_the_lists(error: Exception, message: str) -> None:
    backend = SourcedBackend(Sources(fragmentation=BrokenFragmentation(error)))
    with running(backend) as exporter:
        result = scrape(exporter.exporter.url)
        again = scrape(exporter.exporter.url)
    assert result.value("ramlens_up") == 1  # the lists were read
    assert_lists_sum_to_total(result)
    assert message in result.series("ramlens_scrape_error")[0][0]["message"]
    assert result.value("ramlens_scrape_error", source="fragmentation") == 1
    assert again.value("ramlens_scrape_errors_total", source="fragmentation") == 2
    assert again.value("ramlens_scrape_errors_total", source="sample") == 0


def test_file_cache_totals_when_the_backend_offers_them() -> None:
    source = RecordedFiles(FILES)
    backend = SourcedBackend(Sources(file_cache=source))
    with running(backend, file_cache_paths=("/srv/data", "/var/log")) as exporter:
        result = scrape(exporter.exporter.url)
    assert source.asked == [("/srv/data", "/var/log")]
    assert result.value("ramlens_file_cache_bytes", state="cached") == sum(f.cached_bytes for f in FILES)
    assert result.value("ramlens_file_cache_bytes", state="dirty") == sum(f.dirty_bytes or 0 for f in FILES)
    assert result.value("ramlens_file_cache_files") == len(FILES)
    assert "evicted" not in {labels["state"] for labels, _ in result.series("ramlens_file_cache_bytes")}


def test_file_cache_totals_from_the_real_page_cache(tmp_path: Path) -> None:
    """The real cachestat/mincore source over a file just written and read: the scrape agrees with it."""
    from app.backends.linux.filecache import PageCacheFiles

    data = tmp_path / "data.bin"
    data.write_bytes(os.urandom(1 << 20))
    data.read_bytes()
    source = PageCacheFiles()
    backend = SourcedBackend(Sources(file_cache=source))
    with running(backend, file_cache_paths=(str(tmp_path),)) as exporter:
        result = scrape(exporter.exporter.url)
    expected = source.scan([str(tmp_path)]).total("cached_bytes")
    assert expected is not None and expected > 0
    assert abs(result.value("ramlens_file_cache_bytes", state="cached") - expected) <= 64 * 1024
    assert result.value("ramlens_file_cache_files") == 1


def test_file_cache_not_read_without_paths() -> None:
    source = RecordedFiles(FILES)
    with running(SourcedBackend(Sources(file_cache=source))) as exporter:
        result = scrape(exporter.exporter.url)
    assert source.asked == []
    assert "ramlens_file_cache_bytes" not in result.samples
