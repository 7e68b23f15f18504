"""Auto-clean in the exporter: the window's engine driven by its own loop, and counters of what it did.

The engine (app.autoclean) is the window's, with the same settings and cooldown rules; here a
loop feeds it a sample every ``check_seconds`` (the window's sampler does that at its interval)
and runs what it decides. :class:`AutoCleanTally` is the only state the scrape threads read.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric

from app.autoclean import (
    RULE_INTERVAL,
    RULE_STANDBY,
    RULE_USAGE,
    AutoClean,
    AutoCleanSettings,
    Event,
    EventKind,
    State,
    Status,
)
from app.backends.base import Backend, BackendError
from app.model import ActionResult


@dataclass(frozen=True)
class _Moved:
    action: str
    list_key: str
    direction: str  # "in" | "out"


class AutoCleanTally:
    """Counts of auto-clean runs, failures and moved bytes; written by the loop, read by scrapes (locked)."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._lock = threading.Lock()
        self._fired: Counter[str] = Counter()
        self._runs: Counter[str] = Counter()
        self._failures: Counter[str] = Counter()
        self._moved: Counter[_Moved] = Counter()
        self._status = Status(State.OFF, "off")
        self._backoff = 0

    def expect(self, rules: Iterable[str], action_ids: Iterable[str], list_keys: Iterable[str]) -> None:
        """Start the counters that can move at 0: Prometheus's increase() misses a series born at 1."""
        action_ids, list_keys = tuple(action_ids), tuple(list_keys)
        with self._lock:
            self._fired.update(dict.fromkeys(rules, 0))
            self._runs.update(dict.fromkeys(action_ids, 0))
            self._moved.update(
                {_Moved(a, k, d): 0 for a in action_ids for k in list_keys for d in ("in", "out")}
            )

    def fired(self, rule: str) -> None:
        """A rule fired a clean."""
        with self._lock:
            self._fired[rule] += 1

    def record(self, result: ActionResult) -> None:
        """One action of a clean finished: count it and the bytes each list lost or gained."""
        with self._lock:
            self._runs[result.action_id] += 1
            if not result.ok:
                self._failures[result.action_id] += 1
            for change in result.changes():
                direction = "in" if change.delta > 0 else "out"
                self._moved[_Moved(result.action_id, change.key, direction)] += abs(change.delta)

    def set_state(self, status: Status, backoff: int) -> None:
        """The engine's state after the loop's latest step."""
        with self._lock:
            self._status, self._backoff = status, backoff

    def runs(self, action_id: str) -> int:
        """How many times this action ran."""
        with self._lock:
            return self._runs[action_id]

    def families(self) -> list[Metric]:
        """The auto-clean metric families (only ``ramlens_autoclean_enabled`` when it is off)."""
        enabled = GaugeMetricFamily("ramlens_autoclean_enabled", "1 when serve runs with --autoclean.")
        enabled.add_metric([], 1 if self.enabled else 0)
        if not self.enabled:
            return [enabled]
        with self._lock:
            running = GaugeMetricFamily(
                "ramlens_autoclean_running",
                "1 when auto-clean can clean; 0 when it cannot (the log says why, e.g. no rights).",
            )
            running.add_metric([], 1 if self._status.running else 0)
            backoff = GaugeMetricFamily(
                "ramlens_autoclean_backoff_cleans",
                "Cleans in a row that left memory above the threshold (each one doubles the cooldown).",
            )
            backoff.add_metric([], self._backoff)
            fired = CounterMetricFamily(
                "ramlens_autoclean_fired", "Cleans started, by rule.", labels=["rule"]
            )
            for rule, n in sorted(self._fired.items()):
                fired.add_metric([rule], n)
            runs = CounterMetricFamily(
                "ramlens_autoclean_runs", "Actions run by auto-clean.", labels=["action"]
            )
            failures = CounterMetricFamily(
                "ramlens_autoclean_failures", "Actions run by auto-clean that failed.", labels=["action"]
            )
            for action_id, n in sorted(self._runs.items()):
                runs.add_metric([action_id], n)
                failures.add_metric([action_id], self._failures[action_id])
            moved = CounterMetricFamily(
                "ramlens_autoclean_moved_bytes",
                "Bytes each list lost (out) or gained (in) across auto-clean's actions.",
                labels=["action", "list", "direction"],
            )
            for key, n in sorted(self._moved.items(), key=lambda kv: (kv[0].action, kv[0].list_key)):
                moved.add_metric([key.action, key.list_key, key.direction], n)
        return [enabled, running, backoff, fired, runs, failures, moved]


class AutoCleanLoop:
    """Feeds the engine a sample every ``check_seconds`` and runs what it decides, on the calling thread."""

    def __init__(
        self,
        backend: Backend,
        settings: AutoCleanSettings,
        tally: AutoCleanTally,
        *,
        check_seconds: float = 1.0,
        log: Callable[[str], None] = print,
    ):
        self.backend = backend
        self.tally = tally
        self.check_seconds = check_seconds
        self._log = log
        self._last_error = ""
        self._last_status = ""
        self._expected = False  # counters started at 0 (needs the first sample's lists)
        self.engine = AutoClean(settings, backend.availability(), on_event=self._on_event)
        self._publish()

    def _on_event(self, event: Event) -> None:
        if event.kind is EventKind.FIRED:
            self.tally.fired(event.rule)
        self._log(f"auto-clean {event.line()}")

    def step(self) -> None:
        """Read once, decide, and run the decided actions (one after the other, as the window does)."""
        try:
            sample = self.backend.sample()
        except BackendError as exc:
            if str(exc) != self._last_error:  # once per distinct failure, not once a second
                self._log(f"auto-clean cannot read memory: {exc}")
            self._last_error = str(exc)
            return
        self._last_error = ""
        if not self._expected:
            s = self.engine.settings
            switched = (
                (RULE_USAGE, s.usage_rule),
                (RULE_STANDBY, s.standby_rule),
                (RULE_INTERVAL, s.interval_rule),
            )
            rules = [rule for rule, on in switched if on]
            self.tally.expect(rules, self.engine.runnable()[0], [m.key for m in sample.lists])
            self._expected = True
        decision = self.engine.consider(sample)
        for action_id in decision.run if decision.fire else ():
            result = self.backend.run(action_id)
            self.tally.record(result)
            self.engine.finished(result)
        self._publish()

    def _publish(self) -> None:
        status = self.engine.status()
        if status.text != self._last_status:
            self._log(f"auto-clean {status.text}")
            self._last_status = status.text
        self.tally.set_state(status, self.engine.failures)

    def run(self, stop: threading.Event) -> None:
        """Step until ``stop`` is set."""
        while not stop.is_set():
            self.step()
            stop.wait(self.check_seconds)
