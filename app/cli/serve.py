"""``ramlens serve --metrics HOST:PORT``: a Prometheus endpoint for the lists, fragmentation, auto-clean."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import TYPE_CHECKING, Any

from app.autoclean import DEFAULT_ACTIONS, AutoCleanSettings, SettingsError, stutter_warning
from app.backends import Backend
from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, backend_or_exit, error

if TYPE_CHECKING:
    from app.metrics.server import ListenAddress

DEFAULTS = AutoCleanSettings()


def register(subparsers: Any) -> None:
    """Add the ``serve`` subcommand."""
    from app.metrics.server import DEFAULT_HOST, DEFAULT_PORT

    p = subparsers.add_parser(
        "serve",
        help="answer Prometheus scrapes with the lists, fragmentation and auto-clean results",
        description="Serve /metrics in Prometheus's text format. Every scrape reads the memory once; nothing "
        "is read between scrapes. Listens on loopback unless --listen-any is given.",
    )
    p.add_argument(
        "--metrics",
        default=f"{DEFAULT_HOST}:{DEFAULT_PORT}",
        metavar="HOST:PORT",
        help=f"where to listen (default {DEFAULT_HOST}:{DEFAULT_PORT}; port 0 picks a free port)",
    )
    p.add_argument(
        "--listen-any", action="store_true", help="allow a non-loopback address (other machines can scrape)"
    )
    p.add_argument(
        "--file-cache",
        action="append",
        default=[],
        metavar="PATH",
        help="export the page-cache totals of the files under PATH (repeatable; where the system offers it)",
    )
    group = p.add_argument_group(
        "auto-clean",
        "the window's auto-clean rules, run by the exporter (every field of its settings dialog)",
    )
    group.add_argument("--autoclean", action="store_true", help="run auto-clean and export what it does")
    group.add_argument(
        "--usage-percent",
        type=float,
        default=DEFAULTS.usage_percent,
        metavar="P",
        help=f"clean when memory in use is above P %% (default {DEFAULTS.usage_percent:g})",
    )
    group.add_argument("--no-usage-rule", action="store_true", help="switch the in-use rule off")
    group.add_argument(
        "--standby-gib", type=float, metavar="G", help="also clean when standby is above G GiB"
    )
    group.add_argument("--interval-minutes", type=int, metavar="M", help="also clean every M minutes")
    group.add_argument(
        "--actions",
        default=",".join(DEFAULT_ACTIONS),
        metavar="ID,…",
        help="the actions a clean runs, comma-separated (default: those of this system among "
        f"{', '.join(DEFAULT_ACTIONS)})",
    )
    for flag, default, text in (
        ("--cooldown", DEFAULTS.cooldown_seconds, "seconds between cleans, doubled while cleans do not help"),
        ("--max-cooldown", DEFAULTS.max_cooldown_seconds, "the longest wait the back-off reaches"),
        ("--check-every", 1.0, "seconds between the readings auto-clean judges, like the window's sampling"),
    ):
        group.add_argument(
            flag, type=float, default=default, metavar="S", help=f"{text} (default {default:g})"
        )
    p.set_defaults(func=cmd_serve)


def autoclean_settings(args: argparse.Namespace) -> AutoCleanSettings:
    """The settings the options describe; SettingsError naming the bad one."""
    chosen = tuple(a.strip() for a in args.actions.split(",") if a.strip())
    return AutoCleanSettings(
        enabled=True,
        usage_rule=not args.no_usage_rule,
        usage_percent=args.usage_percent,
        standby_rule=args.standby_gib is not None,
        standby_gib=DEFAULTS.standby_gib if args.standby_gib is None else args.standby_gib,
        interval_rule=args.interval_minutes is not None,
        interval_minutes=DEFAULTS.interval_minutes
        if args.interval_minutes is None
        else args.interval_minutes,
        actions=chosen,
        cooldown_seconds=args.cooldown,
        max_cooldown_seconds=args.max_cooldown,
    )


def cmd_serve(args: argparse.Namespace) -> int:
    """Check the options, start the server, and run until SIGTERM / Ctrl+C."""
    from app.metrics.server import AddressError, check_address, parse_address

    try:
        address = parse_address(args.metrics)
        check_address(address, args.listen_any)
        settings = autoclean_settings(args) if args.autoclean else None
    except (AddressError, SettingsError) as exc:
        error(str(exc))
        return EXIT_USAGE
    if args.autoclean and not args.check_every > 0:
        error("--check-every must be above 0 seconds")
        return EXIT_USAGE
    backend = backend_or_exit()
    return serve(backend, address, settings, args.file_cache, args.check_every)


def serve(
    backend: Backend,
    address: ListenAddress,
    settings: AutoCleanSettings | None,
    file_cache_paths: list[str],
    check_every: float,
    stop: threading.Event | None = None,
) -> int:
    """Serve until ``stop`` is set (by SIGTERM/SIGINT when run from the command line)."""
    import logging  # here: every other command would pay for it when the parser is built

    from app.metrics.exporter import build_exporter

    if file_cache_paths and backend.capabilities().file_cache is None:
        error(
            f"--file-cache: this system ({backend.platform}, {backend.name}) offers no per-file cache totals"
        )
        return EXIT_USAGE
    logging.basicConfig(format="ramlens serve: %(message)s", level=logging.INFO)
    log = logging.getLogger("ramlens.serve")
    stop = stop or _stop_on_signals()
    if settings is not None and settings.stutters():
        log.warning(stutter_warning(settings.actions))
    try:
        running = build_exporter(backend, address, settings, file_cache_paths, check_every, log.info)
    except OSError as exc:
        error(f"cannot listen on {address}: {exc.strerror or exc}")
        return EXIT_FAILED
    print(f"ramlens serve: answering scrapes at {running.exporter.url}", file=sys.stderr, flush=True)
    try:
        if running.autoclean is not None:
            running.autoclean.run(stop)  # auto-clean's own readings, on this thread
        else:
            stop.wait()
    finally:
        running.exporter.stop()
    return EXIT_OK


def _stop_on_signals() -> threading.Event:
    stop = threading.Event()

    def handler(signum: int, frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
    return stop
