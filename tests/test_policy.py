"""app/policy.py: one decision per action for the CLI, RAMMap's switches, the Empty menu and the backends."""

from __future__ import annotations

import io
import sys

import pytest

from app import actions, cli, policy
from app.cli import status
from tests.fake_backend import FakeBackend

LINUX_IDS = [a.id for a in actions.for_platform("linux")]
NOT_DISRUPTIVE = {a.id for a in actions.for_platform("linux") if not a.disruptive}


def only_gentle() -> FakeBackend:
    """A backend on which only the actions that need no question can run."""
    return FakeBackend(unavailable={i: "needs root" for i in LINUX_IDS if i not in NOT_DISRUPTIVE})


def test_menu_is_the_platform_catalogue_then_all() -> None:
    backend = FakeBackend()
    model = policy.menu(backend.availability(), "linux")
    assert [d.action_id for d in model] == [*LINUX_IDS, actions.ALL]
    assert [d.label for d in model][-1] == "Empty all"
    assert all(d.can_run and d.exists for d in model)


def test_each_refusal_says_why() -> None:
    backend = FakeBackend(unavailable={"compact": "no /proc/sys/vm/compact_memory"})
    avail = backend.availability()
    unknown = policy.decide(avail, "defrag", "linux")
    assert (unknown.exists, unknown.can_run, unknown.reason) == (False, False, "unknown action 'defrag'")
    foreign = policy.decide(avail, "registry-cache", "linux")
    assert not foreign.exists and not foreign.can_run
    assert foreign.reason == "Empty registry cache is not available on linux: it is a Windows feature"
    refused = policy.decide(avail, "compact", "linux")
    assert refused.exists and not refused.can_run and refused.tooltip == "no /proc/sys/vm/compact_memory"


def test_disruptive_ones_and_all_ask_first() -> None:
    avail = only_gentle().availability()
    assert {d.action_id for d in policy.menu(avail, "linux") if not d.confirm} == NOT_DISRUPTIVE
    everything = policy.decide(avail, actions.ALL, "linux")
    assert everything.can_run and everything.confirm  # even when only gentle actions would run


def test_all_with_nothing_runnable_is_refused_with_every_reason() -> None:
    avail = FakeBackend(unavailable={i: f"no {i}" for i in LINUX_IDS}).availability()
    decision = policy.decide(avail, actions.ALL, "linux")
    assert not decision.can_run
    assert all(f"{i}: no {i}" in decision.reason for i in LINUX_IDS)


def test_via_helper_is_said() -> None:
    decision = policy.decide(FakeBackend(via_helper=True).availability(), "standby-list", "linux")
    assert decision.via_helper and "password" in decision.tooltip


def test_cli_all_asks_first_like_the_window(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    backend = only_gentle()
    monkeypatch.setattr(status, "backend_or_exit", lambda: backend)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal: it cannot ask
    assert cli.main(["empty", "all"]) == 2
    assert "pass --yes" in capsys.readouterr().err
    assert backend.calls == []  # nothing ran
    assert cli.main(["empty", "all", "--yes"]) == 0
    assert backend.calls == [("run", actions.ALL)]


def test_backends_refuse_with_the_policy_reason() -> None:
    backend = FakeBackend(unavailable={"compact": "no compaction here"})
    result = backend.run("compact")
    assert not result.ok and result.message == "no compaction here"
