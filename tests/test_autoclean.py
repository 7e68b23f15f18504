"""The auto-clean engine: rules, cooldown, back-off, blocked without rights, settings."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from app.autoclean import (
    DEFAULT_ACTIONS,
    AutoClean,
    AutoCleanSettings,
    Decision,
    Event,
    EventKind,
    SettingsError,
    State,
    Status,
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


# 12 of 16 GiB in use: exactly 75 % (a float with no rounding), and one byte more.
AT_75 = sample(active=12 * GIB, standby=0, modified=0)
OVER_75 = sample(active=12 * GIB, standby=0, modified=0, available=4 * GIB - 1)


def test_usage_exactly_at_the_threshold_does_not_fire() -> None:
    assert in_use_percent(AT_75) == 75.0
    ac = engine(Clock(), usage_percent=75)
    assert not ac.consider(AT_75).fire
    d = ac.consider(OVER_75)
    assert d.fire and d.rule == "usage"


def test_standby_exactly_at_the_threshold_does_not_fire() -> None:
    ac = engine(Clock(), usage_rule=False, standby_rule=True, standby_gib=4, actions=("standby-list",))
    assert not ac.consider(sample(standby=4 * GIB)).fire
    assert ac.consider(sample(standby=4 * GIB + 1)).fire


def test_after_sample_exactly_at_the_threshold_counts_as_helped() -> None:
    clock = Clock()
    ac = engine(clock, usage_percent=75)
    d = ac.consider(OVER_75)
    for a in d.run:
        ac.finished(ActionResult(a, True, 0.1, OVER_75, AT_75))
    assert ac.failures == 0 and ac.seconds_until_allowed() == 60
    clock.now += 60
    d = ac.consider(OVER_75)
    for a in d.run:
        ac.finished(ActionResult(a, True, 0.1, OVER_75, OVER_75))
    assert ac.failures == 1 and ac.seconds_until_allowed() == 120


def test_standby_after_sample_exactly_at_the_threshold_counts_as_helped() -> None:
    ac = engine(Clock(), usage_rule=False, standby_rule=True, standby_gib=4, actions=("standby-list",))
    assert ac.consider(sample(standby=5 * GIB)).fire
    ac.finished(ActionResult("standby-list", True, 0.1, None, sample(standby=4 * GIB)))
    assert ac.failures == 0 and ac.events[-1].kind == "done" and "backing off" not in ac.events[-1].message


def test_failed_action_with_memory_below_the_threshold_still_backs_off() -> None:
    """One action failed, yet memory went down (another process freed some): still one failure."""
    clock = Clock()
    ac = engine(clock)
    d = ac.consider(HIGH)
    assert d.run == ("working-sets", "kernel-caches")
    ac.finished(ActionResult("working-sets", True, 0.1, HIGH, LOW))
    ac.finished(ActionResult("kernel-caches", False, 0.0, HIGH, LOW, "the kernel refused"))
    assert ac.failures == 1
    assert ac.seconds_until_allowed() == 120
    assert ac.events[-1].kind == "failed" and "next try in 120 s" in ac.events[-1].message
    assert "backing off (1 clean(s) did not help, next wait 120 s)" in ac.status().text


def test_judged_on_the_last_after_sample_there_is() -> None:
    """The clean is judged by the latest reading: a later action without one does not hide it."""
    ac = engine(Clock())
    ac.consider(HIGH)
    ac.finished(ActionResult("working-sets", True, 0.1, HIGH, HIGH))
    ac.finished(ActionResult("kernel-caches", True, 0.1, HIGH, None))
    assert ac.failures == 1 and "still 93.8 % in use" in ac.events[-1].message
    # and an earlier high reading does not outweigh a later low one
    ac2 = engine(Clock())
    ac2.consider(HIGH)
    ac2.finished(ActionResult("working-sets", True, 0.1, HIGH, HIGH))
    ac2.finished(ActionResult("kernel-caches", True, 0.1, HIGH, LOW))
    assert ac2.failures == 0


def test_no_reading_after_the_clean_counts_as_not_helping() -> None:
    ac = engine(Clock())
    ac.consider(HIGH)
    for a in ("working-sets", "kernel-caches"):
        ac.finished(ActionResult(a, True, 0.1, HIGH, None))
    assert ac.failures == 1 and "no reading after the clean" in ac.events[-1].message


def test_status_is_not_running_whenever_it_cannot_clean() -> None:
    assert AutoClean(AutoCleanSettings(), LINUX_ROOT, clock=Clock()).status() == Status(State.OFF, "off")
    assert engine(Clock(), usage_rule=False).status() == Status(
        State.NOT_RUNNING, "not running: no rule is switched on"
    )
    both_down = (
        Availability("working-sets", False, "needs root"),
        Availability("kernel-caches", False, "no /proc/sys/vm/drop_caches"),
    )
    assert engine(Clock(), availability=both_down).status() == Status(
        State.NOT_RUNNING,
        "not running: Empty working sets: needs root; Purge kernel caches: no /proc/sys/vm/drop_caches",
        ("Empty working sets: needs root", "Purge kernel caches: no /proc/sys/vm/drop_caches"),
    )
    # Chosen actions this platform does not have at all: said in words, never a silent no-op.
    assert engine(Clock(), availability=()).status() == Status(
        State.NOT_RUNNING, "not running: none of the chosen actions exists on this system", ()
    )
    ac = engine(Clock(), availability=())
    d = ac.consider(HIGH)
    assert not d.fire and d.reason == "blocked: none of the chosen actions exists on this system"
    assert engine(Clock()).status() == Status(State.ON, "on: in use > 90 %", ())


def test_describe_rules_names_each_rule_switched_on() -> None:
    ac = engine(Clock(), standby_rule=True, standby_gib=2.5, interval_rule=True, interval_minutes=15)
    assert ac.describe_rules() == "in use > 90 %, standby > 2.5 GiB, every 15 min"
    assert ac.status().text == "on: in use > 90 %, standby > 2.5 GiB, every 15 min"


def test_switching_logs_once_each_way_with_the_status() -> None:
    ac = AutoClean(AutoCleanSettings(), LINUX_ROOT, clock=Clock(), wall_clock=lambda: 0.0)
    ac.configure(AutoCleanSettings(enabled=True))
    ac.configure(AutoCleanSettings(enabled=True, usage_percent=80))  # still on: nothing to log
    ac.configure(AutoCleanSettings(enabled=False))
    ac.configure(AutoCleanSettings(enabled=False))  # still off
    assert [(e.kind, e.rule, e.message) for e in ac.events] == [
        ("switched", "", "auto-clean switched on — on: in use > 90 %"),
        ("switched", "", "auto-clean switched off"),
    ]


def test_new_settings_while_a_clean_runs_keep_it_and_judge_it() -> None:
    """A clean in flight survives a settings change: its results still count, and it still blocks a second."""
    clock = Clock()
    ac = engine(clock)
    d = ac.consider(HIGH)
    ac.finished(ActionResult(d.run[0], True, 0.1, HIGH, HIGH))
    ac.configure(AutoCleanSettings(enabled=True, usage_percent=95))
    assert ac.busy and not ac.consider(HIGH).fire
    ac.finished(ActionResult(d.run[1], True, 0.1, HIGH, LOW))
    assert not ac.busy
    assert ac.events[-1].rule == "usage" and ac.events[-1].kind == "done"
    assert ac.events[-1].message.count("0.1 s") == 2  # both results are in the summary
    assert ac.failures == 0


def test_event_line() -> None:
    wall = time.mktime((2026, 11, 30, 14, 5, 9, 0, 0, -1))  # local time, as the log shows it
    assert (
        Event(wall, EventKind.FIRED, "usage", "in use 95 %").line() == "14:05:09 fired [usage]: in use 95 %"
    )
    assert (
        Event(wall, EventKind.SWITCHED, "", "auto-clean switched off").line()
        == "14:05:09 switched: auto-clean switched off"
    )


def test_fired_decision_and_its_log_line() -> None:
    ac = engine(Clock())
    d = ac.consider(HIGH)
    assert d == Decision(True, "usage", "in use 93.8 % > 90 %", ("working-sets", "kernel-caches"))
    assert ac.events[-1].message == "in use 93.8 % > 90 %: running Empty working sets, Purge kernel caches"
    assert ac.consider(LOW) == Decision(False, reason="a clean is running")
    assert engine(Clock()).consider(LOW) == Decision(False, reason="no rule triggered")
    assert AutoClean(AutoCleanSettings(), LINUX_ROOT).consider(HIGH) == Decision(False, reason="off")


def test_cooling_down_is_logged_once_per_cooldown_with_the_time_left() -> None:
    clock = Clock()
    ac = engine(clock)
    run(ac, after=HIGH)  # one failure: 120 s
    clock.now += 20
    assert ac.consider(HIGH) == Decision(False, "usage", "cooling down")
    assert (
        ac.events[-1].kind == "skipped"
        and ac.events[-1].message == "in use 93.8 % > 90 %; cooling down for 100 s more"
    )
    clock.now += 100
    run(ac, after=HIGH)
    clock.now += 1
    ac.consider(HIGH)
    assert [e.kind for e in ac.events].count("skipped") == 2  # a new cooldown logs again


def test_done_messages_say_whether_it_backs_off() -> None:
    clock = Clock()
    ac = engine(clock)
    run(ac, after=HIGH)
    assert ac.events[-1].message.endswith("; still 93.8 % in use — backing off, next wait 120 s")
    clock.now += 120
    run(ac, after=LOW)
    assert ac.events[-1].message.endswith("0.1 s; next wait 60 s")
    assert ac.events[-1].result is not None and ac.events[-1].result.action_id == "kernel-caches"


def test_the_event_log_is_bounded_and_reported() -> None:
    seen: list[Event] = []
    ac = AutoClean(AutoCleanSettings(), LINUX_ROOT, log_size=2, on_event=seen.append)
    for on in (True, False, True):
        ac.configure(AutoCleanSettings(enabled=on))
    assert len(ac.events) == 2 and len(seen) == 3 and list(ac.events) == seen[1:]


def test_an_interval_counts_from_switching_on_not_from_construction() -> None:
    clock = Clock()
    ac = AutoClean(
        AutoCleanSettings(enabled=True, usage_rule=False, interval_rule=True, interval_minutes=1),
        LINUX_ROOT,
        clock=clock,
    )
    clock.now += 3600
    assert not ac.consider(LOW).fire  # the first sample starts the count
    clock.now += 60
    d = ac.consider(LOW)
    assert d.fire and d.reason == "1 min since the last timed clean"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"usage_percent": 0.5}, "usage_percent must be a number from 1 to 99, not 0.5"),
        ({"usage_percent": True}, "usage_percent must be a number from 1 to 99, not True"),
        ({"standby_gib": 0.05}, "standby_gib must be a number from 0.1 to 1.04858e+06, not 0.05"),
        (
            {"interval_minutes": 7 * 24 * 60 + 1},
            "interval_minutes must be a number from 1 to 10080, not 10081",
        ),
        ({"interval_minutes": 1.0}, "interval_minutes must be a whole number"),
        (
            {"cooldown_seconds": 24 * 3600 + 1},
            "cooldown_seconds must be a number from 30 to 86400, not 86401",
        ),
        (
            {"max_cooldown_seconds": 7 * 24 * 3600 + 1},
            "max_cooldown_seconds must be a number from 120 to 604800, not 604801",
        ),
        ({"usage_rule": 1}, "usage_rule must be true or false"),
        ({"standby_rule": "no"}, "standby_rule must be true or false"),
        ({"interval_rule": None}, "interval_rule must be true or false"),
        ({"actions": ()}, "choose at least one action to run"),
        ({"actions": ("compact", 3)}, "3 is not an action auto-clean can run"),
        ({"actions": ("all",)}, "'all' is not an action auto-clean can run"),
        ({"actions": ("compact", "compact")}, "an action is listed twice"),
    ],
    ids=lambda v: "-".join(v) if isinstance(v, dict) else "",  # plain ids: mutmut selects tests by id
)
def test_each_bad_setting_is_named(values: dict, message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        AutoCleanSettings(**values)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "values",
    [
        {"usage_percent": 1},
        {"usage_percent": 99},
        {"standby_gib": 0.1},
        {"interval_minutes": 7 * 24 * 60},
        {"cooldown_seconds": 30, "max_cooldown_seconds": 60},  # the floor, and max = 2 × min
        {"cooldown_seconds": 24 * 3600, "max_cooldown_seconds": 7 * 24 * 3600},
    ],
)
def test_the_range_ends_are_allowed(values: dict) -> None:
    assert AutoCleanSettings(**values).to_dict().items() >= values.items()


def test_from_dict_names_what_is_wrong() -> None:
    with pytest.raises(SettingsError, match="^auto-clean settings must be a mapping$"):
        AutoCleanSettings.from_dict(["enabled"])  # type: ignore[arg-type]
    with pytest.raises(SettingsError, match=r"^unknown auto-clean setting\(s\): bogus, zz$"):
        AutoCleanSettings.from_dict({"zz": 1, "bogus": 2})
    with pytest.raises(SettingsError, match="^actions must be a list of action ids$"):
        AutoCleanSettings.from_dict({"actions": "compact"})
    assert AutoCleanSettings.from_dict({"actions": ["compact"]}).actions == ("compact",)
    assert AutoCleanSettings().to_dict()["actions"] == list(DEFAULT_ACTIONS)
