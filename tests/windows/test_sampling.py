"""Reading the memory lists through the fake kernel: the full view, Windows 7, and the limited view."""

from __future__ import annotations

import ctypes

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.backends.windows import WindowsBackend, ntapi
from tests.windows.conftest import Make
from tests.windows.fake_kernel import (
    STATUS_ACCESS_DENIED,
    STATUS_INFO_LENGTH_MISMATCH,
    STATUS_PRIVILEGE_NOT_HELD,
    WIN10,
    FakeWindows,
    signed,
)


def test_full_view_has_every_list_with_the_kernels_counts(make: Make) -> None:
    fake, backend = make()
    ps = fake.page_size
    sample = backend.sample()
    assert sample.backend == "ntdll" and sample.platform == "windows"
    assert sample.limited == ""
    assert [m.key for m in sample.lists] == [
        "active",
        "standby",
        "modified",
        "modified_no_write",
        "free",
        "zeroed",
        "bad",
    ]
    assert sample.bytes_of("zeroed") == fake.zeroed * ps
    assert sample.bytes_of("free") == fake.free * ps
    assert sample.bytes_of("modified") == fake.modified * ps
    assert sample.bytes_of("modified_no_write") == fake.modified_no_write * ps
    assert sample.bytes_of("bad") == fake.bad * ps
    assert sample.bytes_of("standby") == sum(fake.standby) * ps
    standby = sample.get("standby")
    assert standby is not None
    assert [p.bytes for p in standby.parts] == [n * ps for n in fake.standby]
    assert [p.key for p in standby.parts] == [f"priority{i}" for i in range(8)]
    modified = sample.get("modified")
    assert modified is not None and modified.part("pagefile") is not None
    assert modified.part("pagefile").bytes == fake.modified_pagefile * ps  # type: ignore[union-attr]
    assert sample.bytes_of("active") == fake.active * ps
    assert sample.total_bytes == fake.total * ps
    assert sum(m.bytes for m in sample.lists) == sample.total_bytes
    assert sample.available_bytes == (sum(fake.standby) + fake.free + fake.zeroed) * ps


def test_full_view_details(make: Make) -> None:
    fake, backend = make()
    details = backend.sample().details
    assert [details[f"repurposed.priority{i}"] for i in range(8)] == fake.repurposed
    assert details["file_cache_bytes"] == fake.file_cache * fake.page_size
    assert details["file_cache_peak_bytes"] == fake.file_cache_peak * fake.page_size
    assert details["commit_bytes"] == fake.commit_charge * fake.page_size
    assert details["commit_limit_bytes"] == fake.commit_limit * fake.page_size
    assert details["windows_version"] == "Windows 11 (10.0.22631)"


def test_the_query_passes_the_structure_size_and_enables_the_privilege_first(make: Make) -> None:
    fake, backend = make()
    backend.sample()
    assert ("query", 80, 176) in fake.calls
    enable = fake.calls.index(("privilege", 13, 1, 0))
    assert enable < fake.calls.index(("query", 80, 176))
    backend.sample()
    assert fake.calls.count(("privilege", 13, 1, 0)) == 1  # enabled once, remembered


def test_page_size_comes_from_get_system_info(make: Make) -> None:
    fake, backend = make(page_size=16384)
    sample = backend.sample()
    assert sample.page_size == 16384
    assert sample.bytes_of("zeroed") == fake.zeroed * 16384


def test_the_fake_refuses_class_80_without_the_privilege() -> None:
    fake = FakeWindows()
    seam = fake.seam()
    info = ntapi.SYSTEM_MEMORY_LIST_INFORMATION()
    status = seam.nt_query_system_information(80, ctypes.byref(info), ctypes.sizeof(info), None)
    assert ntapi.unsigned(status) == STATUS_PRIVILEGE_NOT_HELD


def test_not_elevated_reads_the_performance_counters(make: Make) -> None:
    fake, backend = make(admin=False)
    ps = fake.page_size
    assert not backend.privileged()
    sample = backend.sample()
    assert sample.backend == "pdh"
    assert "Not running as administrator" in sample.limited
    assert "Restart as administrator" in sample.limited
    assert [m.key for m in sample.lists] == ["active", "standby", "modified", "free"]
    assert sample.bytes_of("free") == (fake.free + fake.zeroed) * ps
    assert sample.get("zeroed") is None and sample.get("bad") is None
    standby = sample.get("standby")
    assert standby is not None
    assert [(p.key, p.bytes) for p in standby.parts] == [
        ("reserve", sum(fake.standby[0:4]) * ps),
        ("normal", sum(fake.standby[4:6]) * ps),
        ("core", sum(fake.standby[6:8]) * ps),
    ]
    assert sample.bytes_of("modified") == fake.modified * ps
    assert sample.available_bytes == (sum(fake.standby) + fake.free + fake.zeroed) * ps
    assert sample.details["file_cache_resident_bytes"] == fake.file_cache * ps
    assert not any(c[0] == "query" and c[1] == 80 for c in fake.calls)


