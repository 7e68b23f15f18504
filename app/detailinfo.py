"""What a sample's details mean, by the platform that read them (each backend declares its own)."""

from __future__ import annotations

from collections.abc import Mapping

from app.model import DetailInfo, DetailUnit

OTHER_GROUP = "Other"


def catalogue(platform: str) -> Mapping[str, DetailInfo]:
    """The declared details of a platform's backend ({} for one without declarations)."""
    if platform == "linux":
        from app.backends.linux.detailinfo import DETAIL_INFO

        return DETAIL_INFO
    if platform == "windows":
        from app.backends.windows.sampling import DETAIL_INFO as WINDOWS

        return WINDOWS
    return {}


def describe(platform: str, key: str) -> DetailInfo:
    """The detail's meaning; an undeclared one is filed under "Other" with its key as its name."""
    return catalogue(platform).get(key) or DetailInfo(OTHER_GROUP, key, "")


def unit_text(unit: DetailUnit | None, page_size: int) -> str:
    """The unit in words, for a tooltip."""
    if unit is DetailUnit.BYTES:
        return "Unit: bytes (shown in KiB, MiB, GiB: powers of 1024)"
    if unit is DetailUnit.PAGES:
        return f"Unit: pages of {page_size:,} bytes"
    if unit is DetailUnit.SECONDS:
        return "Unit: seconds"
    if unit is DetailUnit.COUNT:
        return "Unit: a count"
    return ""
