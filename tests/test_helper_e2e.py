"""End to end, with a real system D-Bus, polkitd and pkexec: the helper lets nobody empty the cache.

The first test to run starts one private mount namespace (tests/polkit_sandbox.py) whose polkit answers
YES for the user nobody and NO for the user daemon, and runs every scenario of tests/helper_e2e_steps.py
in it as root, each from the sandbox's first state; each test asserts on what its scenario observed.
Nothing on the machine changes.
"""

from __future__ import annotations

import functools
import json
import os
import pwd
import shutil
import stat
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helper_e2e_steps import SCENARIOS, VERDICTS
from tests.polkit_sandbox import missing_tools, run_in_sandbox

STEPS = Path(__file__).with_name("helper_e2e_steps.py")
MISSING = missing_tools() + [t for t in ("setpriv", "fincore") if not shutil.which(t)]
MISSING += [f"the user {user}" for user in VERDICTS if user not in {p.pw_name for p in pwd.getpwall()}]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.geteuid() != 0, reason="needs root (a private mount namespace, setpriv)"),
    pytest.mark.skipif(bool(MISSING), reason=f"not installed: {', '.join(MISSING)} (.ci/run installs them)"),
]


@functools.cache
def observed() -> dict[str, Any]:
    """Every scenario's observations, from one sandbox the first test starts (under its page-cache lock)."""
    done = run_in_sandbox(VERDICTS, [sys.executable, str(STEPS), *SCENARIOS])
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(json.loads(done.stdout.splitlines()[-1]))


def scenario(name: str) -> dict[str, Any]:
    seen: dict[str, Any] = observed()[name]
    assert "error" not in seen, seen.get("error")
    return seen


def assert_root_only(files: dict[str, list[int]]) -> None:
    """Every installed file and directory is root's and writable by no one else."""
    ours = {p: v for p, v in files.items() if "ramlens" in p or p == "/usr/local"}
    assert any(p.endswith("/bin/ramlens-helper") for p in ours) and any(p.endswith(".policy") for p in ours)
    for path, (uid, mode) in ours.items():
        assert uid == 0, path
        assert not mode & (stat.S_IWGRP | stat.S_IWOTH), f"{path} is {stat.filemode(mode)}"
        assert not stat.S_ISLNK(mode), path


def test_nobody_empties_the_cache_through_polkit_via_cli_and_runner_then_uninstall_leaves_nothing() -> None:
    seen = scenario("grant")
    code, out, err = seen["install"]
    assert code == 0, err
    assert "installed the privileged helper" in out
    assert_root_only(seen["files"])
    assert seen["launcher_head"] == "#!/usr/bin/python3 -IB"  # system Python, isolated, by absolute path
    installed = [p for p in seen["files"] if p.startswith("/usr/local/lib/ramlens-helper/app/")]
    assert "/usr/local/lib/ramlens-helper/app/helper.py" in installed
    assert not any("/windows/" in p or p.endswith("/census.py") for p in installed)  # only what it imports
    status = seen["status"]
    assert status["installed"] and status["current"] and status["usable"] and status["this_user"] == "yes"

    code, out, err = seen["cli"]
    assert code == 0, err
    result = json.loads(out)
    assert result["action"] == "standby-list" and result["ok"], result
    assert seen["cli_cache_before"] >= 16 << 20
    assert seen["cli_cache_after"] <= seen["cli_cache_before"] // 100  # the filled cache is gone

    code, out, err = seen["runner"]
    assert code == 0, err
    assert json.loads(out)["ok"]
    assert seen["runner_cache_before"] >= 16 << 20
    assert seen["runner_cache_after"] <= seen["runner_cache_before"] // 100

    code, out, err = seen["uninstall"]
    assert code == 0, err
    assert seen["after"] == seen["before"]  # nothing left behind, nothing else touched


def test_when_polkit_says_no_the_same_command_exits_2_with_a_sentence_and_nothing_runs() -> None:
    seen = scenario("deny")
    assert seen["install"][0] == 0, seen["install"][2]
    status = seen["status"]
    assert status["installed"] and not status["usable"]
    assert status["reason"] == "polkit does not allow this user to run the privileged helper"
    quiet = [a for a in seen["attempts"] if a["drops_after"] == a["drops_before"]]
    assert quiet, "someone else dropped the page cache during every attempt: rerun"
    for attempt in seen["attempts"]:
        code, out, err = attempt["cli"]
        assert (code, out) == (2, "")
        assert "polkit does not allow this user to run the privileged helper" in err
        code, out, _ = attempt["direct"]
        assert code == 0 and out.startswith(
            "False | authentication was cancelled or refused (pkexec exit 127)"
        )
        assert "nothing was done" in out
    attempt = quiet[0]
    assert attempt["cache_before"] >= 16 << 20
    assert attempt["cache_after"] == attempt["cache_before"]  # no drop_caches ran
    assert seen["uninstall"][0] == 0


def test_the_window_sets_up_the_helper_empties_through_its_runner_and_removes_it() -> None:
    seen = scenario("window")
    assert seen["exit"] == 0, seen["stderr"][-3000:]
    window = seen["window"]
    assert window["bar_button"] == "Set up…" and window["bar_visible"]
    assert not window["standby_enabled_before"]  # greyed out before the set-up
    assert window["setup_ok"], window["setup_message"]
    assert window["standby_enabled_after"] and not window["bar_visible_after"]  # no restart needed
    assert "matches this RAMLens" in window["state"]
    assert_root_only(seen["files"])
    assert window["empty_ok"], window["empty_message"]
    assert seen["cache_before"] >= 16 << 20
    assert seen["cache_after"] <= seen["cache_before"] // 100
    assert window["remove_ok"], window["remove_message"]
    assert (
        not window["standby_enabled_removed"] and window["menu_text_removed"] == "Set up privileged &helper…"
    )
    assert seen["after"] == seen["before"]
