"""``ramlens --elevate …``: run RAMLens again as administrator with the other arguments (Windows).

A command is run elevated and waited for: its output is printed here and its exit code returned
(the backend's ``elevated_commands`` capability). Without a command, the window starts elevated.
"""

from __future__ import annotations

import sys

from app import backends
from app.backends import ActionError, BackendError
from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, error

OPTION = "--elevate"


def main(rest: list[str]) -> int:
    """Run ``rest`` elevated and return its exit code (no arguments: start the window); 2 where impossible."""
    try:
        backend = backends.detect()
    except BackendError as exc:
        error(f"{OPTION}: {exc}")
        return EXIT_USAGE
    commands = backend.capabilities().elevated_commands
    if not backend.can_relaunch_elevated() or (rest and commands is None):
        error(
            f"{OPTION} runs RAMLens as administrator on Windows; on {backend.platform} run the command "
            "with sudo instead (the window asks through pkexec when an action needs root)"
        )
        return EXIT_USAGE
    try:
        if rest and commands is not None:
            result = commands.run_elevated(rest)
            sys.stdout.write(result.output)
            return result.exit_code
        backend.relaunch_elevated(rest)
    except ActionError as exc:
        error(str(exc))
        return EXIT_FAILED
    print("ramlens: started as administrator in a new window", file=sys.stderr)
    return EXIT_OK
