"""RAMMap's command line: ``ramlens -Ew -Es -Em -Et -E0`` (combinable), mapped onto the catalogue.

RAMMap's switches: -Ew working sets, -Es system working set, -Em modified list, -Et standby
list, -E0 priority-0 standby. Combined switches run in the catalogue's canonical order
(trim before flush before purge), whatever order they were typed in. Like RAMMap they do not
ask first (app/policy.py's one exception): a script runs them. Everything is checked before
anything runs: an unknown switch or one this system cannot run → exit 2 and nothing happens.
"""

from __future__ import annotations

import sys

from app import actions, policy
from app.backends.base import Backend
from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, backend_or_exit, error, print_json
from app.cli.status import format_result

USAGE = (
    "usage: ramlens -Ew|-Es|-Em|-Et|-E0 [more -E switches] [--json]\n"
    "  -Ew  empty working sets        -Es  empty system working set (file cache)\n"
    "  -Em  flush the modified list   -Et  purge the standby list   -E0  purge priority-0 standby"
)


def is_rammap_command(argv: list[str]) -> bool:
    """True when the arguments hold a RAMMap -E switch (they are then all handled here)."""
    return any(a.startswith("-E") for a in argv)


def parse(argv: list[str]) -> tuple[tuple[str, ...], bool]:
    """The action ids in canonical order, and whether --json was given; ValueError on bad usage."""
    chosen: set[str] = set()
    as_json = False
    for arg in argv:
        if arg == "--json":
            as_json = True
        elif arg.startswith("-E"):
            try:
                chosen.add(actions.by_rammap_switch(arg).id)
            except KeyError:
                raise ValueError(f"unknown RAMMap switch {arg!r}") from None
        else:
            raise ValueError(f"{arg!r} cannot be combined with RAMMap's -E switches")
    return tuple(a for a in actions.ACTION_IDS if a in chosen), as_json


def unavailable(backend: Backend, chosen: tuple[str, ...]) -> list[str]:
    """Why each chosen action cannot run now (app/policy.py decides); empty when all can."""
    availability = backend.availability()
    out = []
    for action_id in chosen:
        entry = actions.get(action_id)
        decision = policy.decide(availability, action_id, backend.platform)
        if not decision.exists:
            out.append(
                f"{entry.rammap_switch} ({entry.label}) does not exist on {backend.platform}: "
                f"it is a {policy.feature(entry)}"
            )
        elif not decision.can_run:
            out.append(f"{entry.rammap_switch} ({entry.label}) is unavailable: {decision.reason}")
    return out


def main(argv: list[str]) -> int:
    """Run the RAMMap-style command; exit 0 all done, 1 any failed, 2 bad usage or unavailable."""
    if any(a in ("-h", "--help") for a in argv):
        print(USAGE)
        return EXIT_OK
    try:
        chosen, as_json = parse(argv)
    except ValueError as exc:
        error(str(exc))
        print(USAGE, file=sys.stderr)
        return EXIT_USAGE
    backend = backend_or_exit()
    problems = unavailable(backend, chosen)
    if problems:
        for p in problems:
            error(p)
        error("nothing was run")
        return EXIT_USAGE
    results = [backend.run(action_id) for action_id in chosen]
    if as_json:
        print_json([r.to_json() for r in results])
    else:
        for r in results:
            print(format_result(r))  # as `ramlens empty` prints it: where the pages went, or why not
    return EXIT_OK if all(r.ok for r in results) else EXIT_FAILED
