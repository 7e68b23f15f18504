"""Installing the helper into a throw-away prefix: root-only files, exactly its modules, an undoing manifest.

The policy goes to a throw-away directory too (Layout.policy_dir), so nothing on the machine changes;
tests/test_helper_e2e.py does the same under the real paths inside a private mount namespace.
"""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.backends.linux import helper_install, helper_setup, polkit
from app.backends.linux.helper_install import InstallError, Layout
from tests.fake_backend import FakeBackend
from tests.nobody import CLI, needs_nobody, run_python_as_nobody

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="installing writes root-owned files: needs root")
needs_system_python = pytest.mark.skipif(
    not helper_install.SYSTEM_PYTHON.is_file(), reason=f"no {helper_install.SYSTEM_PYTHON}"
)


def tree(*tops: Path) -> list[str]:
    return sorted(str(p) for top in tops for p in top.rglob("*"))


@pytest.fixture(scope="module")
def modules() -> list[Path]:
    """The helper's import closure, found once (it starts the system Python)."""
    if not helper_install.SYSTEM_PYTHON.is_file():
        pytest.skip(f"no {helper_install.SYSTEM_PYTHON}")
    return helper_install.helper_modules()


@pytest.fixture
def layout(tmp_path: Path) -> Layout:
    tmp_path.chmod(0o755)  # pytest makes it 0700; the check wants every directory above root-only
    (tmp_path / "actions").mkdir(mode=0o755)
    return Layout(tmp_path / "prefix", tmp_path / "actions")


@pytest.fixture
def installed(layout: Layout, modules: list[Path]) -> Layout:
    """A layout with the helper installed (as root)."""
    if os.geteuid() != 0:
        pytest.skip("installing writes root-owned files: needs root")
    helper_install.install(layout, modules=modules)
    return layout


@needs_system_python
def test_the_closure_is_what_the_helper_imports_and_nothing_more(modules: list[Path]) -> None:
    names = {str(m.relative_to(helper_install.SOURCE)) for m in modules}
    for needed in (
        "app/helper.py",
        "app/__init__.py",
        "app/backends/linux/drop.py",
        "app/backends/linux/access.py",
    ):
        assert needed in names
    # Loaded lazily by other paths (the window, the census, Windows): never imported by the helper.
    for other in ("app/backends/windows/__init__.py", "app/backends/linux/census.py", "app/snapshot.py"):
        assert other not in names
    assert all(m.suffix == ".py" and m.is_file() for m in modules)


@needs_root
@needs_system_python
def test_install_writes_root_only_files_and_a_manifest_listing_each(
    layout: Layout, modules: list[Path]
) -> None:
    manifest = helper_install.install(layout, modules=modules)
    written = {Path(p) for p in manifest.files}
    assert layout.launcher in written and layout.policy in written
    assert {p for p in written if p.suffix == ".py"} == {
        layout.lib / m.relative_to(helper_install.SOURCE) for m in modules
    }
    for path in [*written, *map(Path, manifest.dirs), layout.manifest]:
        info = path.lstat()
        assert info.st_uid == 0 and info.st_gid == 0, path
        assert not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH), f"{path}: {stat.filemode(info.st_mode)}"
    assert stat.S_IMODE(layout.launcher.stat().st_mode) == 0o755
    assert layout.launcher.read_text().startswith(f"#!{helper_install.SYSTEM_PYTHON} -IB\n")
    assert polkit.policy_exec_path(layout.policy) == layout.launcher
    assert not polkit.policy_no_password(layout.policy)
    assert json.loads(layout.manifest.read_text())["files"] == manifest.files
    found = helper_install.inspect(layout)
    assert found.current and not found.changed
    assert helper_setup.describe(found).summary.endswith("matches this RAMLens")


