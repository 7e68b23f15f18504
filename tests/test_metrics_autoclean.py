"""Auto-clean in the exporter: the window's engine, its options, and counters that move after a run."""

from __future__ import annotations

import os
import re
import signal
import threading
import time
from pathlib import Path

import pytest

from app.autoclean import AutoCleanSettings
from app.cli import build_parser
from app.cli.serve import autoclean_settings
from app.metrics.autoclean import AutoCleanLoop, AutoCleanTally
from app.metrics.collector import RamLensCollector
from tests.fake_backend import GIB, FakeBackend
from tests.metrics_scrape import Scrape, running, scrape, serving, start_command, wait_for_line

# The fake machine has 6 GiB in use of 16: a 1 % threshold fires; "kernel-caches" moves 3 % of in use to free.
FIRES = AutoCleanSettings(enabled=True, usage_percent=1, actions=("kernel-caches",), cooldown_seconds=60)
MOVED = int(6 * GIB * 0.03) // 4096 * 4096


def loop_for(backend: FakeBackend, settings: AutoCleanSettings = FIRES) -> tuple[AutoCleanLoop, list[str]]:
    lines: list[str] = []
    return AutoCleanLoop(backend, settings, AutoCleanTally(enabled=True), log=lines.append), lines


def scraped(loop: AutoCleanLoop) -> Scrape:
    with serving(RamLensCollector(loop.backend, autoclean=loop.tally)) as exporter:
        return scrape(exporter.url)


def test_counters_move_after_a_run_and_the_cooldown_holds() -> None:
    backend = FakeBackend()
    loop, lines = loop_for(backend)
    before = scraped(loop)
    assert before.value("ramlens_autoclean_enabled") == 1
    assert before.value("ramlens_autoclean_running") == 1
    assert "ramlens_autoclean_runs_total" not in before.samples
    loop.step()
    loop.step()  # within the cooldown: no second clean
    after = scraped(loop)
    assert backend.calls == [("run", "kernel-caches")]
    assert after.value("ramlens_autoclean_fired_total", rule="usage") == 1
    assert after.value("ramlens_autoclean_runs_total", action="kernel-caches") == 1
    assert after.value("ramlens_autoclean_failures_total", action="kernel-caches") == 0
    moved = {"action": "kernel-caches"}
    assert (
        after.value("ramlens_autoclean_moved_bytes_total", **moved, list="active", direction="out") == MOVED
    )
    assert after.value("ramlens_autoclean_moved_bytes_total", **moved, list="free", direction="in") == MOVED
    assert after.value("ramlens_autoclean_backoff_cleans") == 1  # still above 1 %: the next wait doubles
    assert any("fired [usage]" in line for line in lines) and any("skipped [usage]" in line for line in lines)


def test_counters_start_at_zero_before_the_first_clean() -> None:
    """Prometheus's increase() misses a counter that first appears at 1: every series starts at 0."""
    quiet = AutoCleanSettings(enabled=True, usage_percent=99, standby_rule=True, standby_gib=100)
    backend = FakeBackend()
    loop, _ = loop_for(backend, quiet)
    loop.step()
    result = scraped(loop)
    assert backend.calls == []
    assert {s["rule"]: v for s, v in result.series("ramlens_autoclean_fired_total")} == {
        "usage": 0,
        "standby": 0,
    }
    runnable = {"kernel-caches", "working-sets", "system-file-cache"} & {
        a.action_id for a in backend.availability()
    }
    assert {s["action"] for s, _ in result.series("ramlens_autoclean_runs_total")} == runnable
    moved = result.series("ramlens_autoclean_moved_bytes_total")
    assert len(moved) == len(runnable) * len(backend.lists) * 2 and all(v == 0 for _, v in moved)


def test_a_failed_action_is_counted() -> None:
    loop, lines = loop_for(FakeBackend(fail={"kernel-caches": "the kernel said no"}))
    loop.step()
    result = scraped(loop)
    assert result.value("ramlens_autoclean_runs_total", action="kernel-caches") == 1
    assert result.value("ramlens_autoclean_failures_total", action="kernel-caches") == 1
    assert any("the kernel said no" in line for line in lines)


def test_without_rights_it_says_it_is_not_running() -> None:
    backend = FakeBackend(unavailable={"kernel-caches": "needs root"})
    loop, lines = loop_for(backend)
    loop.step()
    result = scraped(loop)
    assert result.value("ramlens_autoclean_running") == 0
    assert backend.calls == []
    assert any("not running: " in line and "needs root" in line for line in lines)


def test_a_failing_reading_is_logged_once_and_the_loop_goes_on() -> None:
    backend = FakeBackend(sample_error="meminfo vanished")
    loop, lines = loop_for(backend)
    loop.step()
    loop.step()
    assert [line for line in lines if "meminfo vanished" in line] == [
        "auto-clean cannot read memory: meminfo vanished"
    ]
    backend.sample_error = ""
    loop.step()
    assert backend.calls == [("run", "kernel-caches")]


def test_options_mirror_the_settings_dialog() -> None:
    args = build_parser().parse_args(
        ["serve", "--autoclean", "--no-usage-rule", "--standby-gib", "2.5", "--interval-minutes", "15"]
        + ["--actions", "standby-list, compact", "--cooldown", "30", "--max-cooldown", "600"]
    )
    assert autoclean_settings(args) == AutoCleanSettings(
        enabled=True,
        usage_rule=False,
        standby_rule=True,
        standby_gib=2.5,
        interval_rule=True,
        interval_minutes=15,
        actions=("standby-list", "compact"),
        cooldown_seconds=30,
        max_cooldown_seconds=600,
    )
    defaults = autoclean_settings(build_parser().parse_args(["serve", "--autoclean"]))
    assert defaults == AutoCleanSettings(enabled=True)  # the window's defaults


def test_the_loop_runs_on_its_thread_while_scrapes_are_answered() -> None:
    backend = FakeBackend()
    with running(backend, settings=FIRES) as exporter:
        assert exporter.autoclean is not None
        exporter.autoclean.check_seconds = 0.05
        stop = threading.Event()
        thread = threading.Thread(target=exporter.autoclean.run, args=(stop,))
        thread.start()
        deadline = time.monotonic() + 30
        while exporter.autoclean.tally.runs("kernel-caches") == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        result = scrape(exporter.exporter.url)
        stop.set()
        thread.join()
    assert result.value("ramlens_autoclean_runs_total", action="kernel-caches") == 1
    assert result.value("ramlens_up") == 1


@pytest.mark.root
@pytest.mark.skipif(
    not Path("/proc/sys/vm/compact_memory").exists() or os.geteuid() != 0,
    reason="compacting memory needs root on a Linux kernel",
)
def test_real_kernel_compaction_is_counted() -> None:
    """One real clean: compaction moves no page between lists for good, so it disturbs nobody's cache."""
    child, url = start_command(
        "--metrics", "127.0.0.1:0", "--autoclean", "--usage-percent", "1", "--actions", "compact"
    )
    try:
        # The engine logs "done" or "failed" once the run is counted: scrape then, not on a poll.
        wait_for_line(child, re.compile(r"auto-clean .*(done|failed) \[usage\]"), timeout=120)
        result = scrape(url)
    finally:
        child.send_signal(signal.SIGTERM)
        status = child.wait(timeout=60)
    assert status == 0
    assert result.value("ramlens_autoclean_runs_total", action="compact") == 1
    assert result.value("ramlens_autoclean_failures_total", action="compact") == 0
    assert result.value("ramlens_autoclean_fired_total", rule="usage") == 1
    assert result.value("ramlens_autoclean_running") == 1
