"""``ramlens helper install | uninstall | status``: set up the privileged helper for ordinary users."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, backend_or_exit, error, print_json

if TYPE_CHECKING:
    from app.backends.linux.helper_install import Layout

NO_PASSWORD_HELP = (
    "let the user of the active local session run the Empty actions without a password "
    "(default: an administrator password, asked once and kept for a few minutes)"
)


def register(subparsers: Any) -> None:
    """Add the ``helper`` subcommand."""
    parser = subparsers.add_parser(
        "helper",
        help="install, update, remove or check the privileged helper (Linux: pkexec)",
        description="The helper lets a user who is not root run the root-only Empty actions after an "
        "administrator's password (polkit). install and uninstall need root.",
    )
    sub = parser.add_subparsers(dest="helper_command", metavar="install|uninstall|status", required=True)
    for name, text in (
        ("install", "install or update the helper and its polkit policy (root)"),
        ("uninstall", "remove exactly what install wrote (root)"),
        ("status", "what is installed, whether it matches this version, whether actions would prompt"),
    ):
        one = sub.add_parser(name, help=text, description=text)
        one.add_argument("--prefix", type=Path, default=Path("/usr/local"), help="where it goes (/usr/local)")
        if name == "status":
            one.add_argument("--json", action="store_true", help="print the status as JSON")
        else:
            one.add_argument("--yes", action="store_true", help="do not ask for confirmation")
        if name == "install":
            one.add_argument("--no-password", action="store_true", help=NO_PASSWORD_HELP)
    parser.set_defaults(func=cmd_helper)


def cmd_helper(args: argparse.Namespace) -> int:
    """Dispatch to install / uninstall / status; exit 2 where the backend has no helper."""
    backend = backend_or_exit()
    if backend.capabilities().helper_setup is None:
        error(f"there is no privileged helper on {backend.platform}: run RAMLens as administrator instead")
        return EXIT_USAGE
    if not args.prefix.is_absolute():
        error(f"--prefix must be an absolute path, not {str(args.prefix)!r}")
        return EXIT_USAGE
    # The capability is the Linux backend's: its installer is Linux code, loaded only now.
    from app.backends.linux import helper_install

    layout = helper_install.Layout(args.prefix)
    if args.helper_command == "status":
        return _status(layout, args.json)
    if os.geteuid() != 0:
        error(
            f"{args.helper_command} writes root-owned files and needs root: "
            f"run `sudo ramlens helper {args.helper_command}` (or use Set up… in the window)"
        )
        return EXIT_USAGE
    verb = "Install or update" if args.helper_command == "install" else "Remove"
    if not args.yes:
        answer = _confirm(
            f"{verb} the RAMLens privileged helper under {layout.prefix} and its polkit policy?"
        )
        if answer is None:
            error(f"there is no terminal to ask: pass --yes (ramlens helper {args.helper_command} --yes)")
            return EXIT_USAGE
        if not answer:
            error("cancelled; nothing was changed")
            return EXIT_FAILED
    try:
        if args.helper_command == "install":
            manifest = helper_install.install(layout, args.no_password, say=print)
            password = "no password in the active local session" if manifest.no_password else "asks once"
            print(f"installed the privileged helper {manifest.version} at {layout.launcher} ({password})")
        else:
            helper_install.uninstall(layout, say=print)
            print(f"removed the privileged helper from {layout.prefix}")
    except helper_install.InstallError as exc:
        error(str(exc))
        return EXIT_FAILED
    except OSError as exc:
        error(
            f"{exc.filename or 'a file'}: {exc.strerror or exc}; `ramlens helper status` shows what is left"
        )
        return EXIT_FAILED
    return EXIT_OK


def _status(layout: Layout, as_json: bool) -> int:
    """Installed or not, up to date or not, and what an Empty action would do for this user."""
    from app.backends.linux import helper_install, helper_setup, pkexec, polkit

    state = helper_setup.describe(helper_install.inspect(layout))
    found = pkexec.helper_status(policy=layout.policy)
    verdict = polkit.check() if found.available else None
    if os.geteuid() == 0:
        asks = "root: the actions run directly, without the helper"
    else:
        asks = verdict.value if verdict is not None else f"cannot use the helper: {found.reason}"
    if as_json:
        print_json(
            {
                "installed": state.installed,
                "current": state.current,
                "summary": state.summary,
                "policy": str(layout.policy),
                "no_password": polkit.policy_no_password(layout.policy),
                "usable": found.available,
                "this_user": verdict.name.lower() if verdict is not None else None,
                "reason": found.reason,
            }
        )
        return EXIT_OK
    print(f"helper:    {state.summary}")
    if state.installed:
        active = (
            "no password"
            if polkit.policy_no_password(layout.policy)
            else "an administrator password, kept for a few minutes"
        )
        print(f"policy:    {layout.policy} (the active local session: {active})")
    print(f"this user: {asks}")
    return EXIT_OK


def _confirm(question: str) -> bool | None:
    """y/N on the terminal; None when stdin is not a terminal."""
    if not sys.stdin.isatty():
        return None
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
