#!/usr/bin/env python3
"""Set up RAMLens in a virtual environment, then start it or test it.

    python3 dev.py run [ramlens arguments]   set up (once) and start RAMLens
    python3 dev.py test [pytest arguments]   set up (once) and run the checks and the tests
    python3 dev.py bench                     set up (once) and run the benchmarks
    python3 dev.py translations              re-extract the window's texts (lupdate), compile them (lrelease)
    py dev.py dist                           (Windows) build dist/RAMLens with PyInstaller
    python3 dev.py mutate [--survivors] [MODULE…] [-- mutmut run options]
                                             mutation-test core modules (slow; not part of CI);
                                             --survivors retries only the last run's survivors

Only the standard library is used here, so this works on a machine with nothing but Python 3.
Setting up is skipped when pyproject.toml (and the install command) have not changed since the last install.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("RAMLENS_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".ramlens-installed"
INSTALL = ["install", "-e", f"{ROOT}[test]"]
# "compat": one .pth line puts this checkout on sys.path. setuptools' default editable install is a finder
# module that every Python process imports at start-up (pathlib, importlib.util: 57 instead of 25 ms of CPU
# for `python -c pass`), and the tests start about a hundred Python processes (the CLI, the helper, children
# as another user). setuptools calls the mode transitional: where it is gone, the default is used.
COMPAT = ["--config-settings", "editable_mode=compat"]

# Shared libraries the Qt wheels need from the OS on Debian/Ubuntu (the wheels ship Qt itself).
QT_DEBIAN_PACKAGES = ["libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3", "libglib2.0-0"]
# And those its X11 (xcb) platform plugin needs to open a window on a display.
XCB_DEBIAN_PACKAGES = [
    "libxcb-cursor0",
    "libxkbcommon-x11-0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-randr0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libx11-xcb1",
]
GUI_STAMP = VENV / ".ramlens-display-ok"
# Fonts with Chinese glyphs, so the window's zh_CN translation does not draw as boxes on a fresh machine.
CJK_FONT_PACKAGES = ["fonts-noto-cjk"]
I18N = ROOT / "ui" / "resources" / "i18n"
# The translations RAMLens ships, by Qt locale name; each has I18N/ramlens_<name>.ts (and its compiled .qm).
LANGUAGES = ("zh_CN",)

# `dev.py mutate`: each core module with the unit tests that exercise it (no root or slow tests: a mutant must
# never run a real kernel action), as pytest arguments (test files, or a `--deselect` of one slow test).
MUTATE_MODULES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "lists": (("app/backends/linux/lists.py",), ("tests/test_linux_lists.py",)),
    "fragmentation": (
        ("app/buddy.py", "app/backends/linux/fragmentation.py"),
        ("tests/test_fragmentation.py", "tests/test_cli_frag.py", "tests/test_pagetypeinfo.py"),
    ),
    "census": (
        ("app/backends/linux/census.py", "app/pagecensus.py"),
        ("tests/test_census.py", "tests/test_census_edges.py"),
    ),
    "access": (
        ("app/backends/linux/access.py",),
        ("tests/test_linux_actions.py", "tests/test_helper.py", "tests/test_helper_access.py"),
    ),
    "helper": (("app/helper.py",), ("tests/test_helper.py",)),
    "autoclean": (("app/autoclean.py",), ("tests/test_autoclean.py",)),
    "snapshot": (
        ("app/snapshot/schema.py", "app/snapshot/diff.py"),
        (
            "tests/test_snapshot.py",
            "tests/test_snapshot_fuzz.py",
            "tests/test_snapshot_edges.py",
            "tests/test_cli_snapshot.py",
            "tests/test_files_snapshot.py",
            # it waits 2 s for live samples; test_snapshot_edges pins the history block in-process instead
            "--deselect",
            "tests/test_cli_snapshot.py::test_save_with_minutes_records_history",
        ),
    ),
    "history": (("app/history.py",), ("tests/test_history.py",)),
    "model": (
        ("app/model.py", "app/jsonread.py"),
        ("tests/test_model.py", "tests/test_model_edges.py", "tests/test_snapshot.py"),
    ),
    "ntapi": (("app/backends/windows/ntapi.py",), ("tests/windows",)),
    "commands": (("app/backends/windows/commands.py",), ("tests/windows",)),
    "privileges": (("app/backends/windows/privileges.py",), ("tests/windows",)),
}
MUTATE_DIR = VENV / "mutate"  # one scratch copy of the tree per module, so results are kept between runs


def _say(msg: str) -> None:
    print(f"[dev] {msg}", flush=True)


def _run(cmd: Sequence[object], **kw: Any) -> int:
    return subprocess.call([str(c) for c in cmd], **kw)


def setup() -> None:
    """Create the venv and install RAMLens with its test extra, unless already up to date."""
    command = " ".join(INSTALL + COMPAT).encode()
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + command).hexdigest()
    if PY.exists() and STAMP.exists() and STAMP.read_text().strip() == digest:
        return
    if not PY.exists():
        _say(f"creating virtual environment in {VENV}")
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except Exception as exc:  # ensurepip missing on some distributions
            shutil.rmtree(VENV, ignore_errors=True)
            sys.exit(f"[dev] no virtual environment ({exc}); on Debian: apt-get install python3-venv")
    _say("installing RAMLens and its dependencies (first run only)")
    pip = [PY, "-m", "pip", "--disable-pip-version-check", "-q"]
    if _run([*pip, "install", "--upgrade", "pip"]):
        sys.exit("[dev] pip install failed; see the messages above")
    if _run([*pip, *INSTALL, *COMPAT]):
        _say("setuptools refused the compat editable mode; installing in its default mode")
        if _run([*pip, *INSTALL]):
            sys.exit("[dev] pip install failed; see the messages above")
    _ensure_qt_libraries()
    STAMP.write_text(digest)


def _ensure_qt_libraries() -> None:
    """Qt's wheels need a few OS libraries; install them on Debian when root, else say which."""
    if os.name == "nt":
        return
    probe = [PY, "-c", "import PySide6.QtWidgets, PySide6.QtGui"]
    _ensure_os_packages(probe, QT_DEBIAN_PACKAGES, "Qt cannot load")


