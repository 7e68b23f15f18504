"""Whether a helper action prompts decides auto-clean: polkit's answer reaches the engine through decide."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from app.autoclean import AutoClean, AutoCleanSettings
from app.backends.linux import LinuxBackend, access, polkit
from app.backends.linux.pkexec import HelperStatus

ROOT_ONLY = sorted(access.ROOT_ONLY)


def user_host(prompts: bool) -> access.Host:
    helper = HelperStatus(True, "", "/usr/bin/pkexec", "/usr/local/bin/ramlens-helper", prompts=prompts)
    return access.Host(Path("/proc"), Path("/sys"), 1000, "x86_64", True, True, helper)


@pytest.mark.parametrize("prompts", [True, False])
def test_decide_passes_on_whether_the_helper_prompts(prompts: bool) -> None:
    for action_id in ROOT_ONLY:
        avail = access.decide(action_id, user_host(prompts))
        assert (avail.available, avail.via_helper, avail.prompts) == (True, True, prompts)
    flush = access.decide("modified-list", user_host(prompts))
    assert (flush.via_helper, flush.prompts) == (False, False)  # in-process, never through pkexec


@pytest.mark.parametrize("prompts", [True, False])
def test_auto_clean_uses_the_helper_only_when_it_will_not_prompt(prompts: bool) -> None:
    backend = LinuxBackend(host=user_host(prompts))
    settings = AutoCleanSettings(enabled=True, actions=("standby-list", "kernel-caches", "modified-list"))
    engine = AutoClean(settings, backend.availability())
    ok, reasons = engine.runnable()
    if prompts:
        assert ok == ("modified-list",)
        assert len(reasons) == 2 and all("cannot ask for a password" in r for r in reasons)
    else:
        assert set(ok) == {"standby-list", "kernel-caches", "modified-list"} and reasons == ()
    note = backend.privilege_note()
    assert ("ask for an administrator's password" in note) is prompts
    assert ("run without a password" in note) is not prompts


@pytest.mark.skipif(os.geteuid() != 0, reason="about running as root")
def test_root_does_not_ask_polkit_at_all() -> None:
    assert access.Host.current(Path("/proc"), Path("/sys")).helper == access.NO_HELPER


@pytest.mark.skipif(not polkit.PKCHECK.exists(), reason="pkcheck is not installed")
@pytest.mark.skipif(
    Path("/run/dbus/system_bus_socket").exists(), reason="a system D-Bus is running: polkit would answer"
)
def test_pkcheck_without_polkit_is_unknown_which_counts_as_prompting() -> None:
    assert polkit.check() is polkit.Verdict.UNKNOWN


@pytest.mark.parametrize(
    ("program", "verdict"),
    [("true", polkit.Verdict.YES), ("false", polkit.Verdict.NO), ("", polkit.Verdict.UNKNOWN)],
)
def test_pkcheck_exit_status_is_the_verdict(tmp_path: Path, program: str, verdict: polkit.Verdict) -> None:
    stand_in = Path(shutil.which(program) or "/nonexistent") if program else tmp_path / "pkcheck"
    assert polkit.check(pkcheck=stand_in) is verdict


@pytest.mark.parametrize("prompts", [True, False])
def test_the_menu_warns_of_a_password_only_when_polkit_will_ask(prompts: bool) -> None:
    from app import policy

    availability = LinuxBackend(host=user_host(prompts)).availability()
    for action_id in ("standby-list", "all"):
        decision = policy.decide(availability, action_id, "linux")
        assert decision.can_run
        assert (policy.HELPER_NOTE in decision.tooltip) is prompts
