"""The privileged helper and its caller: exactly one catalogue id, nothing else, and honest failures."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import app.backends.linux as linux_backend
from app import actions, helper
from app.backends.linux import pkexec, polkit
from app.model import ActionResult
from tests.nobody import run_python_as_nobody

ROOT = Path(__file__).resolve().parent.parent
HELPER = Path(sys.executable).parent / "ramlens-helper"
LINUX_IDS = tuple(a.id for a in actions.for_platform("linux"))
is_root = os.geteuid() == 0


class SpyBackend:
    """Stands in for LinuxBackend: counts constructions and runs, so a refusal is proven to run nothing."""

    constructed = 0
    ran: list[str] = []
    ok = True  # what the stand-in action reports

    def __init__(self) -> None:
        SpyBackend.constructed += 1

    def run(self, action_id: str) -> ActionResult:
        SpyBackend.ran.append(action_id)
        return ActionResult(action_id, SpyBackend.ok, 0.0, None, None, "spy")


@contextlib.contextmanager
def spy_backend():  # type: ignore[no-untyped-def]
    SpyBackend.constructed = 0
    SpyBackend.ran = []
    SpyBackend.ok = True
    real = linux_backend.LinuxBackend
    linux_backend.LinuxBackend = SpyBackend  # type: ignore[misc,assignment]
    try:
        yield SpyBackend
    finally:
        linux_backend.LinuxBackend = real  # type: ignore[misc]


def call(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = helper.main(argv)
    return code, out.getvalue(), err.getvalue()


# --- validation ------------------------------------------------------------------------------


def test_allowed_ids_are_the_linux_catalogue_and_all() -> None:
    assert set(helper.allowed_ids()) == set(LINUX_IDS) | {actions.ALL}
    assert "compact" in LINUX_IDS and "kernel-caches" in LINUX_IDS


@pytest.mark.parametrize("action_id", [*LINUX_IDS, actions.ALL])
def test_every_linux_catalogue_id_is_accepted(action_id: str) -> None:
    assert helper.validate([action_id]) == action_id


@pytest.mark.parametrize("action_id", [a.id for a in actions.CATALOGUE if "linux" not in a.platforms])
def test_windows_only_ids_are_refused(action_id: str) -> None:
    with pytest.raises(helper.Refused, match="is not one of"):
        helper.validate([action_id])


@pytest.mark.skipif(not is_root, reason="the helper only gets past its root check as root")
def test_a_valid_id_reaches_the_backend_exactly_once() -> None:
    # The counterpart of the fuzz below: the spy does see valid calls, so "never constructed" means something.
    with spy_backend() as spy:
        code, out, _ = call(["compact"])
    assert (code, spy.constructed, spy.ran) == (0, 1, ["compact"])
    assert json.loads(out)["action"] == "compact"


@pytest.mark.skipif(not is_root, reason="the helper only gets past its root check as root")
def test_a_failed_action_exits_1_with_its_result() -> None:
    with spy_backend() as spy:
        spy.ok = False
        code, out, _ = call(["compact"])
    assert code == helper.EXIT_FAILED and json.loads(out)["ok"] is False


def test_without_arguments_the_helper_reads_its_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["ramlens-helper", "no-such-action"])
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert helper.main() == helper.EXIT_REFUSED
    assert err.getvalue().startswith("ramlens-helper: refused: 'no-such-action' is not one of: ")


def test_a_refused_argument_is_echoed_cut_to_40_characters() -> None:
    choices = ", ".join(helper.allowed_ids())
    code, _, err = call(["y" * 41])
    assert code == 2 and err == f"ramlens-helper: refused: {'y' * 40 + '…'!r} is not one of: {choices}\n"
    assert call(["z" * 40])[2] == f"ramlens-helper: refused: {'z' * 40!r} is not one of: {choices}\n"
    assert (
        call(["compact", "all"])[2]
        == "ramlens-helper: refused: expected exactly one action id, got 2 arguments\n"
    )


@pytest.mark.skipif(not is_root, reason="becomes nobody in a forked child: needs root")
def test_a_valid_id_as_an_ordinary_user_is_refused_before_the_backend() -> None:
    """In-process (forked, then nobody), so the refusal is the code under test, not an installed copy."""
    # The parent calls the helper too: mutmut maps a test to the code it calls in this process.
    assert call(["nothing"])[0] == 2
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop to nobody, call the helper, report, and leave without pytest's teardown
        try:
            os.close(read)
            os.setgroups([])
            os.setresgid(65534, 65534, 65534)
            os.setresuid(65534, 65534, 65534)
            with spy_backend() as spy:
                code, out, err = call(["compact"])
            os.write(write, json.dumps([code, out, err, spy.constructed]).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        report = pipe.read()
    os.waitpid(pid, 0)
    message = "ramlens-helper: must be run through pkexec (it runs root-only actions and is not root)\n"
    assert json.loads(report) == [2, "", message, 0]


NASTY = [
    [],
    [""],
    ["compact", "kernel-caches"],
    ["compact", ""],
    ["--help"],
    ["-h"],
    ["compact;reboot"],
    ["compact && id"],
    ["$(id)"],
    ["`id`"],
    ["compact|sh"],
    ["../../bin/sh"],
    ["/bin/sh"],
    ["./compact"],
    ["compact\n"],
    [" compact"],
    ["COMPACT"],
    ["compact\x00"],
    ["kernel-caches --debug"],
    ["compact" * 10000],
    ["компакт"],
    ["compact\u200b"],
    ["all", "all"],
    ["combine-pages"],
]

other_args = st.one_of(
    st.lists(st.text(max_size=300), max_size=4),
    st.lists(st.sampled_from([*LINUX_IDS, actions.ALL]), min_size=2, max_size=4),
    st.tuples(
        st.sampled_from(LINUX_IDS), st.sampled_from([";", "&&", "|", "$(", "`", "/", "..", "\n", " "])
    ).map(lambda t: [t[0] + t[1]]),
    # A long argument (1000–20000 characters): an arbitrary head of at least 41 characters, repeated to the
    # drawn length. The helper looks at a long argument only through its first 40 characters (the echo) and
    # an equality test with the ids (which no string over 40 characters passes), so a periodic tail reaches
    # every path a random one would, and costs a twentieth of drawing 2000 characters one by one.
    st.tuples(
        st.text(alphabet=st.characters(codec="utf-8"), min_size=41, max_size=1000),
        st.integers(min_value=1000, max_value=20000),
    ).map(lambda t: [(t[0] * (t[1] // len(t[0]) + 1))[: t[1]]]),
).filter(lambda argv: not (len(argv) == 1 and argv[0] in helper.allowed_ids()))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(other_args)
def test_fuzz_other_arguments_are_refused_without_running_anything(argv: list[str]) -> None:
    with spy_backend() as spy:
        code, out, err = call(argv)
    assert code == 2
    assert out == ""
    assert err.startswith("ramlens-helper: refused:")
    assert len(err) < 400  # a very long argument is not echoed back in full
    assert spy.constructed == 0 and spy.ran == []


@pytest.mark.parametrize("argv", NASTY, ids=range(len(NASTY)))
def test_nasty_arguments_are_refused(argv: list[str]) -> None:
    with spy_backend() as spy:
        code, out, err = call(argv)
    assert (code, out, spy.constructed) == (2, "", 0)
    assert "refused" in err


# --- the real helper, as a process ------------------------------------------------------------

needs_helper = pytest.mark.skipif(not HELPER.exists(), reason=f"{HELPER} is not installed (pip install -e .)")


def run_helper(*argv: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    # A minimal environment, like the one pkexec gives the helper.
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}
    return subprocess.run([*prefix, str(HELPER), *argv], capture_output=True, text=True, env=env, check=False)


@needs_helper
@pytest.mark.root  # a real kernel action: never run against a mutant (dev.py mutate deselects root)
@pytest.mark.skipif(not is_root, reason="runs a real action: needs root")
@pytest.mark.parametrize("action_id", ["kernel-caches", "modified-list"])
def test_real_helper_runs_a_cheap_action_as_root(action_id: str) -> None:
    done = run_helper(action_id)
    assert done.returncode == 0, done.stderr
    result = ActionResult.from_json(json.loads(done.stdout))
    assert result.action_id == action_id and result.ok
    assert result.before is not None and result.after is not None


@needs_helper
@pytest.mark.parametrize(
    "argv",
    [[], ["compact", "all"], ["/etc/passwd"], ["compact; id"], ["$(reboot)"], ["x" * 100000], ["ΩΩ"], [""]],
    ids=["none", "two", "path", "semicolon", "subshell", "long", "unicode", "empty"],
)
def test_real_helper_refuses_other_arguments(argv: list[str]) -> None:
    done = run_helper(*argv)
    assert done.returncode == 2
    assert done.stdout == ""  # no result: nothing ran
    assert "ramlens-helper: refused:" in done.stderr


@needs_helper
@pytest.mark.skipif(
    not is_root or not shutil.which("setpriv"), reason="needs root and setpriv to become nobody"
)
def test_real_helper_as_ordinary_user_refuses_loudly() -> None:
    nobody = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
    done = run_helper("kernel-caches", prefix=nobody)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "must be run through pkexec" in done.stderr
    refused = run_helper("kernel-caches;id", prefix=nobody)
    assert refused.returncode == 2 and "refused" in refused.stderr


# --- the caller side: pkexec.py ----------------------------------------------------------------


def test_pkexec_absent_makes_the_helper_unavailable_with_that_reason(tmp_path: Path) -> None:
    status = pkexec.helper_status(pkexec=tmp_path / "pkexec")  # no pkexec at that absolute path
    assert status == pkexec.HelperStatus(False, f"pkexec is not installed ({tmp_path / 'pkexec'})")
    result = pkexec.run_via_helper("compact", status)
    assert not result.ok and result.message == status.reason


@pytest.mark.skipif(
    not is_root or not shutil.which("setpriv"), reason="needs root and setpriv to become nobody"
)
def test_set_up_runs_pkexec_by_absolute_path_whatever_path_says(tmp_path: Path) -> None:
    fake_pkexec(tmp_path, "exit 0")  # first on PATH: must not be the one used
    tmp_path.chmod(0o755)
    code = (
        "import inspect, sys\n"
        "from app.backends.linux import helper_setup, pkexec\n"
        "command = helper_setup.cli_command('helper', 'status')\n"
        "print(command[:3] == ['/usr/bin/pkexec', sys.executable, '-I'])\n"
        "print(inspect.signature(pkexec.helper_status).parameters['pkexec'].default)\n"
    )
    done = run_python_as_nobody(code, path=f"{tmp_path}:/usr/bin:/bin")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["True", "/usr/bin/pkexec"]


def fake_pkexec(tmp: Path, body: str, name: str = "pkexec") -> Path:
    path = tmp / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


@pytest.mark.skipif(not is_root, reason="the installed helper must be root-owned: the test makes one")
@pytest.mark.parametrize(
    ("pkcheck_exit", "available", "prompts"), [(0, True, False), (2, True, True), (1, False, True)]
)
def test_helper_is_found_through_the_installed_policy_and_polkit_decides_prompting(
    tmp_path: Path, pkcheck_exit: int, available: bool, prompts: bool
) -> None:
    tool = fake_pkexec(tmp_path, "exit 0")
    checker = fake_pkexec(tmp_path, f"exit {pkcheck_exit}", "pkcheck")
    policy = tmp_path / polkit.POLICY_NAME
    status = pkexec.helper_status(tool, policy, checker)
    assert not status.available and "not set up" in status.reason
    launcher = tmp_path / "bin" / "ramlens-helper"
    policy.write_text(polkit.render_policy(launcher, no_password=False))
    status = pkexec.helper_status(tool, policy, checker)
    assert not status.available and f"not installed at {launcher}" in status.reason
    launcher.parent.mkdir()
    launcher.write_text("#!/bin/sh\n")
    launcher.chmod(0o775)  # group-writable: someone else could replace what root runs
    status = pkexec.helper_status(tool, policy, checker)
    assert not status.available and "only root can change" in status.reason
    launcher.chmod(0o755)
    status = pkexec.helper_status(tool, policy, checker)
    assert (status.available, status.prompts) == (available, prompts)
    if available:
        assert (status.pkexec, status.helper) == (str(tool), str(launcher))
    else:
        assert status.reason == "polkit does not allow this user to run the privileged helper"


def test_policy_template_names_the_default_helper_and_rendering_changes_only_the_choices(
    tmp_path: Path,
) -> None:
    template = polkit.POLICY_TEMPLATE.read_text()
    assert (
        '<annotate key="org.freedesktop.policykit.exec.path">/usr/local/bin/ramlens-helper</annotate>'
        in template
    )
    assert "<allow_active>auth_admin_keep</allow_active>" in template
    for no_password in (False, True):
        text = polkit.render_policy(Path("/opt/x/bin/ramlens-helper"), no_password)
        policy = tmp_path / f"{no_password}.policy"
        policy.write_text(text)
        assert polkit.policy_exec_path(policy) == Path("/opt/x/bin/ramlens-helper")
        assert polkit.policy_no_password(policy) is no_password
        assert (
            "<allow_any>auth_admin</allow_any>" in text
            and "<allow_inactive>auth_admin</allow_inactive>" in text
        )
    assert polkit.policy_exec_path(tmp_path / "absent.policy") is None


@pytest.mark.parametrize("code", [126, 127])
def test_cancelled_authentication_is_a_failed_result(tmp_path: Path, code: int) -> None:
    tool = fake_pkexec(
        tmp_path, f"echo 'Error executing command as another user: Not authorized' >&2; exit {code}"
    )
    status = pkexec.HelperStatus(True, "", str(tool), str(HELPER))
    result = pkexec.run_via_helper("compact", status)
    assert not result.ok
    assert result.message.startswith(f"authentication was cancelled or refused (pkexec exit {code})")
    assert "Not authorized" in result.message and "nothing was done" in result.message


def test_non_linux_ids_are_not_passed_on(tmp_path: Path) -> None:
    tool = fake_pkexec(tmp_path, f"touch {tmp_path}/ran; exit 0")
    status = pkexec.HelperStatus(True, "", str(tool), str(HELPER))
    for bad in ("combine-pages", "compact;id", "--help"):
        assert not pkexec.run_via_helper(bad, status).ok
    assert not (tmp_path / "ran").exists()


def test_garbage_from_the_helper_is_a_failed_result(tmp_path: Path) -> None:
    tool = fake_pkexec(tmp_path, "echo 'not json'; echo 'boom' >&2; exit 1")
    result = pkexec.run_via_helper("compact", pkexec.HelperStatus(True, "", str(tool), str(HELPER)))
    assert not result.ok and "without a result" in result.message and "boom" in result.message


@needs_helper
@pytest.mark.skipif(not is_root, reason="the stand-in pkexec runs the helper with our own (root) rights")
def test_round_trip_through_a_stand_in_pkexec(tmp_path: Path) -> None:
    # pkexec's part (authentication) is replaced by exec; the helper and the JSON parsing are real.
    tool = fake_pkexec(tmp_path, 'exec "$@"')
    result = pkexec.run_via_helper("kernel-caches", pkexec.HelperStatus(True, "", str(tool), str(HELPER)))
    assert result.ok and result.action_id == "kernel-caches" and result.before is not None


@needs_helper
@pytest.mark.skipif(shutil.which("pkexec") is None, reason="pkexec is not installed")
@pytest.mark.skipif(
    Path("/run/dbus/system_bus_socket").exists(),
    reason="a system D-Bus is running: real pkexec would authorise",
)
def test_real_pkexec_without_polkit_fails_clearly() -> None:
    # Real pkexec with no system bus cannot ask polkit: it exits 127, which must become a clear failure.
    status = pkexec.HelperStatus(True, "", str(shutil.which("pkexec")), str(HELPER))
    result = pkexec.run_via_helper("kernel-caches", status)
    assert not result.ok
    assert result.message.startswith("authentication was cancelled or refused (pkexec exit 127)")


# --- the backend routes root-only actions through the helper when not root ---------------------


def user_host(tmp_path: Path, helper_status: pkexec.HelperStatus):  # type: ignore[no-untyped-def]
    from app.backends.linux import access

    return access.Host(Path("/proc"), Path("/sys"), 1000, "x86_64", True, True, helper_status)


@needs_helper
@pytest.mark.root  # drops the kernel caches for real
@pytest.mark.skipif(not is_root, reason="the stand-in pkexec runs the helper with our own (root) rights")
def test_backend_as_ordinary_user_goes_through_the_helper(tmp_path: Path) -> None:
    from app.backends.linux import LinuxBackend

    tool = fake_pkexec(tmp_path, f'echo "$@" >> {tmp_path}/calls; exec "$@"')
    backend = LinuxBackend(host=user_host(tmp_path, pkexec.HelperStatus(True, "", str(tool), str(HELPER))))
    avail = {a.action_id: a for a in backend.availability()}
    for action_id in ("standby-list", "kernel-caches", "compact", "working-sets"):
        assert avail[action_id].available and avail[action_id].via_helper
    assert avail["modified-list"].available and not avail["modified-list"].via_helper  # sync: in-process
    result = backend.run("kernel-caches")
    assert result.ok and result.action_id == "kernel-caches", result.message
    assert (tmp_path / "calls").read_text() == f"{HELPER} kernel-caches\n"  # exactly the id, nothing else
    trimmed = backend.trim_processes([os.getpid()])
    assert not trimmed.ok and "needs root" in trimmed.message  # not a catalogue action: never via the helper


def test_backend_without_helper_says_why(tmp_path: Path) -> None:
    from app.backends.linux import LinuxBackend

    status = pkexec.helper_status(pkexec=tmp_path / "pkexec")
    backend = LinuxBackend(host=user_host(tmp_path, status))
    avail = {a.action_id: a for a in backend.availability()}
    assert not avail["compact"].available
    assert avail["compact"].reason.endswith(f"no pkexec helper: {status.reason}")
    result = backend.run("compact")
    assert not result.ok and "pkexec is not installed" in result.message


@pytest.mark.skipif(
    not is_root or not shutil.which("setpriv"), reason="needs root and setpriv to become nobody"
)
def test_ordinary_user_for_real_never_silently_does_nothing() -> None:
    code = (
        "from app.backends.linux import LinuxBackend, pkexec\n"
        "b = LinuxBackend()\n"
        "a = {x.action_id: x for x in b.availability()}['kernel-caches']\n"
        "print(a.available, a.via_helper, '|', a.reason)\n"
        "print(pkexec.helper_status().available)\n"
        "if not a.via_helper:\n"
        "    r = b.run('kernel-caches')\n"
        "    print(r.ok, '|', r.message)\n"
    )
    done = run_python_as_nobody(code, path="/usr/sbin:/usr/bin:/sbin:/bin")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    if lines[1] == "True":  # pkexec, policy and helper all installed: the action goes through pkexec
        assert lines[0].startswith("True True")
    else:  # refused, with the reason (never a silent success)
        assert lines[0].startswith("False False") and "no pkexec helper: " in lines[0]
        reason = lines[0].split("no pkexec helper: ", 1)[1]
        assert lines[2].startswith("False") and reason in lines[2]