def _ensure_display_libraries() -> None:
    """Before the first start on a display: make sure Qt's platform plugin can open a window there."""
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if os.name == "nt" or os.environ.get("QT_QPA_PLATFORM") or not has_display or GUI_STAMP.exists():
        return
    probe = [PY, "-c", "from PySide6.QtGui import QGuiApplication; QGuiApplication([])"]
    _ensure_os_packages(probe, XCB_DEBIAN_PACKAGES, "Qt cannot open a window on this display")
    _ensure_cjk_fonts()
    GUI_STAMP.touch()


def _ensure_cjk_fonts() -> None:
    """Install Noto CJK on Debian when no font covers Chinese (fontconfig's fc-list answers that)."""
    if not shutil.which("fc-list"):
        return
    probe: list[object] = ["sh", "-c", "fc-list :lang=zh-cn family | grep -q ."]
    _ensure_os_packages(probe, CJK_FONT_PACKAGES, "no font covers Chinese", required=False)


def translations() -> int:
    """Re-extract every translatable text from app/ and ui/ into the .ts files, then compile the .qm files.

    ``N_(context, text)`` (app/i18n.py) is taught to lupdate as Qt's QT_TRANSLATE_NOOP; obsolete
    entries are dropped so the .ts holds exactly what the code says today.
    """
    sources = sorted(str(p) for d in ("app", "ui") for p in (ROOT / d).rglob("*.py"))
    for name in LANGUAGES:
        ts = I18N / f"ramlens_{name}.ts"
        lupdate = [BIN / "pyside6-lupdate", "-tr-function-alias", "QT_TRANSLATE_NOOP+=N_", "-no-obsolete"]
        if _run([*lupdate, "-locations", "none", "-target-language", name, *sources, "-ts", ts], cwd=ROOT):
            return 1
        if _run([BIN / "pyside6-lrelease", "-nounfinished", ts, "-qm", ts.with_suffix(".qm")], cwd=ROOT):
            return 1
    return 0


