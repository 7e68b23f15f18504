"""/proc/buddyinfo: free blocks per order, per node and zone."""

from __future__ import annotations

from app.backends.base import BackendError
from app.buddy import ZoneFree


def parse_buddyinfo(text: str, source: str = "/proc/buddyinfo") -> tuple[ZoneFree, ...]:
    """Parse lines like ``Node 0, zone   Normal  c0 c1 … c10``; BackendError when malformed."""
    zones: list[ZoneFree] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        head, sep, counts = line.partition("zone")
        node_words = head.replace(",", " ").split()
        fields = counts.split()
        if (
            not sep
            or len(node_words) != 2
            or node_words[0] != "Node"
            or not node_words[1].isdigit()
            or len(fields) < 2
            or not all(f.isdigit() for f in fields[1:])
        ):
            raise BackendError(f"{source} line {n} is not 'Node N, zone NAME counts…': {line[:80]!r}")
        zones.append(ZoneFree(int(node_words[1]), fields[0], tuple(int(f) for f in fields[1:])))
    if not zones:
        raise BackendError(f"{source} lists no zones")
    return tuple(zones)
