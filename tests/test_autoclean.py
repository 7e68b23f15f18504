"""The auto-clean engine: rules, cooldown, back-off, blocked without rights, settings."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.autoclean import (
    DEFAULT_ACTIONS,
    AutoClean,
    AutoCleanSettings,
    SettingsError,
    in_use_percent,
)
from app.backends.base import Availability
from app.model import ActionResult, Sample
from tests.snapshot_samples import GIB, sample

LINUX_ROOT = (
    Availability("working-sets", True),
    Availability("modified-list", True),
    Availability("standby-list", True),
    Availability("kernel-caches", True),
    Availability("compact", True),
)
LINUX_USER = tuple(replace(a, available=False, reason="needs root") for a in LINUX_ROOT)
LINUX_PKEXEC = tuple(replace(a, via_helper=True, prompts=True) for a in LINUX_ROOT)

HIGH = sample(active=15 * GIB, standby=0, modified=0)  # 93.75 % in use
LOW = sample(active=4 * GIB, standby=GIB, modified=0)  # 25 % in use


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def engine(clock: Clock, availability=LINUX_ROOT, **settings) -> AutoClean:
    s = AutoCleanSettings(enabled=True, **settings)
    return AutoClean(s, availability, clock=clock, wall_clock=lambda: 1_790_000_000.0)


def run(ac: AutoClean, after: Sample) -> None:
    """Play the front end: 'run' each decided action and report it finished."""
    decision = ac.consider(HIGH)
    assert decision.fire
    for action_id in decision.run:
        ac.finished(ActionResult(action_id, True, 0.1, HIGH, after))


def test_off_by_default_and_defaults_leave_out_the_stutter_lists() -> None:
    s = AutoCleanSettings()
    assert not s.enabled and s.usage_percent == 90 and s.cooldown_seconds == 60
    assert not s.stutters()
    assert "standby-list" not in s.actions and "modified-list" not in s.actions
    ac = AutoClean(s, LINUX_ROOT, clock=Clock())
    assert not ac.consider(HIGH).fire
    assert ac.status().text == "off"


def test_fires_above_threshold_with_available_actions_in_canonical_order() -> None:
    ac = engine(Clock())
    assert not ac.consider(LOW).fire
    d = ac.consider(HIGH)
    assert d.fire and d.rule == "usage"
    assert d.run == ("working-sets", "kernel-caches")  # the defaults this platform has
    assert "93.8 %" in d.reason
    assert ac.events[-1].kind == "fired"


def test_no_second_clean_while_one_runs() -> None:
    ac = engine(Clock())
    assert ac.consider(HIGH).fire
    assert not ac.consider(HIGH).fire
    assert ac.busy


def test_cooldown_then_reset_when_clean_helps() -> None:
    clock = Clock()
    ac = engine(clock)
    run(ac, after=LOW)
    assert ac.failures == 0
    assert ac.seconds_until_allowed() == 60
    clock.now += 59
    assert not ac.consider(HIGH).fire
    assert ac.consider(HIGH).reason == "cooling down"
    assert [e.kind for e in ac.events].count("skipped") == 1  # one log line per cooldown, not per sample
    clock.now += 1
    assert ac.consider(HIGH).fire


def test_back_off_doubles_and_is_capped() -> None:
    clock = Clock()
    ac = engine(clock, max_cooldown_seconds=600)
    waits = []
    for _ in range(7):
        run(ac, after=HIGH)  # the clean never helps
        waits.append(ac.seconds_until_allowed())
        clock.now += waits[-1]
    assert waits == [120, 240, 480, 600, 600, 600, 600]
    assert ac.failures == 7
    assert "backing off" in ac.status().text
    # One that helps resets the wait to the base cooldown.
    run(ac, after=LOW)
    assert ac.failures == 0 and ac.seconds_until_allowed() == 60


def test_never_loops_when_memory_stays_high() -> None:
    """A day of samples at 1 s, memory pinned above the threshold: a handful of cleans, not thousands."""
    clock = Clock()
    ac = engine(clock)
    fired = 0
    for _ in range(24 * 3600):
        clock.now += 1
        d = ac.consider(HIGH)
        if d.fire:
            fired += 1
            for a in d.run:
                ac.finished(ActionResult(a, True, 0.1, HIGH, HIGH))
    # 120+240+…+3600 s until the cap, then once an hour: well under 40 in 24 h.
    assert 20 <= fired <= 40


def test_failed_action_counts_as_not_helping() -> None:
    clock = Clock()
    ac = engine(clock)
    d = ac.consider(HIGH)
    for a in d.run:
        ac.finished(ActionResult(a, False, 0.0, None, None, "the kernel refused"))
    assert ac.failures == 1
    assert ac.events[-1].kind == "failed" and "the kernel refused" in ac.events[-1].message


def test_someone_elses_result_is_ignored() -> None:
    ac = engine(Clock())
    d = ac.consider(HIGH)
    ac.finished(ActionResult("compact", True, 0.1, HIGH, LOW))
    assert ac.busy and len(d.run) == 2


def test_blocked_without_rights_says_so_and_never_fires() -> None:
    ac = engine(Clock(), availability=LINUX_USER)
    st = ac.status()
    assert not st.running
    assert st.text.startswith("not running:") and "needs root" in st.text
    for _ in range(10):
        d = ac.consider(HIGH)
        assert not d.fire and d.reason.startswith("blocked")
    blocked = [e for e in ac.events if e.kind == "blocked"]
    assert len(blocked) == 1  # logged once, not ten times
    assert "cannot clean" in blocked[0].message


def test_pkexec_only_is_not_automatic() -> None:
    ac = engine(Clock(), availability=LINUX_PKEXEC)
    assert not ac.status().running
    assert "cannot ask for a password" in ac.status().text
    assert not ac.consider(HIGH).fire


def test_rights_gained_later_unblock() -> None:
    ac = engine(Clock(), availability=LINUX_USER)
    assert not ac.consider(HIGH).fire
    ac.set_availability(LINUX_ROOT)
    assert ac.status().running
    assert ac.consider(HIGH).fire


def test_partly_available_names_what_is_skipped() -> None:
    avail = (Availability("working-sets", False, "needs root"), Availability("kernel-caches", True))
    ac = engine(Clock(), availability=avail)
    st = ac.status()
    assert st.running and st.skipped == ("Empty working sets: needs root",)
    d = ac.consider(HIGH)
    assert d.run == ("kernel-caches",)
    assert "skipping Empty working sets: needs root" in ac.events[-1].message


def test_every_n_minutes() -> None:
    clock = Clock()
    ac = engine(clock, usage_rule=False, interval_rule=True, interval_minutes=5)
    assert not ac.consider(LOW).fire  # starts counting now
    clock.now += 299
    assert not ac.consider(LOW).fire
    clock.now += 1
    d = ac.consider(LOW)
    assert d.fire and d.rule == "interval"
    for a in d.run:
        ac.finished(ActionResult(a, True, 0.1, LOW, LOW))
    assert ac.failures == 0
    clock.now += 200
    assert not ac.consider(LOW).fire
    clock.now += 100
    assert ac.consider(LOW).fire


def test_standby_rule() -> None:
    clock = Clock()
    ac = engine(clock, usage_rule=False, standby_rule=True, standby_gib=4, actions=("standby-list",))
    assert not ac.consider(sample(standby=3 * GIB)).fire
    d = ac.consider(sample(standby=5 * GIB))
    assert d.fire and d.rule == "standby" and d.run == ("standby-list",)
    ac.finished(ActionResult("standby-list", True, 0.1, None, sample(standby=5 * GIB)))
    assert ac.failures == 1 and "standby still 5.0 GiB" in ac.events[-1].message


def test_no_rule_on_is_reported() -> None:
    ac = engine(Clock(), usage_rule=False)
    assert ac.status().text == "not running: no rule is switched on"


def test_in_use_percent() -> None:
    assert in_use_percent(HIGH) == pytest.approx(93.75)
    assert in_use_percent(replace(HIGH, total_bytes=0)) == 0


def test_settings_round_trip_and_stutter_flag() -> None:
    s = AutoCleanSettings(enabled=True, standby_rule=True, actions=("standby-list", "working-sets"))
    again = AutoCleanSettings.from_dict(s.to_dict())
    assert again == s
    assert s.stutters()
    assert s.ordered_actions() == ("working-sets", "standby-list")
    assert AutoCleanSettings.from_dict({}) == AutoCleanSettings()
    assert AutoCleanSettings().actions == DEFAULT_ACTIONS


@pytest.mark.parametrize(
    "bad",
    [
        {"usage_percent": 0},
        {"usage_percent": 100},
        {"usage_percent": "90"},
        {"enabled": "yes"},
        {"interval_minutes": 0},
        {"interval_minutes": 2.5},
        {"cooldown_seconds": 1},
        {"cooldown_seconds": 120, "max_cooldown_seconds": 60},
        {"actions": []},
        {"actions": ["all"]},
        {"actions": ["rm -rf"]},
        {"actions": "standby-list"},
        {"actions": ["compact", "compact"]},
        {"standby_gib": -1},
        {"bogus": 1},
    ],
)
def test_settings_validation(bad: dict) -> None:
    with pytest.raises(SettingsError):
        AutoCleanSettings.from_dict(bad)


def test_switching_on_and_off_is_logged() -> None:
    ac = AutoClean(AutoCleanSettings(), LINUX_ROOT, clock=Clock())
    ac.configure(AutoCleanSettings(enabled=True))
    ac.configure(AutoCleanSettings(enabled=False))
    assert [e.kind for e in ac.events] == ["switched", "switched"]
    assert "on" in ac.events[0].message and "off" in ac.events[1].message