def _ensure_os_packages(
    probe: list[object], packages: list[str], problem: str, required: bool = True
) -> None:
    """Run ``probe``; when it fails, install ``packages`` with apt-get as root, else say which to install.

    Without a ``required`` package RAMLens cannot start (exit); without an optional one it only looks worse.
    """
    if _run(probe, stderr=subprocess.DEVNULL) == 0:
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        _say("installing the OS packages RAMLens needs: " + " ".join(packages))
        _run(["apt-get", "update", "-qq"])
        _run(["apt-get", "install", "-y", "-qq", *packages])
    if _run(probe) != 0:
        message = f"{problem}. On Debian/Ubuntu: sudo apt-get install " + " ".join(packages)
        if required:
            sys.exit(f"[dev] {message}")
        _say(message)


def dist() -> int:
    """Build the Windows distribution (dist/RAMLens) with PyInstaller; Windows only."""
    if os.name != "nt":
        _say("dist needs Windows: PyInstaller builds for the OS it runs on")
        return 2
    if _run([PY, "-m", "pip", "--disable-pip-version-check", "-q", "install", "pyinstaller>=6.3"]):
        _say("could not install PyInstaller")
        return 1
    return _run([PY, ROOT / "packaging" / "windows" / "build.py"], cwd=ROOT)


def mutate(argv: list[str]) -> int:
    """Run mutmut over the named core modules (all when none), then print each one's score.

    Arguments after ``--`` go to ``mutmut run`` (e.g. ``--max-children 1``). Each module is mutated in its own
    copy of the tree under .venv/mutate/, so a second run only redoes what changed; with ``--survivors`` it
    retries just the mutants that survived or had no test last time (after tests were added to kill them).
    """
    cut = argv.index("--") if "--" in argv else len(argv)
    names, extra = argv[:cut], argv[cut + 1 :]
    retry = "--survivors" in names
    names = [n for n in names if n != "--survivors"]
    unknown = [n for n in names if n not in MUTATE_MODULES]
    if unknown:
        print(f"[dev] unknown module(s) {', '.join(unknown)}; choose from {', '.join(MUTATE_MODULES)}")
        return 2
    if _run([PY, "-c", "import mutmut"], stderr=subprocess.DEVNULL):
        _say("installing mutmut (a developer tool, not a dependency of RAMLens)")
        if _run([PY, "-m", "pip", "--disable-pip-version-check", "-q", "install", "mutmut>=3.3"]):
            sys.exit("[dev] pip install mutmut failed; see the messages above")
    scores = []
    for name in names or list(MUTATE_MODULES):
        sources, tests = MUTATE_MODULES[name]
        work = MUTATE_DIR / name
        _copy_tree(work)
        cfg = [
            "[mutmut]",
            "source_paths = app",
            # tests read the shipped policy and the build files, and import the window
            "also_copy =\n    ui\n    resources\n    packaging",
            "only_mutate =\n" + "\n".join(f"    {s}" for s in sources),
            "pytest_add_cli_args_test_selection =\n" + "\n".join(f"    {t}" for t in tests),
            "pytest_add_cli_args =\n    -m\n    not root and not slow\n    -p\n    no:cacheprovider",
            "",
        ]
        (work / "setup.cfg").write_text("\n".join(cfg))
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RAMLENS_HYPOTHESIS_PROFILE="mutate")
        _say(f"mutating {name} ({', '.join(sources)}) against {', '.join(tests)}")
        # "no tests" too: a test added since may now reach the mutated function
        survivors = _mutants_with(work, env, "survived", "no tests") if retry else []
        if retry and not survivors:
            _say(f"{name}: no survivors to retry")
        else:
            _run([BIN / "mutmut", "run", *extra, *survivors], cwd=work, env=env)
        scores.append((name, _mutmut_statuses(work, env)))
    print()
    for name, statuses in scores:
        total = sum(statuses.values())
        killed = statuses.get("killed", 0) + statuses.get("timeout", 0)
        rest = ", ".join(f"{n} {s}" for s, n in sorted(statuses.items()) if s not in ("killed", "timeout"))
        pct = f"{100 * killed / total:.0f} %" if total else "-"
        print(f"{name:<14} killed {killed}/{total} ({pct}){'; ' + rest if rest else ''}")
    return 0