def test_the_installed_helper_ignores_the_callers_environment_and_directory(
    installed: Layout, tmp_path: Path
) -> None:
    layout = installed
    evil = tmp_path / "evil"
    (evil / "app").mkdir(parents=True)
    marker = tmp_path / "evil-ran"
    (evil / "app" / "__init__.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    (evil / "app" / "helper.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(evil),
        "PYTHONHOME": str(evil),
        "PYTHONSTARTUP": str(evil),
    }
    done = subprocess.run(
        [str(layout.launcher), "modified-list"],
        capture_output=True,
        text=True,
        env=env,
        cwd=evil,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["action"] == "modified-list"
    assert not marker.exists()
    refused = subprocess.run([str(layout.launcher), "--help"], capture_output=True, text=True, check=False)
    assert refused.returncode == 2 and "refused" in refused.stderr


@needs_root
@needs_system_python
def test_a_changed_file_makes_it_older_and_reinstalling_updates_and_drops_stale_modules(
    layout: Layout, modules: list[Path]
) -> None:
    extra = helper_install.SOURCE / "app" / "history.py"  # not imported by the helper: stale after an update
    helper_install.install(layout, modules=[*modules, extra])
    assert (layout.lib / "app" / "history.py").exists()
    old_helper = layout.lib / "app" / "helper.py"
    old_helper.write_text(old_helper.read_text() + "# an older version\n")
    found = helper_install.inspect(layout)
    assert not found.current and str(old_helper) in found.changed
    state = helper_setup.describe(found)
    assert state.installed and not state.current and "older than this RAMLens" in state.summary
    manifest = helper_install.install(layout, no_password=True, modules=modules)
    assert not (layout.lib / "app" / "history.py").exists()
    assert str(layout.lib / "app" / "history.py") not in manifest.files
    assert helper_install.inspect(layout).current
    assert polkit.policy_no_password(layout.policy)


@needs_root
@needs_system_python
def test_uninstall_removes_exactly_what_install_wrote(
    layout: Layout, modules: list[Path], tmp_path: Path
) -> None:
    (layout.prefix / "bin").mkdir(parents=True)
    layout.prefix.chmod(0o755)
    (layout.prefix / "bin" / "someone-elses-tool").write_text("#!/bin/sh\n")
    (layout.policy_dir / "org.other.policy").write_text("<policyconfig/>")
    before = tree(tmp_path)
    helper_install.install(layout, modules=modules)
    assert len(tree(tmp_path)) > len(before)
    removed: list[str] = []
    helper_install.uninstall(layout, say=removed.append)
    assert tree(tmp_path) == before
    assert f"removed {layout.launcher}" in removed
    with pytest.raises(InstallError, match="not installed"):
        helper_install.uninstall(layout)


def test_a_tampered_manifest_cannot_make_uninstall_delete_other_files(
    installed: Layout, tmp_path: Path
) -> None:
    layout = installed
    bystander = tmp_path / "bystander"
    bystander.write_text("keep me")
    data = json.loads(layout.manifest.read_text())
    data["files"][str(bystander)] = "0" * 64
    layout.manifest.write_text(json.dumps(data))
    with pytest.raises(InstallError, match="not a helper file"):
        helper_install.uninstall(layout)
    assert bystander.read_text() == "keep me"


@needs_root
@needs_system_python
def test_install_refuses_a_place_others_could_write_to(tmp_path: Path, modules: list[Path]) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)  # e.g. a group- or world-writable /usr/local: the helper could be swapped
    tmp_path.chmod(0o755)
    layout = Layout(shared / "prefix", tmp_path)
    with pytest.raises(InstallError, match="writable by a user other than root"):
        helper_install.install(layout, modules=modules)
    assert tree(shared) == []


def test_an_unreadable_manifest_is_a_problem_not_a_crash(layout: Layout) -> None:
    layout.lib.mkdir(parents=True)
    layout.manifest.write_text("{not json")
    found = helper_install.inspect(layout)
    assert not found.installed and "unreadable" in found.problem
    assert "cannot be used" in helper_setup.describe(found).summary


@needs_nobody
def test_install_and_uninstall_as_an_ordinary_user_exit_2_saying_root_is_needed(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    for verb in ("install", "uninstall"):
        done = run_python_as_nobody(CLI, "helper", verb, "--yes", "--prefix", str(tmp_path / "p"))
        assert done.returncode == 2, done.stderr
        assert "needs root" in done.stderr and f"sudo ramlens helper {verb}" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_a_relative_prefix_and_asks_for_yes_without_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # In-process on the real backend: the nobody test above runs these refusals in a child.
    assert cli.main(["helper", "install", "--prefix", "rel"]) == 2
    assert "--prefix must be an absolute path" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal
    assert cli.main(["helper", "uninstall", "--prefix", str(tmp_path)]) == 2
    assert "pass --yes" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_cli_status_reports_a_missing_helper(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["helper", "status", "--prefix", str(tmp_path)]
    assert cli.main([*args, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["installed"], report["current"]) == (False, False)
    assert report["summary"] == f"not installed (it would go to {tmp_path}/bin/ramlens-helper)"
    assert cli.main(args) == 0
    assert capsys.readouterr().out.startswith("helper:    not installed")


def test_a_backend_without_the_capability_has_no_helper_command(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("app.cli.common.detect", lambda: FakeBackend(platform="windows"))
    assert cli.main(["helper", "status"]) == 2
    assert "there is no privileged helper on windows" in capsys.readouterr().err
