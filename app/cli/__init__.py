"""The ``ramlens`` command line.

Each subcommand lives in its own module under app/cli/ and exposes
``register(subparsers)``, which adds its parser and sets ``func`` (args -> exit status).
Exit status everywhere: 0 done, 1 the OS refused or it failed, 2 unknown/unavailable or bad usage.

Building the parser imports every subcommand module, so their top-level imports stay light (no numpy,
psutil, http.server, Qt): a handler imports what only its command needs when it runs.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import sys
from typing import cast

from app import __version__

# Subcommand modules, in the order `ramlens --help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "app.cli.status",
    "app.cli.snapshot",
    "app.cli.frag",
    "app.cli.pages",
    "app.cli.files",
    "app.cli.serve",
    "app.cli.helper",
)

# Options of the GUI that take a value; anything else without a subcommand is a usage error.
GUI_OPTIONS = ("--screenshot", "--tab")
# What `ramlens --help` says about the window's options and RAMMap's switches (they are not subparsers).
GUI_HELP = (
    ("--screenshot FILE", "render the window to FILE (.png or .jpg) and exit"),
    ("--tab NAME", "open on this tab: lists, history, processes or another view's key"),
    ("--minimized", "start in the tray (minimized where there is no tray)"),
)


def _epilog() -> str:
    from app.cli.rammap import USAGE

    window = "\n".join(f"  {option:<20}{text}" for option, text in GUI_HELP)
    rammap = USAGE.replace("usage: ", "  ", 1)
    return f"window options (no COMMAND):\n{window}\n\nRAMMap's switches (run without asking):\n{rammap}"


def build_parser() -> argparse.ArgumentParser:
    """The full parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="ramlens",
        description="Inspect and empty the physical memory lists. With no subcommand, opens the window.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"ramlens {__version__}")
    parser.add_argument(
        "--elevate", action="store_true", help="Windows: restart as administrator with the other arguments"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


@functools.cache
def _parser() -> argparse.ArgumentParser:
    """The parser main() uses, built once per process: argparse never changes a parser while parsing."""
    return build_parser()


def _subcommand_names(parser: argparse.ArgumentParser) -> set[str]:
    return set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr,arg-type]


def wants_gui(argv: list[str]) -> bool:
    """True when the arguments name no subcommand, no RAMMap switch and no CLI-only option."""
    if any(a in ("-h", "--help", "--version") for a in argv) or argv[:1] == ["--elevate"]:
        return False
    if any(a.startswith("-E") for a in argv):
        return False
    # The value of a GUI option is not a subcommand: `--tab pages` names the Physical pages tab.
    # Any other word is a command, known or not (an unknown one is then refused by main()).
    return not _positionals(argv)


def _positionals(argv: list[str]) -> list[str]:
    """The words that are not options nor a GUI option's value: `--tab pages` names the pages tab."""
    values = {i + 1 for i, a in enumerate(argv) if a in GUI_OPTIONS}
    return [a for i, a in enumerate(argv) if not a.startswith("-") and i not in values]


def _unknown_command(parser: argparse.ArgumentParser, word: str) -> int:
    """Say the word is no command and list the commands with their one-line help; exit status 2."""
    group = parser._subparsers
    assert group is not None  # build_parser() adds the subcommands
    commands = cast("argparse._SubParsersAction[argparse.ArgumentParser]", group._group_actions[0])
    lines = [f"ramlens: unknown command {word!r}; the commands are:"]
    lines += [f"  {action.dest:<10} {action.help}" for action in commands._get_subactions()]
    lines.append("ramlens --help shows every option; ramlens with no command opens the window.")
    print("\n".join(lines), file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and run the subcommand; returns the exit status."""
    args_list = sys.argv[1:] if argv is None else argv
    if args_list[:1] == ["--elevate"]:
        from app.cli import elevate

        return elevate.main(args_list[1:])
    # RAMMap's -Ew/-Es/-Em/-Et/-E0 are not argparse options (argparse would read -Ew as -E w).
    from app.cli import rammap

    parser = _parser()
    commands = _subcommand_names(parser)
    if rammap.is_rammap_command(args_list) and not set(args_list) & commands:
        try:
            return int(rammap.main(args_list))
        except KeyboardInterrupt:
            return 130
    words = _positionals(args_list)
    if words and words[0] not in commands:
        return _unknown_command(parser, words[0])
    # argparse (3.11, 3.12) turns "--opt=--" into an empty list instead of the text "--".
    dashes = next((a for a in args_list if a.startswith("-") and a.endswith("=--")), None)
    if dashes is not None:
        parser.error(f"{dashes}: '--' cannot be an option's value")
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
