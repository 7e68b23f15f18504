"""The steps of the helper's end-to-end tests, run as root inside tests/polkit_sandbox.py.

``helper_e2e_steps.py SCENARIO…`` runs the scenarios one after the other in one sandbox, each from the
sandbox's first state (whatever a failed one left behind is removed first), and prints one JSON object on
its last line: each scenario's observations (or the error it stopped on) under its name;
tests/test_helper_e2e.py asserts on them. Ordinary-user steps run from this source tree as nobody (whom
the sandbox's polkit answers YES) or as daemon (answered NO), through setpriv; root's own ``ramlens``
commands run in this process. Nothing here decides whether a test passes.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GRANTED, DENIED = "nobody", "daemon"  # two ordinary users, and what the sandbox's polkit answers each
VERDICTS = {GRANTED: "YES", DENIED: "NO"}
CLI = "import sys; from app import cli; sys.exit(cli.main(sys.argv[1:]))"
WATCHED = (Path("/usr/local"), Path("/usr/share/polkit-1/actions"), Path("/etc/polkit-1/rules.d"))
CACHE_BYTES = 32 << 20

# The window's runner, as nobody: the same ActionRunner the Empty menu uses.
RUNNER = """
import json, sys
from PySide6.QtCore import QCoreApplication, QEventLoop
from app.backends.linux import LinuxBackend
from ui.runner import ActionRunner
app = QCoreApplication([])
runner = ActionRunner(LinuxBackend())
loop = QEventLoop()
results = []
runner.finished.connect(lambda r: (results.append(r), loop.quit()))
runner.run(sys.argv[1])
loop.exec()
print(json.dumps(results[0].to_json()))
"""

# The window itself, as nobody: "Set up…" on the not-elevated bar, an Empty action, then Tools › Remove.
WINDOW = """
import json, sys
from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication
from app.backends.linux import LinuxBackend
from ui.mainwindow import MainWindow
app = QApplication([])
window = MainWindow(LinuxBackend(), QSettings(sys.argv[1], QSettings.Format.IniFormat))
window.show()
setup = window.plugins["helper_setup"]
seen = {"bar_button": setup.bar_button.text(), "bar_visible": setup.bar_button.isVisible(),
        "standby_enabled_before": window.empty_menu.items["standby-list"].isEnabled()}

def wait(signal):
    loop = QEventLoop()
    got = []
    signal.connect(lambda *a: (got.append(a), loop.quit()))
    loop.exec()
    return got[0]

setup.ask_password_choice = lambda: False  # the dialog's answer: keep asking for passwords (the default)
setup.bar_button.click()
(result,) = wait(setup.finished)
seen.update(setup_ok=result.ok, setup_message=result.message, bar_visible_after=setup.bar_button.isVisible(),
            standby_enabled_after=window.empty_menu.items["standby-list"].isEnabled(),
            note_after=window.elevation_bar.label.text(), state=setup.state.summary)
sys.stdout.write(json.dumps({"fill": True}) + "\\n"); sys.stdout.flush()
sys.stdin.readline()  # the root side fills the page cache now
window.runner.run("standby-list")
emptied, automatic = wait(window.runner.job_finished)
seen.update(empty_ok=emptied.ok, empty_message=emptied.message)
sys.stdout.write(json.dumps({"measure": True}) + "\\n"); sys.stdout.flush()
sys.stdin.readline()
setup.start(setup.setup.uninstall, "removing")
(removed,) = wait(setup.finished)
seen.update(remove_ok=removed.ok, remove_message=removed.message,
            standby_enabled_removed=window.empty_menu.items["standby-list"].isEnabled(),
            menu_text_removed=setup.install_action.text())
window.close()
print(json.dumps(seen))
"""


def as_user(name: str) -> list[str]:
    """The setpriv prefix that runs a command as the user ``name``, with no supplementary groups."""
    user = pwd.getpwnam(name)
    return ["/usr/bin/setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups"]


def run(argv: list[str], user: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command (as ``user`` when given, else root) from the source tree, capturing its output."""
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    prefix = as_user(user) if user else []
    return subprocess.run([*prefix, *argv], capture_output=True, text=True, cwd=ROOT, env=env, check=False)