def test_limited_and_full_views_agree_on_the_same_machine(make: Make) -> None:
    fake_user, user = make(admin=False)
    _fake_admin, admin = make()
    limited, full = user.sample(), admin.sample()
    assert limited.total_bytes == full.total_bytes
    assert limited.bytes_of("standby") == full.bytes_of("standby")
    assert limited.bytes_of("modified") == full.bytes_of("modified")
    assert limited.bytes_of("free") == (full.bytes_of("free") or 0) + (full.bytes_of("zeroed") or 0)
    # In use also counts modified no-write and bad pages in the limited view: it cannot see them.
    hidden = (fake_user.modified_no_write + fake_user.bad) * fake_user.page_size
    assert limited.bytes_of("active") == (full.bytes_of("active") or 0) + hidden


def test_counters_follow_the_machine_between_samples(make: Make) -> None:
    fake, backend = make(admin=False)
    backend.sample()
    fake.free += 1000
    fake.zeroed -= 1000
    fake.standby[0] += 250
    fake.kernel -= 250
    sample = backend.sample()
    assert sample.bytes_of("free") == (fake.free + fake.zeroed) * fake.page_size
    assert sample.get("standby").parts[0].bytes == sum(fake.standby[0:4]) * fake.page_size  # type: ignore[union-attr]


def test_elevated_but_privilege_not_held_falls_back_and_says_why(make: Make) -> None:
    _fake, backend = make(held={5})
    sample = backend.sample()
    assert sample.backend == "pdh"
    assert "SeProfileSingleProcessPrivilege" in sample.limited
    assert "STATUS_PRIVILEGE_NOT_HELD" in sample.limited


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (STATUS_ACCESS_DENIED, "STATUS_ACCESS_DENIED"),
        (STATUS_INFO_LENGTH_MISMATCH, "a bug in RAMLens"),
    ],
)
def test_refused_query_falls_back_with_the_status(make: Make, status: int, words: str) -> None:
    fake, backend = make()
    fake.refuse[("query", 80)] = status
    sample = backend.sample()
    assert sample.backend == "pdh"
    assert words in sample.limited
    assert "failed" in sample.limited


def test_missing_counters_still_give_a_non_administrator_a_sample_saying_what_is_missing(make: Make) -> None:
    """PDH counters missing or damaged (fixed by lodctr /r): in use and available from kernel32."""
    fake, backend = make(admin=False)
    fake.pdh_missing.add(r"\Memory\Standby Cache Core Bytes")
    sample = backend.sample()
    ps = fake.page_size
    assert sample.backend == "kernel32"
    assert "Standby Cache Core Bytes" in sample.limited and "lodctr /r" in sample.limited
    assert "running as administrator gives the full view" in sample.limited
    assert [m.key for m in sample.lists] == ["active", "free"]
    assert sample.bytes_of("free") == fake.available * ps
    assert sample.bytes_of("active") == (fake.total - fake.available) * ps
    assert sample.total_bytes == fake.total * ps
    assert sample.details["commit_bytes"] == fake.commit_charge * ps
    assert all(set(q) != {r"\Memory\Available Bytes"} for q in fake.pdh_queries)
    assert not any(r"\Memory\Available Bytes" in q for q in fake.pdh_queries)  # half-built query closed
    fake.pdh_missing.clear()
    assert backend.sample().backend == "pdh"  # the next sample opens a fresh query


def test_pdh_unavailable_falls_back_with_the_status(make: Make) -> None:
    fake, backend = make(admin=False)
    fake.pdh_open_status = 0xC0000BB8
    sample = backend.sample()
    assert sample.backend == "kernel32"
    assert "0xC0000BB8" in sample.limited


def test_version_is_read_with_rtl_get_version(make: Make) -> None:
    _fake, backend = make(version=WIN10)
    version = backend.version()
    assert (version.major, version.minor, version.build) == WIN10
    assert version.name == "Windows 10 (10.0.19045)"


@settings(max_examples=40, deadline=None)
@given(
    counts=st.lists(st.integers(0, 2**24), min_size=7, max_size=7),
    standby=st.lists(st.integers(0, 2**24), min_size=8, max_size=8),
    page_size=st.sampled_from([4096, 8192, 16384, 65536]),
)
def test_any_machine_adds_up(counts: list[int], standby: list[int], page_size: int) -> None:
    zeroed, free, modified, no_write, bad, kernel, file_cache = counts
    fake = FakeWindows(
        page_size=page_size,
        zeroed=zeroed,
        free=free,
        modified=modified,
        modified_pagefile=modified // 2,
        modified_no_write=no_write,
        bad=bad,
        kernel=kernel + 1,
        file_cache=file_cache,
        standby=standby,
    )
    sample = WindowsBackend(fake.seam()).sample()
    assert fake.errors == []
    assert sample.total_bytes == fake.total * page_size
    assert sum(m.bytes for m in sample.lists) == sample.total_bytes
    assert sample.bytes_of("standby") == sum(standby) * page_size
    assert sample.bytes_of("bad") == bad * page_size


def test_signed_status_helper_matches_ctypes() -> None:
    assert signed(STATUS_PRIVILEGE_NOT_HELD) == ctypes.c_int32(STATUS_PRIVILEGE_NOT_HELD).value
