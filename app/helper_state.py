"""What the window and the CLI know about the privileged helper's set-up, on any OS."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HelperState:
    """Whether the helper is installed, and whether it is the one this version of RAMLens would install."""

    installed: bool
    current: bool  # installed and byte for byte this version's
    summary: str  # one sentence for a person, e.g. "installed at /usr/local/bin/ramlens-helper, up to date"


@dataclass(frozen=True)
class SetupResult:
    """How an install / update / uninstall went: ok, and what to tell the person."""

    ok: bool
    message: str
