"""Installing the privileged helper: the files root will run, written root-owned, and a manifest to undo it.

``install`` (as root) copies the helper and exactly the modules it imports (found by importing it
with the system Python) to ``PREFIX/lib/ramlens-helper/``, writes a launcher ``PREFIX/bin/ramlens-helper``
that runs them with the system Python in isolated mode (``-I``: no user site, no PYTHON* variables, no
current directory) and writes the polkit policy whose ``exec.path`` names that launcher. Every file is
root-owned and writable only by root, and so is every directory above it; nothing is run from a venv or
a home directory. ``uninstall`` removes exactly what the manifest lists. ``inspect`` says what is
installed and whether it is what this RAMLens would install.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import app
from app.backends.linux import polkit

DEFAULT_PREFIX = Path("/usr/local")
POLICY_DIR = Path("/usr/share/polkit-1/actions")
SYSTEM_PYTHON = Path("/usr/bin/python3")
SOURCE = Path(app.__file__).resolve().parent.parent  # the tree holding the running ``app`` package
LIB_NAME = "ramlens-helper"
MANIFEST_NAME = "manifest.json"
# Imports the helper's whole closure without running anything: what pkexec's child will load.
CLOSURE_PROBE = (
    "import sys; root = sys.argv[1]; sys.path.insert(0, root)\n"
    "import app.helper, app.backends.linux\n"
    "print('\\n'.join(sorted(m.__file__ for m in list(sys.modules.values())\n"
    "    if (getattr(m, '__file__', None) or '').startswith(root + '/'))))\n"
)


class InstallError(RuntimeError):
    """Installing or removing refused or failed; the message says why and what to do."""


@dataclass(frozen=True)
class Layout:
    """Where the helper goes: the launcher, its library, the policy and the manifest."""

    prefix: Path = DEFAULT_PREFIX
    policy_dir: Path = POLICY_DIR

    @property
    def launcher(self) -> Path:
        """The program pkexec runs (the policy's exec.path)."""
        return self.prefix / "bin" / LIB_NAME

    @property
    def lib(self) -> Path:
        """The copied ``app`` modules live under this directory."""
        return self.prefix / "lib" / LIB_NAME

    @property
    def manifest(self) -> Path:
        """What install wrote, for uninstall and status."""
        return self.lib / MANIFEST_NAME

    @property
    def policy(self) -> Path:
        """The polkit policy file."""
        return self.policy_dir / polkit.POLICY_NAME


@dataclass(frozen=True)
class Planned:
    """One file install writes: where, what, with which mode."""

    path: Path
    content: bytes
    mode: int

    @property
    def sha256(self) -> str:
        """Digest of the content, recorded in the manifest."""
        return hashlib.sha256(self.content).hexdigest()


@dataclass(frozen=True)
class Manifest:
    """What one install wrote (files with digests, directories it created) and how it was set up."""

    version: str
    no_password: bool
    files: dict[str, str]  # absolute path -> sha256
    dirs: tuple[str, ...]  # directories install created, removed by uninstall when empty

    def to_json(self) -> str:
        """The manifest file's text."""
        data = {"version": self.version, "no_password": self.no_password, "files": self.files}
        return json.dumps({**data, "dirs": list(self.dirs)}, indent=1, sort_keys=True) + "\n"

    @classmethod
    def read(cls, path: Path) -> Manifest | None:
        """The manifest at ``path``; None when there is none; InstallError when it is unreadable."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            files, dirs = data["files"], data["dirs"]
            if not (isinstance(files, dict) and isinstance(dirs, list)):
                raise TypeError("files/dirs have the wrong type")
            return cls(str(data["version"]), bool(data["no_password"]), dict(files), tuple(map(str, dirs)))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InstallError(
                f"the helper's manifest {path} is unreadable ({exc}): remove the files by hand"
            ) from exc


@dataclass(frozen=True)
class Installed:
    """What ``inspect`` found: installed or not, and whether it is what this RAMLens would install."""

    layout: Layout
    manifest: Manifest | None
    changed: tuple[str, ...] = field(
        default=()
    )  # files that differ from (or are missing against) this RAMLens
    problem: str = ""  # why the installation cannot be checked or used, for a person

    @property
    def installed(self) -> bool:
        """True when a manifest is there."""
        return self.manifest is not None

    @property
    def current(self) -> bool:
        """True when every installed file is byte for byte what this RAMLens would install."""
        return self.installed and not self.changed and not self.problem


def helper_modules(source: Path = SOURCE, python: Path = SYSTEM_PYTHON) -> list[Path]:
    """The ``app`` modules the helper imports, found by importing it with the system Python (-I)."""
    if not python.is_file():
        raise InstallError(f"{python} is missing: the helper runs with the system Python (install python3)")
    try:
        done = subprocess.run(
            [str(python), "-I", "-B", "-c", CLOSURE_PROBE, str(source)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise InstallError(f"{python} could not be run: {exc}") from exc
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()[-1:] or ["no message"]
        raise InstallError(f"the system Python {python} cannot import the helper: {said[0]}")
    return [Path(line) for line in done.stdout.splitlines() if line]


def launcher_text(layout: Layout, python: Path = SYSTEM_PYTHON) -> str:
    """The launcher: the system Python, isolated (-I) and writing no bytecode (-B), on the copied modules."""
    return (
        f"#!{python} -IB\n"
        f'"""RAMLens privileged helper {app.__version__}, written by `ramlens helper install`."""\n'
        "import sys\n\n"
        f"sys.path.insert(0, {str(layout.lib)!r})\n"
        "from app.helper import main  # noqa: E402\n\n"
        "sys.exit(main())\n"
    )


def plan(layout: Layout, no_password: bool, modules: list[Path], source: Path = SOURCE) -> list[Planned]:
    """Every file install writes, with its content and mode."""
    files = [Planned(layout.lib / m.relative_to(source), m.read_bytes(), 0o644) for m in modules]
    files.append(Planned(layout.launcher, launcher_text(layout).encode(), 0o755))
    policy = polkit.render_policy(layout.launcher, no_password)
    files.append(Planned(layout.policy, policy.encode(), 0o644))
    return files


def inspect(layout: Layout, source: Path = SOURCE) -> Installed:
    """What is installed under ``layout`` and how it differs from what this RAMLens would install."""
    try:
        manifest = Manifest.read(layout.manifest)
    except InstallError as exc:
        return Installed(layout, None, problem=str(exc))
    if manifest is None:
        return Installed(layout, None)
    expected = {str(p.path): p.sha256 for p in _planned_without_probe(layout, manifest, source)}
    changed = sorted(
        path
        for path in set(manifest.files) | set(expected)
        if manifest.files.get(path) != expected.get(path) or _digest(Path(path)) != manifest.files.get(path)
    )
    unsafe = [str(p) for p in map(Path, manifest.files) if p.exists() and not _root_only(p)]
    problem = f"writable by others or not owned by root: {', '.join(unsafe)}" if unsafe else ""
    return Installed(layout, manifest, tuple(changed), problem)


def _planned_without_probe(layout: Layout, manifest: Manifest, source: Path) -> list[Planned]:
    """What install would write now, for the modules the installed copy holds (no Python started).

    A new import in this RAMLens changes the file that imports it, so comparing these files is enough.
    """
    copies = [Path(p) for p in manifest.files if p.endswith(".py") and Path(p).is_relative_to(layout.lib)]
    modules = [source / p.relative_to(layout.lib) for p in copies]
    return plan(layout, manifest.no_password, [m for m in modules if m.is_file()], source)


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _root_only(path: Path) -> bool:
    """Owned by root and not writable by group or others (no symlink followed)."""
    info = path.lstat()
    return (
        info.st_uid == 0
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        and not stat.S_ISLNK(info.st_mode)
    )


def _check_ancestors(path: Path) -> None:
    """Refuse when a directory above ``path`` could be changed by someone other than root.

    A root-owned sticky directory (/tmp) is fine: others cannot rename or remove root's entries in it.
    """
    for parent in path.parents:
        if not parent.exists():
            continue
        info = parent.lstat()
        if not (_root_only(parent) or (info.st_uid == 0 and info.st_mode & stat.S_ISVTX)):
            raise InstallError(
                f"{parent} is writable by a user other than root (or not owned by root): a helper below it "
                "could be replaced; choose another --prefix"
            )


def install(
    layout: Layout,
    no_password: bool = False,
    modules: list[Path] | None = None,
    say: Callable[[str], None] = lambda _line: None,
) -> Manifest:
    """Write the helper, its modules and the policy (as root); replaces an older install there."""
    if os.geteuid() != 0:
        raise InstallError("installing the helper needs root: run `sudo ramlens helper install`")
    old = Manifest.read(layout.manifest)
    files = plan(layout, no_password, helper_modules() if modules is None else modules)
    for target in (layout.launcher, layout.lib, layout.policy):
        _check_ancestors(target)
    created = list(old.dirs if old else ())
    os.umask(0o022)
    for item in files:
        created += _make_dirs(item.path.parent)
        _write(item)
        say(f"wrote {item.path}")
    manifest = Manifest(app.__version__, no_password, {str(f.path): f.sha256 for f in files}, tuple(created))
    _write(Planned(layout.manifest, manifest.to_json().encode(), 0o644))
    for stale in sorted(set(old.files if old else ()) - set(manifest.files)):
        _remove(Path(stale), layout)  # a module the new version no longer imports
        say(f"removed {stale}")
    return manifest


def uninstall(layout: Layout, say: Callable[[str], None] = lambda _line: None) -> Manifest:
    """Remove every file the manifest lists, then the directories install created (when empty)."""
    if os.geteuid() != 0:
        raise InstallError("removing the helper needs root: run `sudo ramlens helper uninstall`")
    manifest = Manifest.read(layout.manifest)
    if manifest is None:
        raise InstallError(f"the helper is not installed under {layout.prefix} (no {layout.manifest})")
    for path in sorted(manifest.files):
        if _remove(Path(path), layout):
            say(f"removed {path}")
    layout.manifest.unlink()
    left = []
    for directory in sorted(manifest.dirs, key=lambda d: -len(Path(d).parts)):
        try:
            Path(directory).rmdir()
        except FileNotFoundError:
            continue
        except OSError:
            left.append(directory)  # something not ours is in it: leave it
    if left:
        say(f"kept (not empty): {', '.join(left)}")
    return manifest


def _make_dirs(directory: Path) -> list[str]:
    """Create ``directory`` and missing parents root-owned 0755; returns the ones created, outermost first."""
    missing = [d for d in (directory, *directory.parents) if not d.exists()][::-1]
    for d in missing:
        d.mkdir(mode=0o755)
        os.chown(d, 0, 0)
        d.chmod(0o755)
    return [str(d) for d in missing]


def _write(item: Planned) -> None:
    """Write atomically: a root-owned temporary file in the same directory, then rename over the target."""
    temporary = item.path.with_name(f".{item.path.name}.ramlens-new")
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        os.write(fd, item.content)
        os.fchown(fd, 0, 0)
        os.fchmod(fd, item.mode)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temporary, item.path)


def _remove(path: Path, layout: Layout) -> bool:
    """Remove one file the manifest lists, only inside the layout's own places; True when removed."""
    ours = path == layout.launcher or path == layout.policy or path.is_relative_to(layout.lib)
    if not ours or ".." in path.parts:
        raise InstallError(f"the manifest lists {path}, which is not a helper file: not removed")
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True
