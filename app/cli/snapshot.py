"""``ramlens snapshot save|show|diff``: write, read and compare snapshots from the command line."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import TYPE_CHECKING, Any

from app.backends import BackendError
from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, backend_or_exit, error
from app.cli.files import interruptible_scan
from app.filesummary import CHANGES, FileSummary
from app.processes import ProcessChangeKind
from app.snapshotview import fit, worth_showing
from app.terminal import printable
from app.units import format_bytes, format_percent

if TYPE_CHECKING:  # numpy and psutil: each handler imports the snapshot package when it runs
    from app import snapshot as snap
    from app.filecache import FileScan
    from app.history import History

NOW = "now"
TOP_PROCESSES = 15
TOP_FILES = 15
FILES_HELP = (
    "also record the files in memory: under each PATH (folders walked), or with no PATH the regular "
    "files processes map or hold open; put it after FILE"
)


def register(subparsers: Any) -> None:
    """Add ``snapshot`` and its three subcommands."""
    parser = subparsers.add_parser(
        "snapshot",
        help="save, show and compare snapshots",
        description="Save the memory lists, processes, recent history and (Linux) fragmentation to a "
        "JSON file; show one; or compare two (or one against now).",
    )
    sub = parser.add_subparsers(dest="snapshot_command", metavar="ACTION", required=True)

    save = sub.add_parser("save", help="take a snapshot now and write it to FILE")
    save.add_argument("file", metavar="FILE")
    save.add_argument(
        "--minutes",
        type=float,
        default=0.0,
        help="first record this many minutes of history (one reading per --interval), default 0",
    )
    save.add_argument("--interval", type=float, default=1.0, help="seconds between readings, default 1")
    save.add_argument("--files", nargs="*", metavar="PATH", help=FILES_HELP)
    save.set_defaults(func=cmd_save)

    show = sub.add_parser("show", help="print a snapshot")
    show.add_argument("file", metavar="FILE")
    show.add_argument("--json", action="store_true", help="print the validated document as JSON")
    show.set_defaults(func=cmd_show)

    diff = sub.add_parser("diff", help="what changed from snapshot A to B (B may be 'now')")
    diff.add_argument("a", metavar="A")
    diff.add_argument("b", metavar="B", help="a snapshot file, or 'now' for this machine now")
    diff.add_argument("--json", action="store_true", help="print the changes as JSON")
    diff.add_argument(
        "--all", action="store_true", help="list every changed process and file, not the largest few"
    )
    diff.add_argument(
        "--files",
        nargs="*",
        metavar="PATH",
        help="with B 'now': record the files in memory now (as for save)",
    )
    diff.set_defaults(func=cmd_diff)


def cmd_save(args: argparse.Namespace) -> int:
    """Take a snapshot (after recording ``--minutes`` of history) and write it atomically."""
    from app import snapshot as snap

    if not 0 <= args.minutes <= 24 * 60 or not 0.1 <= args.interval <= 3600:
        error("--minutes must be 0 to 1440 and --interval 0.1 to 3600 seconds")
        return EXIT_USAGE
    backend = backend_or_exit()
    try:
        history = _record(backend, args.minutes * 60, args.interval) if args.minutes else None
        files = _scan_files(backend, args.files)
        taken = snap.take(backend, history=history, minutes=args.minutes, files=files)
    except BackendError as exc:
        error(str(exc))
        return EXIT_FAILED
    try:
        snap.save(args.file, taken)
    except OSError as exc:
        error(printable(f"cannot write {args.file}: {exc.strerror or exc}"))
        return EXIT_FAILED
    rows = len(taken.history) if taken.history else 0
    print(
        printable(f"Saved {args.file}")
        + f": {len(taken.sample.lists)} lists, {len(taken.processes)} processes, "
        f"{rows} history readings"
        + (f", {len(taken.fragmentation)} zones" if taken.fragmentation else "")
        + (f", {len(taken.files.files)} cached files" if taken.files else "")
    )
    return EXIT_OK


def _scan_files(backend: Any, paths: list[str] | None) -> FileScan | None:
    """The file scan ``--files`` asks for (None without it), with progress on a terminal; Ctrl+C
    stops the scan and keeps what it found. Raises BackendError where the backend cannot scan."""
    from app import snapshot as snap

    if paths is None:
        return None
    scan = interruptible_scan(
        lambda progress, cancelled: snap.scan_files(backend, paths or None, progress, cancelled), "files"
    )
    if scan is None:
        raise BackendError("this system cannot tell which files are in memory (--files)")
    if not scan.complete:
        error(f"file scan interrupted after {scan.examined:,} files: the snapshot keeps what was found")
    return scan


def _record(backend: Any, seconds: float, interval: float) -> History:
    """Sample every ``interval`` seconds for ``seconds``, saying how far along it is on stderr."""
    from app.history import History

    count = max(1, int(seconds / interval))
    history = History(capacity=count)
    for i in range(count):
        history.append(backend.sample())
        if sys.stderr.isatty():
            print(f"\rrecording history: {i + 1}/{count}", end="", file=sys.stderr, flush=True)
        if i + 1 < count:
            time.sleep(interval)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    return history


def cmd_show(args: argparse.Namespace) -> int:
    """Print a snapshot (validated) as text or JSON."""
    from app import snapshot as snap

    try:
        loaded = snap.load(args.file)
    except snap.SnapshotError as exc:
        error(printable(str(exc)))
        return EXIT_FAILED
    if args.json:
        _print_json(loaded.to_json())
        return EXIT_OK
    _print_lines(describe(loaded, args.file))
    return EXIT_OK


def _print_json(data: object) -> None:
    """JSON with every non-ASCII character escaped: C1 controls and direction overrides stay inert."""
    print(json.dumps(data, ensure_ascii=True, indent=2))


def _print_lines(lines: list[str]) -> None:
    """Print text made of file and process data: each line with its control characters escaped."""
    print("\n".join(printable(line) for line in lines))


def describe(s: snap.Snapshot, name: str) -> list[str]:
    """The text ``snapshot show`` prints."""
    m = s.machine
    sample = s.sample
    taken = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(s.time))
    total, available = format_bytes(sample.total_bytes), format_bytes(sample.available_bytes)
    lines = [
        f"Snapshot {name}",
        f"  taken      {taken} by RAMLens {s.app_version}",
        f"  machine    {m.hostname} — {m.os}, {m.cpu_count} CPUs, page size {m.page_size} B",
        f"  memory     {total} total, {available} available ({sample.backend})",
        "",
        f"  {'List':<22}{'Size':>12}{'Share':>10}",
    ]
    for lst in sample.lists:
        share = format_percent(lst.bytes, sample.total_bytes)
        lines.append(f"  {lst.label:<22}{format_bytes(lst.bytes):>12}{share:>10}")
        for part in lst.parts:
            lines.append(f"    {part.label:<20}{format_bytes(part.bytes):>12}")
    if s.processes:
        top = sorted(s.processes, key=lambda p: -p.working_set)[:TOP_PROCESSES]
        lines += ["", f"  {len(s.processes)} processes; largest working sets:"]
        lines += [f"  {p.pid:>8}  {p.name[:30]:<30}{format_bytes(p.working_set):>12}" for p in top]
    if s.history is not None and len(s.history):
        span = s.history.times[-1] - s.history.times[0]
        lines += ["", f"  history    {len(s.history)} readings over {span / 60:.1f} min"]
    if s.fragmentation:
        huge = format_bytes(m.page_size << s.huge_order, digits=0)
        lines += ["", f"  free blocks per zone, and the kernel's indices for a {huge} allocation:"]
        for z in s.fragmentation:
            unusable, fragmentation = z.indices(s.huge_order)
            free = format_bytes(z.free_pages * m.page_size)
            where = f"node {z.node} {z.zone}"
            lines.append(
                f"    {where:<16}{free:>12}  unusable {unusable:>6}  fragmentation {fragmentation:>6}"
            )
    if s.census:
        lines += ["", "  page census:"]
        lines += [f"    {k:<20}{format_bytes(v):>12}" for k, v in s.census.items()]
    if s.files is not None:
        lines += ["", *_describe_files(s.files)]
    return lines


def _describe_files(f: FileSummary) -> list[str]:
    """The file section of ``snapshot show``: totals, then the most cached files."""
    partial = "" if f.complete else " (scan interrupted)"
    lines = [
        f"  files in memory: {f.total_files:,} files, {format_bytes(f.total_cached)} cached "
        f"({f.method}, {f.examined:,} examined){partial}; most cached:",
    ]
    top = list(f.files.items())[:TOP_FILES]
    lines += [f"  {format_bytes(b):>12}  {p}" for p, b in top]
    if len(f.files) > len(top):
        lines.append(f"  … and {len(f.files) - len(top)} more in the snapshot")
    return lines


def cmd_diff(args: argparse.Namespace) -> int:
    """Compare two snapshots, or one against this machine now."""
    from app import snapshot as snap

    try:
        a = snap.load(args.a)
        if args.b == NOW:
            backend = backend_or_exit()
            b = snap.take(backend, minutes=0, files=_scan_files(backend, args.files))
        else:
            b = snap.load(args.b)
    except (snap.SnapshotError, BackendError) as exc:
        error(printable(str(exc)))
        return EXIT_FAILED
    d = snap.diff(a, b)
    if args.json:
        _print_json(d.to_json())
        return EXIT_OK
    _print_lines(describe_diff(d, args.a, args.b, None if args.all else TOP_PROCESSES))
    return EXIT_OK


def describe_diff(d: snap.SnapshotDiff, a_name: str, b_name: str, top: int | None) -> list[str]:
    """The text ``snapshot diff`` prints: every list, then the processes that changed most."""
    lines = [f"From {a_name} to {b_name} ({_duration(d.b_time - d.a_time)} later)"]
    if not d.same_machine:
        lines.append("  note: the two snapshots are from different machines")
    lines += ["", f"  {'List':<22}{'Before':>12}{'After':>12}{'Change':>12}"]
    for c in d.lists:
        before = "—" if c.before is None else format_bytes(c.before)
        after = "—" if c.after is None else format_bytes(c.after)
        lines.append(f"  {c.label:<22}{before:>12}{after:>12}{format_bytes(c.delta, signed=True):>12}")
    counts = ", ".join(f"{d.count(k)} {k.value}" for k in ProcessChangeKind)
    lines += ["", f"  Processes: {counts}"]
    changed = worth_showing(d.processes)
    shown = changed if top is None else changed[:top]
    for p in shown:
        lines.append(
            f"  {p.pid:>8}  {fit(p.name, 28):<28}{p.change.value:<10}{format_bytes(p.delta, signed=True):>12}"
        )
    if len(shown) < len(changed):
        lines.append(f"  … and {len(changed) - len(shown)} more (--all lists them)")
    if len(changed) < len(d.processes):
        lines.append(
            f"  ({len(d.processes) - len(changed)} without memory of their own, "
            "e.g. kernel threads, not listed)"
        )
    lines += ["", *_describe_file_changes(d, top)]
    return lines


def _describe_file_changes(d: snap.SnapshotDiff, top: int | None) -> list[str]:
    """The file section of ``snapshot diff``: files that entered, left, grew or shrank."""
    if d.files is None:
        return ["  Files: not compared (both snapshots need a file summary: save --files)"]
    counts = ", ".join(f"{d.file_count(c)} {c}" for c in CHANGES)
    lines = [f"  Files: {counts}"]
    if d.files:
        lines.append(f"  {'Change':<9}{'Before':>12}{'After':>12}{'Delta':>12}  Path")
    shown = d.files if top is None else d.files[:top]
    for c in shown:
        lines.append(
            f"  {c.change:<9}{format_bytes(c.before):>12}{format_bytes(c.after):>12}"
            f"{format_bytes(c.delta, signed=True):>12}  {c.path}"
        )
    if len(shown) < len(d.files):
        lines.append(f"  … and {len(d.files) - len(shown)} more (--all lists them)")
    return lines


def _duration(seconds: float) -> str:
    sign = "−" if seconds < 0 else ""
    s = abs(seconds)
    if s < 120:
        return f"{sign}{s:.0f} s"
    if s < 7200:
        return f"{sign}{s / 60:.0f} min"
    return f"{sign}{s / 3600:.1f} h"
