"""One rule for sizes: never four digits before the point; counts in the right number."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.units import count, format_bytes

KIB, MIB, GIB = 1 << 10, 1 << 20, 1 << 30


def test_a_size_reaching_1000_of_a_unit_is_shown_in_the_next() -> None:
    assert format_bytes(1000 * KIB) == "1.0 MiB"
    assert format_bytes(1010.8 * MIB) == "1.0 GiB"
    assert format_bytes(999 * KIB) == "999.0 KiB"
    assert format_bytes(999.96 * KIB) == "1.0 MiB"  # would round to 1000.0 KiB
    assert format_bytes(999) == "999 B" and format_bytes(1000) == "1.0 KiB"
    assert format_bytes(-1000 * MIB, signed=True) == "−1.0 GiB"


@given(st.integers(min_value=0, max_value=999 << 50))  # up to 999 PiB, the largest unit
def test_no_size_shows_four_digits_before_the_point(n: int) -> None:
    number = format_bytes(n).split(" ")[0]
    assert len(number.split(".")[0]) <= 3


def test_counts_agree_with_their_number() -> None:
    assert count(1, "process", "processes") == "1 process"
    assert count(0, "process", "processes") == "0 processes"
    assert count(3, "list") == "3 lists"
