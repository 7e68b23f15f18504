"""Human-readable sizes (binary units, as RAMMap and free -h show them)."""

from __future__ import annotations

_UNITS = ("B", "KiB", "MiB", "GiB", "TiB", "PiB")


def format_bytes(n: float, signed: bool = False, digits: int = 1) -> str:
    """1.9 GiB style; with ``signed`` a + or − (U+2212) sign is always shown."""
    sign = ""
    if signed:
        sign = "−" if n < 0 else "+"
    elif n < 0:
        sign = "−"
    value = float(abs(n))
    unit = 0
    while value >= 1024 and unit < len(_UNITS) - 1:
        value /= 1024
        unit += 1
    text = f"{int(value)} B" if unit == 0 else f"{value:.{digits}f} {_UNITS[unit]}"
    return sign + text


def format_percent(part: float, whole: float) -> str:
    """Share of a whole as '12.3 %', or '–' when the whole is zero."""
    return f"{100.0 * part / whole:.1f} %" if whole else "–"
