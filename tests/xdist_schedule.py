"""How `python3 dev.py test` spreads the tests over its xdist workers.

The tests that must not overlap on the page cache (tests/conftest.py) would otherwise be dealt out one by one,
like all the others, and each worker would spend much of the run waiting on the other's lock. Here they form
one unit, queued first, which one worker runs in a row while the other worker takes every other test, one at
a time, as with xdist's default ``load``. The lock in tests/conftest.py still guards them.

Workers know a test's markers, the controller only its node id: each worker writes the ids of its tests that
are kept apart to the run's common temporary folder, and the controller reads them before it deals out work.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from xdist.remote import Producer
from xdist.scheduler import LoadScopeScheduling

UNIT = "tests kept apart on the page cache"


def kept_apart_list(common: Path, worker: str) -> Path:
    """Where worker ``worker`` lists the node ids of its tests that are kept apart."""
    return common / f"kept-apart-{worker}.txt"


class KeptApartTogether(LoadScopeScheduling):
    """Each test its own unit, but those kept apart on the page cache form one unit, queued first."""

    def __init__(self, config: pytest.Config, log: Producer | None = None) -> None:
        super().__init__(config, log)
        self.kept_apart: frozenset[str] = frozenset()
        # The run's common temporary folder, which xdist itself hands to the workers (workermanage.py).
        self.common: Path = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]

    def schedule(self) -> None:
        """Read the workers' lists on the first call (every worker has collected by then), then deal out."""
        if self.collection is None:
            lists = [kept_apart_list(self.common, node.gateway.id) for node in self.nodes]
            self.kept_apart = frozenset(lists[0].read_text().splitlines()) if lists else frozenset()
        super().schedule()

    def _split_scope(self, nodeid: str) -> str:
        # LoadScopeScheduling queues the largest units first (loadscope-reorder, on by default), so this one
        # unit of many tests starts at once rather than last.
        return UNIT if nodeid in self.kept_apart else nodeid
