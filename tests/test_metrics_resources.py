"""The files that run the exporter elsewhere: the Grafana dashboard draws metrics the exporter has."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.autoclean import AutoCleanSettings
from app.filecache import FileCache, FileScan, Method
from app.metrics.autoclean import AutoCleanLoop, AutoCleanTally
from app.metrics.collector import RamLensCollector
from app.model import LIST_KEYS, LIST_LABELS
from tests.fake_backend import FakeBackend
from tests.metrics_scrape import scrape, serving

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = ROOT / "resources" / "grafana" / "ramlens-dashboard.json"
UNIT = ROOT / "resources" / "systemd" / "ramlens-exporter.service"
METRIC = re.compile(r"\b((?:ramlens|process)_[a-z_]+)")

# ui/colors.py's LIST_COLORS (not imported: that module loads Qt).
HISTORY_COLORS = {
    "active": "#d9644a",
    "standby": "#4a86c8",
    "modified": "#e0a43a",
    "modified_no_write": "#b58a3c",
    "free": "#5cae6b",
    "zeroed": "#8fcf8a",
    "bad": "#8c8c8c",
}


@dataclass(frozen=True)
class FrozenFragmentation:
    """A fragmentation source answering with a fixed document (one zone, two orders)."""

    def read(self, baseline: Any = None) -> Any:
        return self

    def to_json(self) -> dict[str, Any]:
        orders = [
            {
                "order": o,
                "blocks": 1,
                "bytes": 4096 << o,
                "unusable_free_index": "0.000",
                "fragmentation_index": "-1.000",
            }
            for o in (0, 1)
        ]
        return {
            "page_size": 4096,
            "huge_order": 9,
            "extfrag_threshold": 500,
            "memfree_bytes": 12288,
            "buddy_free_bytes": 12288,
            "not_in_buddy_bytes": 0,
            "not_in_buddy_label": "held elsewhere",
            "zones": [{"node": 0, "zone": "Normal", "free_bytes": 12288, "orders": orders}],
            "compaction": {"compact_stall": {"value": 3, "change": 0}},
        }


@dataclass(frozen=True)
class EverySource:
    fragmentation: Any = FrozenFragmentation()
    page_census: Any = None
    file_cache: Any = None


class FullBackend(FakeBackend):
    """A backend offering every source the exporter reads, for a scrape with every family in it."""

    def capabilities(self) -> Any:
        class Files:
            def scan(self, paths: Any, progress: Any = None, cancelled: Any = None) -> FileScan:
                return FileScan((FileCache("/srv/a", 4096, 4096, 0, 0, 0, 0),), Method.CACHESTAT, 1)

        return EverySource(file_cache=Files())


def dashboard() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(DASHBOARD.read_text())
    return doc


def expressions(doc: dict[str, Any]) -> list[str]:
    return [t["expr"] for p in doc["panels"] for t in p.get("targets", [])]


def test_every_metric_the_dashboard_draws_is_exported() -> None:
    backend = FullBackend(platform="windows")  # every list key is present on Windows
    settings = AutoCleanSettings(enabled=True, usage_percent=1, actions=("working-sets",))
    loop = AutoCleanLoop(backend, settings, AutoCleanTally(enabled=True), log=lambda line: None)
    loop.step()  # one clean, so that the auto-clean counters have series
    with serving(RamLensCollector(backend, autoclean=loop.tally, file_cache_paths=("/srv",))) as exporter:
        result = scrape(exporter.url)
        backend.sample_error = "meminfo vanished"  # ramlens_scrape_error is there only while a read fails
        failing = scrape(exporter.url)
    drawn = {name for expr in expressions(dashboard()) for name in METRIC.findall(expr)}
    assert len(drawn) >= 12
    exported = set(result.samples) | set(failing.samples)
    assert drawn <= exported, drawn - exported


def test_the_lists_stack_in_the_history_charts_order_and_colours() -> None:
    panel = next(p for p in dashboard()["panels"] if p["title"].startswith("Memory lists"))
    assert panel["fieldConfig"]["defaults"]["custom"]["stacking"]["mode"] == "normal"
    keys = [re.search(r'list="(\w+)"', t["expr"]).group(1) for t in panel["targets"]]  # type: ignore[union-attr]
    assert keys == list(LIST_KEYS)
    assert [t["legendFormat"] for t in panel["targets"]] == [LIST_LABELS[k] for k in LIST_KEYS]
    colours = {
        o["matcher"]["options"]: o["properties"][0]["value"]["fixedColor"]
        for o in panel["fieldConfig"]["overrides"]
    }
    assert colours == {LIST_LABELS[k]: c for k, c in HISTORY_COLORS.items()}


def test_the_unit_runs_unprivileged_on_loopback() -> None:
    unit = dict(
        line.split("=", 1)
        for line in UNIT.read_text().splitlines()
        if "=" in line and not line.startswith("#")
    )
    assert unit["DynamicUser"] == "yes" and unit["CapabilityBoundingSet"] == ""
    assert unit["ProtectSystem"] == "strict" and unit["NoNewPrivileges"] == "yes"
    assert "serve --metrics 127.0.0.1:9841" in unit["ExecStart"]
