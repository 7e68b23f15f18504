"""``ramlens status``, ``watch``, ``actions`` and ``empty``: read the lists and run the Empty actions."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from app import actions, policy, report
from app.backends import Backend, BackendError
from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, backend_or_exit, error, print_json
from app.csvlog import HistoryCsv
from app.model import LIST_KEYS, LIST_LABELS, ActionResult, Sample
from app.units import format_bytes, format_percent


def register(sub: Any) -> None:
    """Add the four subcommands to the ``ramlens`` parser."""
    p = sub.add_parser("status", help="show the memory lists now")
    p.add_argument("--json", action="store_true", help="print one sample as JSON")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("watch", help="print the lists every few seconds")
    p.add_argument("--interval", type=float, default=1.0, metavar="S", help="seconds between samples (1)")
    p.add_argument("--count", type=int, default=0, metavar="N", help="stop after N samples (default: never)")
    p.add_argument(
        "--csv", action="store_true", help="CSV: ISO time, then bytes per list; fit for a log file"
    )
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("actions", help="list the Empty actions and whether they can run here")
    p.add_argument("--json", action="store_true", help="print them as JSON")
    p.set_defaults(func=cmd_actions)

    p = sub.add_parser("empty", help="run one Empty action (or 'all') and show where the pages went")
    p.add_argument("action", metavar="ID", help="an action id from `ramlens actions`, or 'all'")
    p.add_argument("--yes", action="store_true", help="do not ask before a disruptive action")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_empty)


def _sample(backend: Backend) -> Sample | None:
    try:
        return backend.sample()
    except BackendError as exc:
        error(str(exc))
        return None


# -- status ------------------------------------------------------------------------------------------


def cmd_status(args: argparse.Namespace) -> int:
    """Print the lists as a table (size and share of RAM, parts indented) or as JSON."""
    sample = _sample(backend_or_exit())
    if sample is None:
        return EXIT_FAILED
    if args.json:
        print_json(sample.to_json())
    else:
        print(format_table(sample))
    return EXIT_OK


def format_table(sample: Sample) -> str:
    """The status table: one row per list, its parts indented under it."""
    total = sample.total_bytes
    rows = [("List", "Size", "Share")]
    for m in sample.lists:
        rows.append((m.label, format_bytes(m.bytes), format_percent(m.bytes, total)))
        rows += [("  " + p.label, format_bytes(p.bytes), format_percent(p.bytes, total)) for p in m.parts]
    width = max(len(r[0]) for r in rows)
    lines = [f"{name:<{width}}  {size:>10}  {share:>7}" for name, size, share in rows]
    lines.insert(1, "-" * len(lines[0]))
    head = (
        f"{sample.platform} ({sample.backend}), {sample.iso_time}: total {format_bytes(total)}, "
        f"available {format_bytes(sample.available_bytes)}"
    )
    absent = [LIST_LABELS[k] for k in LIST_KEYS if sample.get(k) is None]
    out = [head, "", *lines]
    if absent:
        out.append(f"Not kept by this system: {', '.join(absent)}")
    if sample.limited:
        out.append(sample.limited)
    return "\n".join(out)


# -- watch -------------------------------------------------------------------------------------------

MIN_INTERVAL = 0.01  # seconds; below this the readings themselves are the load
MAX_INTERVAL = 86_400.0  # one reading a day; beyond, sleeping overflows or never ends


def cmd_watch(args: argparse.Namespace) -> int:
    """Print a sample every ``--interval`` seconds, ``--count`` times (0: until interrupted).

    A failed reading is reported on stderr (once until it changes or recovers) and the watch goes
    on, so that one transient /proc error does not end a log that runs for hours. The exit status
    is 1 when any reading failed.
    """
    if not MIN_INTERVAL <= args.interval <= MAX_INTERVAL or args.count < 0:  # NaN fails the range too
        error(f"watch: --interval must be {MIN_INTERVAL} to {MAX_INTERVAL:.0f} s and --count at least 0")
        return EXIT_USAGE
    backend = backend_or_exit()
    log = HistoryCsv(sys.stdout) if args.csv else None
    if log is not None:
        log.header()
    start = time.monotonic()
    n = failures = 0
    last_error = ""
    try:
        while True:
            try:
                sample = backend.sample()
            except BackendError as exc:
                failures += 1
                if str(exc) != last_error:
                    error(f"{exc} (still watching)")
                last_error = str(exc)
            else:
                if last_error:
                    error("readings work again")
                last_error = ""
                if log is not None:
                    log.sample(sample)
                else:
                    print(watch_line(sample), flush=True)  # flushed: readable in a pipe while it runs
            n += 1
            if args.count and n >= args.count:
                break
            # A fixed schedule, so that a long run does not drift by the time each reading takes.
            time.sleep(max(0.0, start + n * args.interval - time.monotonic()))
    except KeyboardInterrupt:
        pass  # Ctrl+C is how an endless watch ends; the status still reports failed readings
    return EXIT_FAILED if failures else EXIT_OK


def watch_line(sample: Sample) -> str:
    """One human line: the time and every present list's size."""
    stamp = time.strftime("%H:%M:%S", time.localtime(sample.time))
    sizes = "  ".join(f"{m.label} {format_bytes(m.bytes)}" for m in sample.lists)
    return f"{stamp}  {sizes}  (available {format_bytes(sample.available_bytes)})"


