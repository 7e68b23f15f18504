"""The ``ramlens`` entry point: the GUI when no subcommand is given, else the CLI.

Lives in ui/ so that app/ never imports Qt; Qt is imported only when the GUI starts.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Start the GUI or hand over to the command line."""
    from app import cli

    args = sys.argv[1:] if argv is None else argv
    if cli.wants_gui(args):
        from ui.main import run_gui

        return run_gui(args)
    return cli.main(args)


if __name__ == "__main__":
    sys.exit(main())