def _copy_tree(work: Path) -> None:
    """The tree as it is now (edits included) into ``work``; timestamps kept, so unchanged files are kept."""
    skip = shutil.ignore_patterns(
        ".git", ".venv", "mutants", "artifacts", "__pycache__", ".*cache*", ".hypothesis"
    )
    shutil.copytree(ROOT, work, ignore=skip, dirs_exist_ok=True)


def _mutmut_results(work: Path, env: dict[str, str]) -> list[tuple[str, str]]:
    """(mutant, status) for every mutant of the last run in ``work`` (``mutmut results --all``)."""
    if not (work / "mutants").is_dir():
        return []
    out = subprocess.run(
        [BIN / "mutmut", "results", "--all", "true"], cwd=work, env=env, capture_output=True, text=True
    ).stdout
    pairs = (line.strip().rsplit(": ", 1) for line in out.splitlines() if ": " in line)
    return [(name, status) for name, status in pairs]


def _mutants_with(work: Path, env: dict[str, str], *statuses: str) -> list[str]:
    """The mutants of the last run in ``work`` that ended with one of ``statuses``."""
    return [name for name, st in _mutmut_results(work, env) if st in statuses]


def _mutmut_statuses(work: Path, env: dict[str, str]) -> dict[str, int]:
    """Mutants per status (killed, survived, no tests, timeout…); the survivors go to survivors.txt."""
    results = _mutmut_results(work, env)
    statuses: dict[str, int] = {}
    for _, status in results:
        statuses[status] = statuses.get(status, 0) + 1
    (work / "survivors.txt").write_text("".join(f"{n}\n" for n, st in results if st == "survived"))
    return statuses


def main(argv: list[str]) -> int:
    """Dispatch run / test / bench / mutate / dist / translations."""
    if not argv or argv[0] not in {"run", "test", "bench", "setup", "mutate", "dist", "translations"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    setup()
    if command == "setup":
        return 0
    if command == "dist":
        return dist()
    if command == "translations":
        return translations()
    if command == "mutate":
        return mutate(rest)
    if command == "run":
        if not rest:  # the window: its platform plugin may need more OS libraries than the tests do
            _ensure_display_libraries()
        return _run([BIN / "ramlens", *rest])
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if command == "bench":
        return _run([PY, ROOT / "bench" / "run.py", *rest], env=env, cwd=ROOT)
    # Bytecode caches: without them every test module is re-parsed and assert-rewritten on each run, and
    # every child `ramlens` recompiles app/ and ui/ (some machines set PYTHONDONTWRITEBYTECODE for all).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    _say("ruff …")
    if _run([PY, "-m", "ruff", "check", "app", "ui", "tests", "bench", "dev.py"], cwd=ROOT, env=env):
        _say("ruff failed")
        return 1
    # mypy runs beside pytest, at a lower priority: from a cold cache it needs ~12 s of CPU, which it takes
    # mostly while the test workers wait (on child processes, the kernel, sockets) instead of before them.
    _say("mypy (beside the tests) …")
    mypy = subprocess.Popen(
        [str(PY), "-m", "mypy"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=(lambda: os.nice(10)) if os.name == "posix" else None,
    )
    tests = _run([PY, "-m", "pytest", *_workers(rest), *rest], cwd=ROOT, env=env)
    typed, _ = mypy.communicate()
    print(typed, end="", flush=True)
    if mypy.returncode:
        _say("mypy failed")
        return 1
    return tests


def _workers(args: Sequence[str]) -> list[str]:
    """One xdist worker per CPU this process may use, unless the arguments choose the workers (``-n``) or
    no xdist (``-p no:xdist``). tests/conftest.py keeps the tests that would disturb each other apart."""
    if "no:xdist" in args:
        return []
    chosen: list[str] = []
    if not any(a.startswith(("-n", "--numprocesses")) for a in args):
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        chosen += ["-n", str(cpus)]
    if not any(a.startswith("--max-worker-restart") for a in args):
        # A crashed worker (a segfault in Qt, say) ends the run as a failure, as it would without xdist.
        chosen += ["--max-worker-restart", "0"]
    return chosen


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
