"""The history ring buffer: wraparound, last N seconds, NaN for absent lists, memory fixed at creation."""

from __future__ import annotations

import math

import numpy as np
import pytest

from app.history import DEFAULT_CAPACITY, History
from app.model import LIST_KEYS, MemoryList, Sample


def sample(t: float, free: int, zeroed: int | None = None) -> Sample:
    lists = [MemoryList("active", "In use", 100), MemoryList("free", "Free", free)]
    if zeroed is not None:
        lists.append(MemoryList("zeroed", "Zeroed", zeroed))
    return Sample(t, t, "linux", "procfs", 4096, 1000, 500 + free, tuple(lists))


def test_default_capacity_is_a_day_at_one_hertz():
    assert DEFAULT_CAPACITY == 86_400
    h = History()
    # 3 columns (time, total, available) + one per canonical list, float64
    assert h.nbytes == 86_400 * (3 + len(LIST_KEYS)) * 8


def test_wraparound_keeps_the_newest_in_time_order():
    h = History(capacity=5)
    for i in range(12):
        h.append(sample(1000.0 + i, free=i))
    assert len(h) == 5
    assert h.times().tolist() == [1007.0, 1008.0, 1009.0, 1010.0, 1011.0]
    assert h.series("free").tolist() == [7, 8, 9, 10, 11]
    assert h.available().tolist() == [507, 508, 509, 510, 511]
    assert h.totals().tolist() == [1000] * 5
    assert h.latest_time() == 1011.0


def test_last_seconds_across_the_wrap():
    h = History(capacity=8)
    for i in range(11):  # slots wrap after 8
        h.append(sample(2000.0 + i, free=10 * i))
    times, values = h.last(3.0)  # newest is 2010: samples at 2007 … 2010
    assert times.tolist() == [2007.0, 2008.0, 2009.0, 2010.0]
    assert values["free"].tolist() == [70, 80, 90, 100]
    times, values = h.last(2.5, now=2005.0)  # 2002.5 … 2005, not what came after
    assert times.tolist() == [2003.0, 2004.0, 2005.0]
    assert values["free"].tolist() == [30, 40, 50]
    times, _ = h.last(3.0, now=2010.5)
    assert times.tolist() == [2008.0, 2009.0, 2010.0]
    times, _ = h.last(1000.0)
    assert len(times) == 8  # no more than what is kept


def test_absent_lists_are_nan_not_zero():
    h = History(capacity=4)
    h.append(sample(1.0, free=5))
    h.append(sample(2.0, free=6, zeroed=7))
    h.append(sample(3.0, free=8))
    zeroed = h.series("zeroed")
    assert math.isnan(zeroed[0]) and zeroed[1] == 7 and math.isnan(zeroed[2])
    assert np.isnan(h.series("bad")).all()
    _, values = h.last(10.0)
    assert np.isnan(values["modified"]).all()


def test_memory_is_fixed_at_creation():
    h = History(capacity=100)
    size = h.nbytes
    arrays = (h._times, h._values)
    for i in range(1000):
        h.append(sample(float(i), free=i))
    assert h.nbytes == size
    assert h._times is arrays[0] and h._values is arrays[1]  # the same buffers, never reallocated
    h.clear()
    assert len(h) == 0 and h.nbytes == size and h.latest_time() is None
    times, values = h.last(5.0)
    assert times.size == 0 and values["free"].size == 0


def test_reads_are_copies():
    h = History(capacity=3)
    h.append(sample(1.0, free=1))
    h.series("free")[0] = 99
    assert h.series("free")[0] == 1


def test_capacity_must_be_positive():
    with pytest.raises(ValueError):
        History(capacity=0)


def test_capacity_one_keeps_the_newest_and_zero_is_refused_by_name():
    h = History(capacity=1)
    h.append(sample(1.0, free=1))
    h.append(sample(2.0, free=2))
    assert h.times().tolist() == [2.0] and h.series("free").tolist() == [2]
    with pytest.raises(ValueError, match="^history capacity must be at least 1$"):
        History(capacity=-3)


def test_a_single_sample_is_the_last_seconds():
    h = History(capacity=4)
    h.append(sample(5.0, free=9))
    times, values = h.last(10.0)
    assert times.tolist() == [5.0] and values["free"].tolist() == [9]


def test_last_seconds_before_the_buffer_is_full():
    h = History(capacity=8)
    for i in range(3):
        h.append(sample(2000.0 + i, free=i))
    times, values = h.last(1.0)
    assert times.tolist() == [2001.0, 2002.0] and values["free"].tolist() == [1, 2]


def test_last_seconds_in_every_layout_of_the_ring():
    """Windows that start after the wrap point, and ones split by it with lengths other than half the ring."""
    h = History(capacity=8)
    for i in range(11):  # slots hold 2008 2009 2010 2003 … 2007: the newest three have wrapped
        h.append(sample(2000.0 + i, free=i))
    times, values = h.last(1.0)  # 2009 and 2010: both past the wrap
    assert times.tolist() == [2009.0, 2010.0] and values["free"].tolist() == [9, 10]
    h = History(capacity=8)
    for i in range(10):  # slots hold 2008 2009 2002 … 2007
        h.append(sample(2000.0 + i, free=i))
    times, _ = h.last(2.0)  # 2007 | 2008 2009: split by the wrap, 1 + 2 rows
    assert times.tolist() == [2007.0, 2008.0, 2009.0]


def test_append_after_clear_starts_afresh():
    h = History(capacity=3)
    for i in range(5):
        h.append(sample(float(i), free=i))
    h.clear()
    h.append(sample(10.0, free=7))
    assert h.times().tolist() == [10.0] and h.series("free").tolist() == [7] and len(h) == 1
