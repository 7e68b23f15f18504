"""The fake kernel's PFN database: a synthetic machine's page frames, as runs of identical identities.

Every word is packed from the published bit table (published.FRAME_BITS, PFN_LISTS, PFN_USES),
never from the backend's constants. The database is made from the fake's memory-list counts, so
the frames on each list are exactly what class 80 reports, and it is kept as runs (a few thousand
for any RAM size), so a 64 GiB machine costs the fake no more memory than a small one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from tests.windows.published import FRAME_BITS, PFN_LISTS, PFN_USES

_BITS = {name: (shift, width) for name, shift, width in FRAME_BITS}


def frame_word(use: str, list_name: str, priority: int = 0, owner: int = 0) -> int:
    """One MEMORY_FRAME_INFORMATION word from the published names (MMPFNUSE_…, MMPFNLIST_…)."""
    values = {
        "UseDescription": PFN_USES[use],
        "ListDescription": PFN_LISTS[list_name],
        "Priority": priority,
        "DontUse": owner,
    }
    word = 0
    for name, value in values.items():
        shift, width = _BITS[name]
        assert 0 <= value < 1 << width, name
        word |= value << shift
    return word


@dataclass(frozen=True)
class Segment:
    """``pages`` frames with one identity; what a test can count the census against."""

    pages: int
    use: str
    list_name: str
    priority: int = 0
    owner: int = 0


def default_ranges(frames: int) -> list[tuple[int, int]]:
    """RAM as firmware usually maps it: pfn 1–158, then from 1 MiB, with a hole from 3 to 4 GiB."""
    low = min(158, frames)
    ranges = [(1, low)]
    rest = frames - low
    below_hole = min(rest, 0xC0000 - 0x100)
    if below_hole:
        ranges.append((0x100, below_hole))
    if rest - below_hole:
        ranges.append((0x100000, rest - below_hole))
    return ranges


class FakePfnDatabase:
    """Runs of segments laid over the RAM ranges in a shuffled order (seeded: the same every run)."""

    def __init__(self, ranges: list[tuple[int, int]], segments: list[Segment], seed: int = 16):
        self.ranges = ranges
        self.segments = segments
        frames = sum(n for _, n in ranges)
        assert frames == sum(s.pages for s in segments), "the segments must fill the RAM ranges"
        pieces: list[tuple[int, int]] = []  # (pages, word)
        rng = random.Random(seed)
        for s in segments:
            left = s.pages
            word = frame_word(s.use, s.list_name, s.priority, s.owner)
            while left:
                n = min(left, rng.randint(1, max(1, s.pages // 3)))
                pieces.append((n, word))
                left -= n
        rng.shuffle(pieces)
        sizes = np.array([n for n, _ in pieces], dtype=np.int64)
        self.run_starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
        self.run_words = np.array([w for _, w in pieces], dtype=np.uint64)
        self.range_bases = np.array([b for b, _ in ranges], dtype=np.int64)
        self.range_ordinals = np.concatenate(([0], np.cumsum([n for _, n in ranges])[:-1])).astype(np.int64)
        self.range_ends = np.array([b + n for b, n in ranges], dtype=np.int64)
        self._index_by_pfn()

    def _index_by_pfn(self) -> None:
        """One table in frame-number order: where each run (cut at the range ends) and each hole starts.

        A frame's word is then one binary search away, however many frames a query names.
        """
        ordinals = np.union1d(self.run_starts, self.range_ordinals)
        in_range = np.searchsorted(self.range_ordinals, ordinals, side="right") - 1
        in_run = np.searchsorted(self.run_starts, ordinals, side="right") - 1
        run_pfns = self.range_bases[in_range] + ordinals - self.range_ordinals[in_range]
        # Holes start at each range's end (and below the first range); a range that starts where
        # another ends wins: it sorts after the hole at the same frame number.
        starts = np.concatenate(([np.iinfo(np.int64).min], self.range_ends, run_pfns))
        words = np.concatenate((np.zeros(len(self.range_ends) + 1, np.uint64), self.run_words[in_run]))
        hole = np.concatenate((np.ones(len(self.range_ends) + 1, bool), np.zeros(len(run_pfns), bool)))
        order = np.lexsort((~hole, starts))
        self._starts, self._words, self._hole = starts[order], words[order], hole[order]

    @property
    def frames(self) -> int:
        return int(sum(n for _, n in self.ranges))

    def words(self, pfns: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.uint64], int]:
        """The identity word of each frame, and how many of them lie outside every range (zero words)."""
        if len(pfns) > 1 and bool((np.diff(pfns) == 1).all()):  # a stretch, as the census asks for
            first, last = np.searchsorted(self._starts, pfns[[0, -1]], side="right") - 1
            cuts = np.concatenate((pfns[:1], self._starts[first + 1 : last + 1], pfns[-1:] + 1))
            lengths, pieces = np.diff(cuts), slice(first, last + 1)
            return np.repeat(self._words[pieces], lengths), int(lengths[self._hole[pieces]].sum())
        at = np.searchsorted(self._starts, pfns, side="right") - 1
        return self._words[at], int(np.count_nonzero(self._hole[at]))

    def pages(self, list_name: str | None = None, use: str | None = None, owner: int | None = None) -> int:
        """Frames of the segments matching every given field (what the census must count)."""
        return sum(
            s.pages
            for s in self.segments
            if (list_name is None or s.list_name == list_name)
            and (use is None or s.use == use)
            and (owner is None or s.owner == owner)
        )
