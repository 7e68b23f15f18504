"""The kernel's answer as the authority: ReturnLength, INFO_LENGTH_MISMATCH and buffer growth."""

from __future__ import annotations

import ctypes

import pytest

from app.backends.windows import ntapi, query
from tests.windows.conftest import Make
from tests.windows.fake_kernel import STATUS_INFO_LENGTH_MISMATCH, FakePageFile, FakeWindows


@pytest.mark.parametrize(("length", "status"), [(300, 0), (176, 0), (100, STATUS_INFO_LENGTH_MISMATCH)])
def test_the_fake_takes_any_large_enough_buffer_and_always_reports_the_length(
    length: int, status: int
) -> None:
    """As the kernel does: a larger buffer is fine, a shorter one gets the size needed."""
    fake = FakeWindows()
    seam = fake.seam()
    fake.enabled.add(13)
    buffer = (ctypes.c_char * length)()
    returned = ctypes.c_uint32()
    answer = seam.nt_query_system_information(80, ctypes.byref(buffer), length, ctypes.byref(returned))
    assert ntapi.unsigned(answer) == status
    assert returned.value == 176


def test_a_longer_structure_in_a_later_windows_is_read_after_growing_the_buffer(make: Make) -> None:
    fake, backend = make(memory_list_size=208)  # 32 bytes more than the published layout
    sample = backend.sample()
    assert sample.backend == "ntdll", sample.limited
    assert [c for c in fake.calls if c[:2] == ("query", 80)][:2] == [("query", 80, 176), ("query", 80, 208)]
    assert sample.bytes_of("zeroed") == fake.zeroed * fake.page_size
    modified = sample.get("modified")
    assert modified is not None and modified.part("pagefile") is not None


def test_a_shorter_answer_leaves_out_what_it_does_not_reach(make: Make) -> None:
    fake, backend = make(memory_list_size=168)  # ends before ModifiedPageCountPageFile
    sample = backend.sample()
    assert sample.backend == "ntdll"
    modified = sample.get("modified")
    assert modified is not None and modified.parts == ()  # no invented zero
    assert sample.bytes_of("modified") == fake.modified * fake.page_size


def test_a_kernel_that_keeps_asking_for_more_is_refused_after_a_bounded_number_of_tries(make: Make) -> None:
    fake, backend = make(always_longer=True)
    sample = backend.sample()
    assert sample.backend == "pdh"
    assert "STATUS_INFO_LENGTH_MISMATCH" in sample.limited
    assert len([c for c in fake.calls if c[:2] == ("query", 80)]) == query.MAX_ATTEMPTS


def test_many_page_files_grow_the_buffer_and_are_all_counted(make: Make) -> None:
    files = [
        FakePageFile(rf"\??\{chr(67 + i)}:\a-long-directory-name\pagefile.sys", 1000 + i, 10 * i, 20 * i)
        for i in range(20)
    ]
    fake, backend = make(pagefiles=files)
    details = backend.sample().details
    ps = fake.page_size
    assert details["pagefile_count"] == 20
    assert details["pagefile_total_bytes"] == sum(f.total for f in files) * ps
    assert details["pagefile_used_bytes"] == sum(f.in_use for f in files) * ps
    assert details["pagefile_peak_bytes"] == sum(f.peak for f in files) * ps
    sizes = [c[2] for c in fake.calls if c[:2] == ("query", 18)]
    assert len(sizes) == 2 and sizes[1] > sizes[0]  # grown once, to the size the kernel named


def test_no_page_file_is_zero_page_files(make: Make) -> None:
    _fake, backend = make(pagefiles=[])
    details = backend.sample().details
    assert details["pagefile_count"] == 0 and details["pagefile_total_bytes"] == 0


@pytest.mark.parametrize("kind", [ntapi.SYSTEM_MEMORY_LIST_INFORMATION, ntapi.SYSTEM_FILECACHE_INFORMATION])
def test_has_field_follows_the_answer_length(kind: type[ctypes.Structure]) -> None:
    last = kind._fields_[-1][0]
    full = bytes(ctypes.sizeof(kind))
    assert query.has_field(full, kind, last)
    assert not query.has_field(full[:-1], kind, last)