# -- actions -----------------------------------------------------------------------------------------


def cmd_actions(args: argparse.Namespace) -> int:
    """List this platform's actions with availability and the reason when unavailable."""
    backend = backend_or_exit()
    avail = backend.availability()
    if args.json:
        print_json(
            [
                {
                    "id": a.action_id,
                    "label": actions.label(a.action_id),
                    "description": actions.get(a.action_id).description,
                    "disruptive": actions.get(a.action_id).disruptive,
                    "available": a.available,
                    "reason": a.reason,
                    "via_helper": a.via_helper,
                }
                for a in avail
            ]
        )
        return EXIT_OK
    width = max(len(a.action_id) for a in avail)
    for a in avail:
        state = "available" if a.available else f"unavailable: {a.reason}"
        helper = " (through the privileged helper)" if a.via_helper else ""
        print(f"{a.action_id:<{width}}  {actions.label(a.action_id)} — {state}{helper}")
    print(
        f"{actions.ALL:<{width}}  {actions.label(actions.ALL)} — every available action above, in this order"
    )
    return EXIT_OK


# -- empty -------------------------------------------------------------------------------------------


def cmd_empty(args: argparse.Namespace) -> int:
    """Run one action: 0 done, 1 refused or failed (or declined), 2 unknown/unavailable/bad usage."""
    action_id = args.action
    backend = backend_or_exit()
    availability = backend.availability()
    decision = policy.decide(availability, action_id, backend.platform)
    if not decision.can_run:
        if decision.exists:
            error(
                decision.reason
                if action_id == actions.ALL
                else f"{decision.label} is not available: {decision.reason}"
            )
        else:
            known = ", ".join([*(a.action_id for a in availability), actions.ALL])
            error(f"{decision.reason}; choose one of: {known}")
        return EXIT_USAGE
    if decision.confirm and not args.yes:
        answer = _confirm(decision)
        if answer is None:
            error(
                f"{decision.label} is disruptive and there is no terminal to ask: "
                f"pass --yes to run it (ramlens empty {action_id} --yes)"
            )
            return EXIT_USAGE
        if not answer:
            error("cancelled; nothing was done")
            return EXIT_FAILED
    try:
        result = backend.run(action_id)
    except BackendError as exc:
        error(str(exc))
        return EXIT_FAILED
    if args.json:
        print_json(result.to_json())
    else:
        print(format_result(result))
    return EXIT_OK if result.ok else EXIT_FAILED


def _confirm(decision: policy.Decision) -> bool | None:
    """Ask y/N on the terminal; None when stdin is not a terminal."""
    if not sys.stdin.isatty():
        return None
    what = f"{decision.label} — {decision.description}\n{decision.effect}"
    try:
        reply = input(f"{what}\nRun it? [y/N] ")
    except EOFError:
        return False
    return reply.strip().lower() in ("y", "yes")


def format_result(result: ActionResult) -> str:
    """Where the pages went: the summary line, then each list's before → after; steps for 'all'."""
    lines = [f"{actions.label(result.action_id)}: {result.summary()}"]
    for c in result.changes():
        before = "absent" if c.before is None else format_bytes(c.before)
        after = "absent" if c.after is None else format_bytes(c.after)
        lines.append(f"  {c.label:<12} {before:>10} → {after:>10}  ({format_bytes(c.delta, signed=True)})")
    lines += [f"  · {line}" for line in report.breakdown(result)]
    return "\n".join(lines)
