#!/usr/bin/env -S python3 -I
"""``ramlens-helper ACTION_ID``: the privileged helper that pkexec starts as root.

It accepts exactly one argument, which must be a Linux action id from the catalogue or "all" —
no options, no paths, no pass-through, no behaviour taken from the environment — and refuses
anything else with exit status 2 before doing any work. It runs that one action with the Linux
backend and prints the ActionResult as JSON on stdout for the unprivileged caller
(app/backends/linux/pkexec.py). Exit status: 0 done, 1 the action failed, 2 refused.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence

from app import actions

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REFUSED = 2


class Refused(ValueError):
    """The arguments are not exactly one allowed action id."""


def allowed_ids() -> tuple[str, ...]:
    """The ids the helper runs: the Linux catalogue actions and "all"."""
    return (*(a.id for a in actions.for_platform("linux")), actions.ALL)


def _shown(text: str) -> str:
    """An argument as it may be echoed back: repr (no control characters), at most 40 characters."""
    return repr(text[:40] + ("…" if len(text) > 40 else ""))


def validate(argv: Sequence[str]) -> str:
    """The action id when ``argv`` is exactly one allowed id; Refused (with the reason) otherwise."""
    if len(argv) != 1:
        raise Refused(f"expected exactly one action id, got {len(argv)} arguments")
    arg = argv[0]
    if not isinstance(arg, str) or arg not in allowed_ids():
        raise Refused(f"{_shown(str(arg))} is not one of: {', '.join(allowed_ids())}")
    return arg


def main(argv: Sequence[str] | None = None) -> int:
    """Validate, check for root, run the action, print its JSON; returns the exit status."""
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        action_id = validate(args)
    except Refused as exc:
        print(f"ramlens-helper: refused: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    if os.geteuid() != 0:
        print(
            "ramlens-helper: must be run through pkexec (it runs root-only actions and is not root)",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    # Imported only now: nothing of the backend is touched for a refused call.
    from app.backends.linux import LinuxBackend

    result = LinuxBackend().run(action_id)
    print(json.dumps(result.to_json(), ensure_ascii=False))
    return EXIT_OK if result.ok else EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
