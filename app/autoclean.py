"""Auto-clean: decide when to run Empty actions automatically — without Mem Reduct's failures.

The engine is fed every sample (:meth:`AutoClean.consider`) and answers with a
:class:`Decision`; the front end runs the decided actions (on its worker) and hands each
result back (:meth:`AutoClean.finished`). It never loops: after a clean there is a cooldown,
and when a clean does not bring memory back under the threshold the cooldown doubles each
time, up to a cap, until one does. When the chosen actions cannot run (no rights, no
interface) the engine says it is not running and why — it never silently does nothing.
Every decision is kept in a bounded event log. The clock is injectable for tests.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any

from app import actions
from app.backends.base import Availability
from app.model import ActionResult, Sample

GIB = 1 << 30

# Emptying these throws cached file data away: programs read it from disk again, visible stutter.
STUTTER_ACTIONS: frozenset[str] = frozenset(a.id for a in actions.CATALOGUE if a.discards_cache)


def stutter_warning(action_ids: Iterable[str]) -> str:
    """The warning for the chosen actions that throw cached file data away ("" when none does)."""
    chosen = [a for a in actions.CATALOGUE if a.id in set(action_ids) and a.discards_cache]
    if not chosen:
        return ""
    lines = [f"{a.label}: {a.effect}" for a in chosen]
    return "\n".join([*lines, "Run it automatically only if you know you need it."])


# Mem Reduct's defaults minus what stutters; each platform keeps the ones it has.
DEFAULT_ACTIONS: tuple[str, ...] = ("combine-pages", "system-file-cache", "working-sets", "kernel-caches")

RULE_USAGE = "usage"
RULE_STANDBY = "standby"
RULE_INTERVAL = "interval"


MIN_COOLDOWN = 30.0  # seconds between automatic cleans at the least: at most 2,880 a day


class SettingsError(ValueError):
    """Auto-clean settings that are out of range or of the wrong type."""


@dataclass(frozen=True)
class AutoCleanSettings:
    """What the user chose. Everything off by default; validated on construction."""

    enabled: bool = False
    usage_rule: bool = True  # "memory in use above usage_percent"
    usage_percent: float = 90.0
    standby_rule: bool = False  # "standby above standby_gib"
    standby_gib: float = 4.0
    interval_rule: bool = False  # "every interval_minutes"
    interval_minutes: int = 30
    actions: tuple[str, ...] = DEFAULT_ACTIONS
    cooldown_seconds: float = 60.0
    max_cooldown_seconds: float = 3600.0  # the back-off never waits longer than this

    def __post_init__(self) -> None:
        for name in ("enabled", "usage_rule", "standby_rule", "interval_rule"):
            if not isinstance(getattr(self, name), bool):
                raise SettingsError(f"{name} must be true or false")
        _check_range("usage_percent", self.usage_percent, 1, 99)
        _check_range("standby_gib", self.standby_gib, 0.1, 1 << 20)
        _check_range("interval_minutes", self.interval_minutes, 1, 7 * 24 * 60)
        if not isinstance(self.interval_minutes, int):
            raise SettingsError("interval_minutes must be a whole number")
        _check_range("cooldown_seconds", self.cooldown_seconds, MIN_COOLDOWN, 24 * 3600)
        # Room to back off: with a failing action, max = min would clean every cooldown all day.
        _check_range(
            "max_cooldown_seconds", self.max_cooldown_seconds, 2 * self.cooldown_seconds, 7 * 24 * 3600
        )
        if not isinstance(self.actions, tuple) or not self.actions:
            raise SettingsError("choose at least one action to run")
        for a in self.actions:
            if not isinstance(a, str) or a == actions.ALL or not actions.is_known(a):
                raise SettingsError(f"{a!r} is not an action auto-clean can run")
        if len(set(self.actions)) != len(self.actions):
            raise SettingsError("an action is listed twice")

    def ordered_actions(self) -> tuple[str, ...]:
        """The chosen actions in the catalogue's canonical order (trim before flush before purge)."""
        return tuple(a for a in actions.ACTION_IDS if a in self.actions)

    def stutters(self) -> bool:
        """True when a chosen action throws away cached files (the warning applies)."""
        return bool(STUTTER_ACTIONS.intersection(self.actions))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able form for QSettings / a file."""
        out = asdict(self)
        out["actions"] = list(self.actions)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AutoCleanSettings:
        """Validated parse; unknown keys are refused, missing ones take the defaults."""
        if not isinstance(data, Mapping):
            raise SettingsError("auto-clean settings must be a mapping")
        known = set(cls.__dataclass_fields__)
        unknown = set(data) - known
        if unknown:
            raise SettingsError(f"unknown auto-clean setting(s): {', '.join(sorted(map(str, unknown)))}")
        values = dict(data)
        if "actions" in values:
            raw = values["actions"]
            if not isinstance(raw, (list, tuple)):
                raise SettingsError("actions must be a list of action ids")
            values["actions"] = tuple(raw)
        return cls(**values)


def _check_range(name: str, value: Any, lo: float, hi: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
        raise SettingsError(f"{name} must be a number from {lo:g} to {hi:g}, not {value!r}")


class EventKind(str, Enum):
    """What an auto-clean log entry records (the value is the word the log shows)."""

    FIRED = "fired"  # a rule fired: its actions were started
    DONE = "done"  # they finished and memory went below the threshold
    FAILED = "failed"  # they failed or did not help: the cooldown grows
    SKIPPED = "skipped"  # a rule would fire but the cooldown has not passed
    BLOCKED = "blocked"  # a rule would fire but none of its actions can run here
    SWITCHED = "switched"  # auto-clean was switched on or off


class State(Enum):
    """Whether auto-clean runs."""

    OFF = "off"  # switched off by the person
    NOT_RUNNING = "not running"  # switched on, but it cannot clean (no rule, no runnable action)
    ON = "on"


@dataclass(frozen=True)
class Event:
    """One entry of the auto-clean log."""

    time: float  # wall clock
    kind: EventKind
    rule: str  # which rule, "" for state changes
    message: str  # why, for a person
    result: ActionResult | None = None

    def line(self) -> str:
        """One line for the log view and the CLI."""
        stamp = time.strftime("%H:%M:%S", time.localtime(self.time))
        rule = f" [{self.rule}]" if self.rule else ""
        return f"{stamp} {self.kind.value}{rule}: {self.message}"


@dataclass(frozen=True)
class Decision:
    """What to do now: ``run`` the actions (when ``fire``), or nothing, with the reason."""

    fire: bool
    rule: str = ""
    reason: str = ""
    run: tuple[str, ...] = ()


@dataclass(frozen=True)
class Status:
    """Whether auto-clean is running, for the settings dialog, the tray and the status bar."""

    state: State
    text: str  # e.g. "on: in use > 90 %" or "not running: needs root — …"
    skipped: tuple[str, ...] = ()  # chosen actions that cannot run here, each with its reason

    @property
    def running(self) -> bool:
        """True when auto-clean is on and able to clean."""
        return self.state is State.ON


@dataclass
class _State:
    failures: int = 0  # cleans in a row that left memory above the threshold
    next_allowed: float = float("-inf")  # monotonic clock
    last_interval_fire: float | None = None
    in_flight: tuple[str, ...] = ()
    rule: str = ""
    results: list[ActionResult] = field(default_factory=list)
    skipped_logged: bool = False  # one "skipped: cooling down" per cooldown, not one per sample
    blocked_logged: str = ""


class AutoClean:
    """The auto-clean engine. Not thread-safe: call it from one thread (the UI's)."""

    def __init__(
        self,
        settings: AutoCleanSettings,
        availability: Sequence[Availability],
        *,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        log_size: int = 500,
        on_event: Callable[[Event], None] | None = None,
    ):
        self._clock = clock
        self._wall = wall_clock
        self.events: deque[Event] = deque(maxlen=log_size)
        self.on_event = on_event
        self._state = _State()
        self._availability: dict[str, Availability] = {}
        self.settings = settings
        self.set_availability(availability)

    # --- configuration -------------------------------------------------------------------------

    def configure(self, settings: AutoCleanSettings) -> None:
        """New settings: the back-off starts over, an interval counts from now."""
        was_enabled = self.settings.enabled
        self.settings = settings
        self._state = _State(
            in_flight=self._state.in_flight, rule=self._state.rule, results=self._state.results
        )
        if settings.enabled and not was_enabled:
            self._log(EventKind.SWITCHED, "", f"auto-clean switched on — {self.status().text}")
        elif was_enabled and not settings.enabled:
            self._log(EventKind.SWITCHED, "", "auto-clean switched off")

    def set_availability(self, availability: Iterable[Availability]) -> None:
        """What the backend can run now (rights can change, e.g. after a restart as administrator)."""
        self._availability = {a.action_id: a for a in availability}

    def runnable(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(chosen actions that can run automatically, reasons for the ones that cannot)."""
        ok: list[str] = []
        reasons: list[str] = []
        for action_id in self.settings.ordered_actions():
            avail = self._availability.get(action_id)
            if avail is None:
                continue  # not an action of this platform (the defaults name both platforms' actions)
            if not avail.available:
                reasons.append(f"{actions.label(action_id)}: {avail.reason}")
            elif avail.prompts:
                # A password prompt nobody asked for, every few minutes, is worse than not cleaning.
                reasons.append(
                    f"{actions.label(action_id)}: needs root — an automatic clean cannot ask for a password; "
                    "run RAMLens as root to clean automatically"
                )
            else:
                ok.append(action_id)
        return tuple(ok), tuple(reasons)

    def status(self) -> Status:
        """Running or not, and why; names the skipped actions."""
        s = self.settings
        if not s.enabled:
            return Status(State.OFF, "off")
        rules = self.describe_rules()
        if not rules:
            return Status(State.NOT_RUNNING, "not running: no rule is switched on")
        ok, reasons = self.runnable()
        if not ok:
            why = "; ".join(reasons) or "none of the chosen actions exists on this system"
            return Status(State.NOT_RUNNING, f"not running: {why}", reasons)
        backoff = ""
        if self._state.failures:
            n, wait = self._state.failures, self._cooldown()
            backoff = f"; backing off ({n} clean(s) did not help, next wait {wait:.0f} s)"
        return Status(State.ON, f"on: {rules}{backoff}", reasons)

    def describe_rules(self) -> str:
        """The switched-on rules in words, e.g. "in use > 90 %, every 30 min"."""
        s = self.settings
        parts = []
        if s.usage_rule:
            parts.append(f"in use > {s.usage_percent:g} %")
        if s.standby_rule:
            parts.append(f"standby > {s.standby_gib:g} GiB")
        if s.interval_rule:
            parts.append(f"every {s.interval_minutes} min")
        return ", ".join(parts)

    # --- deciding ------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while a clean's actions are still running."""
        return bool(self._state.in_flight)

    @property
    def failures(self) -> int:
        """Cleans in a row that did not bring memory below the threshold."""
        return self._state.failures

    def seconds_until_allowed(self) -> float:
        """Time left in the current cooldown (0 when a clean may run now)."""
        return max(0.0, self._state.next_allowed - self._clock())

    def consider(self, sample: Sample) -> Decision:
        """Decide on one sample. When the decision fires, run ``decision.run`` and call finished()."""
        s = self.settings
        st = self._state
        if not s.enabled or self.busy:
            return Decision(False, reason="off" if not s.enabled else "a clean is running")
        now = self._clock()
        if st.last_interval_fire is None:
            st.last_interval_fire = now  # "every N minutes" counts from when it was switched on
        rule, why = self._triggered(sample, now)
        if not rule:
            return Decision(False, reason="no rule triggered")
        ok, reasons = self.runnable()
        if not ok:
            text = "; ".join(reasons) or "none of the chosen actions exists on this system"
            if st.blocked_logged != text:  # once per distinct reason, not once per sample
                self._log(EventKind.BLOCKED, rule, f"{why}, but cannot clean: {text}")
                st.blocked_logged = text
            return Decision(False, rule, f"blocked: {text}")
        st.blocked_logged = ""
        if now < st.next_allowed:
            if not st.skipped_logged:
                self._log(
                    EventKind.SKIPPED, rule, f"{why}; cooling down for {st.next_allowed - now:.0f} s more"
                )
                st.skipped_logged = True
            return Decision(False, rule, "cooling down")
        st.in_flight = ok
        st.rule = rule
        st.results = []
        if rule == RULE_INTERVAL:
            st.last_interval_fire = now
        skipped = f" (skipping {'; '.join(reasons)})" if reasons else ""
        self._log(EventKind.FIRED, rule, f"{why}: running {', '.join(actions.label(a) for a in ok)}{skipped}")
        return Decision(True, rule, why, ok)

    def _triggered(self, sample: Sample, now: float) -> tuple[str, str]:
        """The first rule that holds on this sample, with the reason in words."""
        s = self.settings
        if s.usage_rule and sample.total_bytes:
            pct = in_use_percent(sample)
            if pct > s.usage_percent:
                return RULE_USAGE, f"in use {pct:.1f} % > {s.usage_percent:g} %"
        standby = sample.bytes_of("standby")
        if s.standby_rule and standby is not None and standby > s.standby_gib * GIB:
            return RULE_STANDBY, f"standby {standby / GIB:.1f} GiB > {s.standby_gib:g} GiB"
        last = self._state.last_interval_fire
        if s.interval_rule and last is not None and now - last >= s.interval_minutes * 60:
            return RULE_INTERVAL, f"{s.interval_minutes} min since the last timed clean"
        return "", ""

    def finished(self, result: ActionResult) -> None:
        """One decided action finished; when the last one does, the clean is judged.

        The judgement uses the last result's after-sample: below every threshold → the cooldown
        resets to its base; still above → one more failure and the next wait doubles (capped).
        """
        st = self._state
        if result.action_id not in st.in_flight:
            return  # a person's own action, not ours
        st.in_flight = tuple(a for a in st.in_flight if a != result.action_id)
        st.results.append(result)
        if st.in_flight:
            return
        after = next((r.after for r in reversed(st.results) if r.after is not None), None)
        failed = [r for r in st.results if not r.ok]
        still = self._still_above(after, st.rule)
        if still or failed:
            st.failures += 1
        else:
            st.failures = 0
        wait = self._cooldown()
        st.next_allowed = self._clock() + wait
        st.skipped_logged = False
        summary = "; ".join(r.summary() for r in st.results)
        if failed:
            self._log(EventKind.FAILED, st.rule, f"{summary}; next try in {wait:.0f} s", st.results[-1])
        elif still:
            self._log(
                EventKind.DONE,
                st.rule,
                f"{summary}; {still} — backing off, next wait {wait:.0f} s",
                st.results[-1],
            )
        else:
            self._log(EventKind.DONE, st.rule, f"{summary}; next wait {wait:.0f} s", st.results[-1])

    def _still_above(self, after: Sample | None, rule: str) -> str:
        """Why memory is still above the fired rule's threshold after the clean, or "" when it is not."""
        s = self.settings
        if after is None:
            return "no reading after the clean"
        if rule == RULE_USAGE and in_use_percent(after) > s.usage_percent:
            return f"still {in_use_percent(after):.1f} % in use"
        standby = after.bytes_of("standby")
        if rule == RULE_STANDBY and standby is not None and standby > s.standby_gib * GIB:
            return f"standby still {standby / GIB:.1f} GiB"
        return ""

    def _cooldown(self) -> float:
        """Base cooldown doubled per failed clean, capped."""
        s = self.settings
        return min(s.cooldown_seconds * 2 ** min(self._state.failures, 32), s.max_cooldown_seconds)

    def _log(self, kind: EventKind, rule: str, message: str, result: ActionResult | None = None) -> None:
        event = Event(self._wall(), kind, rule, message, result)
        self.events.append(event)
        if self.on_event is not None:
            self.on_event(event)


def in_use_percent(sample: Sample) -> float:
    """Memory in use as Mem Reduct and Task Manager count it: (total − available) / total."""
    if not sample.total_bytes:
        return 0.0
    return 100.0 * (sample.total_bytes - sample.available_bytes) / sample.total_bytes
