"""``ramlens --elevate …``: start RAMLens again as administrator with the other arguments (Windows)."""

from __future__ import annotations

import sys

from app import backends
from app.backends import ActionError, BackendError
from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, error

OPTION = "--elevate"


def main(rest: list[str]) -> int:
    """Relaunch elevated with ``rest`` (no arguments: the window); exit 2 where that is not possible."""
    try:
        backend = backends.detect()
    except BackendError as exc:
        error(f"{OPTION}: {exc}")
        return EXIT_USAGE
    if not backend.can_relaunch_elevated():
        error(
            f"{OPTION} restarts RAMLens as administrator on Windows; on {backend.platform} run the command "
            "with sudo instead (the window asks through pkexec when an action needs root)"
        )
        return EXIT_USAGE
    try:
        backend.relaunch_elevated(rest)
    except ActionError as exc:
        error(str(exc))
        return EXIT_FAILED
    print("ramlens: started as administrator in a new window", file=sys.stderr)
    return EXIT_OK
