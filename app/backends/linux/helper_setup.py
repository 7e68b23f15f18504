"""The Linux backend's helper_setup capability: install, update or remove the helper through pkexec.

The window cannot write /usr/local itself, so it asks pkexec (polkit's own
``org.freedesktop.policykit.exec`` action: one administrator password) to run
``ramlens helper install`` from this same RAMLens, then has the backend probe its rights again.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

from app.backends.linux import helper_install, pkexec
from app.helper_state import HelperState, SetupResult

# Runs ``ramlens ARGS`` from the source tree given as the first argument, whatever the caller's PATH.
BOOT = (
    "import sys; sys.path.insert(0, sys.argv.pop(1)); from app.cli import main; sys.exit(main(sys.argv[1:]))"
)


def cli_command(*args: str) -> list[str]:
    """``ramlens ARGS`` as root: through /usr/bin/pkexec unless we are root already."""
    command = [sys.executable, "-I", "-c", BOOT, str(helper_install.SOURCE), *args]
    return command if os.geteuid() == 0 else [str(pkexec.PKEXEC), *command]


def run_as_root(args: list[str]) -> SetupResult:
    """Run ``ramlens ARGS`` as root (asking for the password) and say how it went; never raises."""
    try:
        done = subprocess.run(
            cli_command(*args), stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False
        )
    except OSError as exc:
        return SetupResult(False, f"pkexec could not be started: {exc.strerror or exc}")
    said = (done.stderr.strip().splitlines() or [""])[-1].removeprefix("ramlens: ")
    if done.returncode in (pkexec.PKEXEC_DISMISSED, pkexec.PKEXEC_FAILED):
        detail = f" ({said})" if said else ""
        return SetupResult(False, f"authentication was cancelled or refused{detail}: nothing was changed")
    if done.returncode != 0:
        return SetupResult(False, said or f"ramlens helper {args[0]} failed (exit {done.returncode})")
    return SetupResult(True, (done.stdout.strip().splitlines() or ["done"])[-1])


@dataclass(frozen=True)
class PkexecSetup:
    """Offered by LinuxBackend; ``reprobe`` makes the backend look at its rights again after a change."""

    reprobe: Callable[[], None]
    layout: helper_install.Layout = helper_install.Layout()

    def state(self) -> HelperState:
        """Installed or not, and whether it matches this RAMLens."""
        return describe(helper_install.inspect(self.layout))

    def install(self, no_password: bool = False) -> SetupResult:
        """Install or update through pkexec; the backend re-reads availability afterwards."""
        args = ["helper", "install", "--yes", "--prefix", str(self.layout.prefix)]
        result = run_as_root([*args, "--no-password"] if no_password else args)
        self.reprobe()
        return result

    def uninstall(self) -> SetupResult:
        """Remove through pkexec; the backend re-reads availability afterwards."""
        result = run_as_root(["helper", "uninstall", "--yes", "--prefix", str(self.layout.prefix)])
        self.reprobe()
        return result


def describe(found: helper_install.Installed) -> HelperState:
    """The sentence for a person about an installation."""
    where = found.layout.launcher
    if found.problem:
        return HelperState(found.installed, False, f"the helper at {where} cannot be used: {found.problem}")
    if found.manifest is None:
        return HelperState(False, False, f"not installed (it would go to {where})")
    version = found.manifest.version
    if found.changed:
        return HelperState(
            True, False, f"installed at {where} (version {version}), older than this RAMLens: update it"
        )
    return HelperState(True, True, f"installed at {where} (version {version}), matches this RAMLens")
