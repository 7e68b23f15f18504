"""Human-readable sizes (binary units, as RAMMap and free -h show them)."""

from __future__ import annotations

_UNITS = ("B", "KiB", "MiB", "GiB", "TiB", "PiB")


def format_bytes(n: float, signed: bool = False, digits: int = 1) -> str:
    """1.9 GiB style; with ``signed`` a + or − (U+2212) sign is always shown.

    One rule for every size: at most three digits before the point — a value that would show as
    1000 or more of a unit is shown in the next one (1000 KiB is "1.0 MiB", never "1000.0 KiB").
    """
    sign = ""
    if signed:
        sign = "−" if n < 0 else "+"
    elif n < 0:
        sign = "−"
    value = float(abs(n))
    unit = 0
    while round(value, digits if unit else 0) >= 1000 and unit < len(_UNITS) - 1:
        value /= 1024
        unit += 1
    text = f"{int(value)} B" if unit == 0 else f"{value:.{digits}f} {_UNITS[unit]}"
    return sign + text


def count(n: int, noun: str, plural: str = "") -> str:
    """ "1 process", "2 processes": the number with the noun in the right number (English CLI text)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def format_percent(part: float, whole: float) -> str:
    """Share of a whole as '12.3 %', or '–' when the whole is zero."""
    return f"{100.0 * part / whole:.1f} %" if whole else "–"
