"""The optional features the Linux backend offers, as the sources app.backends.base names."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.backends.base import Progress
from app.backends.linux import fragmentation, pagetypeinfo
from app.buddy import FragmentationReport, PagetypeInfo

if TYPE_CHECKING:  # numpy: loaded when a census is taken, not by every user of the capabilities
    from app.pagecensus import Census


@dataclass(frozen=True)
class ProcFragmentation:
    """Fragmentation from /proc/buddyinfo (and /proc/pagetypeinfo, root only)."""

    proc: Path
    sys: Path
    page_size: int

    def read(self, baseline: Mapping[str, int] | None = None) -> FragmentationReport:
        """Read buddyinfo, meminfo and vmstat now and compute the report."""
        return fragmentation.read_fragmentation(self.proc, self.sys, baseline, self.page_size)

    def compaction_counters(self) -> dict[str, int]:
        """The compaction counters from /proc/vmstat now."""
        return fragmentation.read_compaction(self.proc)

    def read_migrate_types(self) -> PagetypeInfo:
        """/proc/pagetypeinfo (root only: NeedsPrivilege otherwise)."""
        return pagetypeinfo.read_pagetypeinfo(self.proc)


@dataclass(frozen=True)
class KpageflagsCensus:
    """The physical-page census from /proc/kpageflags (root only)."""

    proc: Path
    page_size: int

    def problem(self) -> str:
        """Why the census cannot be taken now ("" when it can)."""
        from app.backends.linux import census

        return census.access_problem(self.proc)

    def take(self, progress: Progress | None = None, map_counts: bool = False) -> Census:
        """Read and classify every page frame."""
        from app.backends.linux import census

        return census.take_census(self.proc, progress, map_counts, self.page_size)
