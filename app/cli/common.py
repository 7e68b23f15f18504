"""Helpers shared by the subcommands: the backend, JSON output, errors."""

from __future__ import annotations

import json
import sys
from typing import Any

from app.backends import Backend, BackendError, detect

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def backend_or_exit() -> Backend:
    """The backend for this machine; prints the reason and exits 1 when there is none."""
    try:
        return detect()
    except BackendError as exc:
        error(str(exc))
        raise SystemExit(EXIT_FAILED) from None


def error(message: str) -> None:
    """Print an error for a person on stderr."""
    print(f"ramlens: {message}", file=sys.stderr)


def print_json(data: Any) -> None:
    """Print a JSON document on stdout.

    A file name that is not valid UTF-8 reaches here with surrogate escapes; ``backslashreplace`` writes
    them as JSON's own ``\\udcXX`` escapes, so the document stays valid instead of raising.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    print(text.encode("utf-8", "backslashreplace").decode("utf-8"))