def ramlens(*args: str, user: str) -> subprocess.CompletedProcess[str]:
    """``ramlens ARGS`` as ``user``, a process of its own from this source tree."""
    return run([sys.executable, "-c", CLI, *args], user=user)


def ramlens_as_root(*args: str) -> list[Any]:
    """``ramlens ARGS`` as root, in this process: [exit status, stdout, stderr].

    The same main() a `sudo ramlens` process runs; a process of its own would only add a start-up (the
    window's Set up… and Remove run these commands as processes, through pkexec).
    """
    from app import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    return [code, out.getvalue(), err.getvalue()]


def tree() -> list[str]:
    """Every path under the watched directories (what install may write)."""
    return sorted(str(p) for top in WATCHED for p in top.rglob("*"))


def file_info() -> dict[str, list[int]]:
    """uid and mode of every path install wrote, and of every directory above them."""
    info = {}
    for path in [Path(p) for p in tree()] + [Path("/usr/local")]:
        st = path.lstat()
        info[str(path)] = [st.st_uid, st.st_mode]
    return info


def cached_file() -> Path:
    """A file anyone may read, written and synced (clean pages), then read so it is in the page cache."""
    directory = Path(tempfile.mkdtemp(prefix="ramlens-cache-"))
    directory.chmod(0o755)
    path = directory / "filled"
    block = os.urandom(1 << 20)  # what the pages hold does not matter to the page cache: one random MiB
    with open(path, "wb") as out:
        for _ in range(CACHE_BYTES // len(block)):
            out.write(block)
        out.flush()
        os.fsync(out.fileno())
    path.chmod(0o644)
    fill(path)
    return path


def fill(path: Path) -> None:
    """Read the whole file so its pages are in the page cache."""
    with open(path, "rb") as f:
        while f.read(1 << 20):
            pass


def resident(path: Path) -> int:
    """Bytes of the file in the page cache now (fincore, i.e. mincore(2))."""
    done = run(["fincore", "--bytes", "--noheadings", "--output", "RES", str(path)])
    return int(done.stdout.strip())


def grant() -> dict[str, Any]:
    """Install as root, empty as nobody through polkit (CLI and runner), uninstall."""
    seen: dict[str, Any] = {"before": tree()}
    seen["install"] = ramlens_as_root("helper", "install", "--yes")
    seen["files"] = file_info()
    seen["launcher_head"] = Path("/usr/local/bin/ramlens-helper").read_text().splitlines()[0]
    done = ramlens("helper", "status", "--json", user=GRANTED)
    seen["status"] = json.loads(done.stdout) if done.returncode == 0 else done.stderr
    cache = cached_file()
    seen["cli_cache_before"] = resident(cache)
    done = ramlens("empty", "standby-list", "--yes", "--json", user=GRANTED)
    seen["cli_cache_after"] = resident(cache)
    seen["cli"] = [done.returncode, done.stdout, done.stderr]
    fill(cache)
    seen["runner_cache_before"] = resident(cache)
    done = run([sys.executable, "-c", RUNNER, "standby-list"], user=GRANTED)
    seen["runner_cache_after"] = resident(cache)
    seen["runner"] = [done.returncode, done.stdout, done.stderr]
    seen["uninstall"] = ramlens_as_root("helper", "uninstall", "--yes")
    seen["after"] = tree()
    return seen


def drops() -> int:
    """How often anyone on this machine has dropped the page cache (the kernel's own counter)."""
    for line in Path("/proc/vmstat").read_text().splitlines():
        if line.startswith("drop_pagecache "):
            return int(line.split()[1])
    raise RuntimeError("/proc/vmstat has no drop_pagecache counter")


def deny() -> dict[str, Any]:
    """Install as root; polkit says NO to the user: refused with a sentence, nothing runs.

    Other people's drop_caches would empty the cache too: an attempt during which the kernel's
    drop counter moved proves nothing and is repeated (at most three times).
    """
    seen: dict[str, Any] = {"attempts": []}
    seen["install"] = ramlens_as_root("helper", "install", "--yes")
    done = ramlens("helper", "status", "--json", user=DENIED)
    seen["status"] = json.loads(done.stdout) if done.returncode == 0 else done.stderr
    cache = cached_file()
    # Past RAMLens's own check: pkexec itself asks polkit, which says no; the helper never starts.
    direct = (
        "from app.backends.linux import pkexec\n"
        "s = pkexec.HelperStatus(True, '', '/usr/bin/pkexec', '/usr/local/bin/ramlens-helper')\n"
        "r = pkexec.run_via_helper('standby-list', s)\n"
        "print(r.ok, '|', r.message)\n"
    )
    for _ in range(3):
        fill(cache)
        attempt: dict[str, Any] = {"drops_before": drops(), "cache_before": resident(cache)}
        done = ramlens("empty", "standby-list", "--yes", user=DENIED)
        attempt["cli"] = [done.returncode, done.stdout, done.stderr]
        done = run([sys.executable, "-c", direct], user=DENIED)
        attempt["direct"] = [done.returncode, done.stdout, done.stderr]
        attempt.update(cache_after=resident(cache), drops_after=drops())
        seen["attempts"].append(attempt)
        if attempt["drops_after"] == attempt["drops_before"]:
            break
    seen["uninstall"] = ramlens_as_root("helper", "uninstall", "--yes")
    return seen


def window() -> dict[str, Any]:
    """The window as nobody: Set up… (pkexec on `ramlens helper install`), Empty, Tools › Remove."""
    seen: dict[str, Any] = {"before": tree()}
    cache = cached_file()
    scratch = Path(tempfile.mkdtemp(prefix="ramlens-nobody-"))
    os.chown(scratch, 65534, 65534)
    env = {
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(scratch),
        "XDG_RUNTIME_DIR": str(scratch),
    }
    child = subprocess.Popen(
        [*as_user(GRANTED), sys.executable, "-c", WINDOW, str(scratch / "ramlens.ini")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert child.stdin is not None and child.stdout is not None
    for line in child.stdout:
        if line.startswith('{"fill"'):
            seen["files"] = file_info()
            fill(cache)
            seen["cache_before"] = resident(cache)
        elif line.startswith('{"measure"'):
            seen["cache_after"] = resident(cache)
        else:
            seen["window"] = json.loads(line) if line.startswith("{") else line
            continue
        child.stdin.write("go\n")
        child.stdin.flush()
    seen["exit"] = child.wait(60)
    seen["stderr"] = child.stderr.read() if child.stderr else ""
    seen["after"] = tree()
    return seen


SCENARIOS: dict[str, Callable[[], dict[str, Any]]] = {"grant": grant, "deny": deny, "window": window}


def restore(first: list[str]) -> None:
    """Remove whatever is under the watched directories now and was not in the sandbox's first state."""
    for path in sorted(set(tree()) - set(first), reverse=True):  # a directory's entries before it
        extra = Path(path)
        if extra.is_dir() and not extra.is_symlink():
            extra.rmdir()
        else:
            extra.unlink()


def main(names: list[str]) -> dict[str, Any]:
    """Each named scenario's observations, or the traceback it stopped on, under its name."""
    first = tree()
    seen: dict[str, Any] = {}
    for name in names:
        restore(first)  # each scenario starts as the sandbox did, whatever the one before left
        try:
            seen[name] = SCENARIOS[name]()
        except Exception:  # reported to the test that reads this scenario, which fails with it
            seen[name] = {"error": traceback.format_exc()}
    return seen


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))  # root's `ramlens` commands run in this process, from this source tree
    # Every temporary directory (the filled cache files, nobody's home) inside one, removed at the end.
    tempfile.tempdir = tempfile.mkdtemp(prefix="ramlens-e2e-")
    os.chmod(tempfile.tempdir, 0o755)
    try:
        print(json.dumps(main(sys.argv[1:])))
    finally:
        shutil.rmtree(tempfile.tempdir)
