"""Views that work on a thread of their own (a census, a file scan, a process listing).

The window stops and waits for that work when it closes: a worker still running while Python
shuts down emits on objects already deleted (a crash, seen as "Signal source has been deleted"
and then SIGSEGV). Screenshot mode waits for it so the picture shows the result.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class BackgroundWork(Protocol):
    """A view with a worker thread."""

    def stop(self) -> None:
        """Ask the running work to end soon (the window is closing); what cannot be cut short finishes."""
        ...

    def wait(self, msecs: int = -1) -> bool:
        """Block until that work is done, at most ``msecs`` ms (-1: no limit); False on timeout."""
        ...
