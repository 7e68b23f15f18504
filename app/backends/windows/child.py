"""The elevated side of ``ramlens --elevate COMMAND``: run the command with its output in a file.

``python -m app.backends.windows.child OUTPUT ARGS…`` (or the frozen ``RAMLens.exe
--elevated-child OUTPUT ARGS…``) runs ``ramlens ARGS…`` with stdout and stderr written to OUTPUT
and exits with its exit code, which the waiting, unelevated RAMLens then reports as its own.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence


def main(argv: Sequence[str]) -> int:
    """Run ``argv[1:]`` as RAMLens's command line with its output going to the file ``argv[0]``."""
    if not argv:
        print("usage: child OUTPUT [ramlens arguments]", file=sys.stderr)
        return 2
    from app import cli  # the command line; loaded only in the elevated child

    with (
        open(argv[0], "w", encoding="utf-8") as output,
        contextlib.redirect_stdout(output),
        contextlib.redirect_stderr(output),
    ):
        try:
            return cli.main(list(argv[1:]))
        except SystemExit as exc:  # argparse exits on a usage error: its code is the answer
            return exc.code if isinstance(exc.code, int) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
