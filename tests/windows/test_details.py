"""The numbers around the lists: commit, pools, page files, compressed memory, standby lifetime;
the version and edition; WOW64; the token's elevation and privileges (defects 2, 3, 8, 9, 10; 18.5)."""

from __future__ import annotations

from typing import Any

import pytest

from app.backends.base import ActionError, BackendError
from app.backends.windows import NEEDS_64_BIT, ntapi
from app.backends.windows.privileges import Privileges
from app.backends.windows.win32 import ERROR_ACCESS_DENIED
from tests.windows.conftest import Make, backend_on
from tests.windows.fake_kernel import (
    SERVER_2022,
    STATUS_NOT_ALL_ASSIGNED,
    STATUS_PRIVILEGE_NOT_HELD,
    WIN10,
    FakeWindows,
)


def test_commit_is_the_systems_from_get_performance_info_not_the_jobs(make: Make) -> None:
    """Defect 2: GlobalMemoryStatusEx's ullTotalPageFile is the job's limit inside a job."""
    fake, backend = make(job_commit_limit=300_000)
    details = backend.sample().details
    ps = fake.page_size
    assert details["commit_limit_bytes"] == fake.commit_limit * ps  # not the job's 300 000 pages
    assert details["commit_bytes"] == fake.commit_charge * ps
    assert details["commit_peak_bytes"] == fake.commit_peak * ps
    assert details["paged_pool_bytes"] == fake.paged_pool * ps
    assert details["nonpaged_pool_bytes"] == fake.nonpaged_pool * ps
    assert details["system_cache_bytes"] == (sum(fake.standby) + fake.file_cache) * ps


def test_the_limited_view_reads_the_file_cache_not_cache_bytes(make: Make) -> None:
    """Defect 3: \\Memory\\Cache Bytes also counts driver, code and paged-pool pages."""
    fake, backend = make(admin=False)
    details = backend.sample().details
    assert details["file_cache_resident_bytes"] == fake.file_cache * fake.page_size
    assert fake.counter_values()[r"\Memory\Cache Bytes"] != fake.file_cache * fake.page_size
    assert "cache_bytes" not in details


def test_the_compression_store_is_shown_with_what_it_holds(make: Make) -> None:
    fake, backend = make()
    sample = backend.sample()
    ps = fake.page_size
    assert sample.details["compression_store_bytes"] == fake.store * ps
    assert sample.details["compressed_data_bytes"] == fake.store_data * ps
    assert sample.details["compression_store_source"] == "store"
    active = sample.get("active")
    assert active is not None and active.part("compressed") is not None
    assert active.part("compressed").bytes == fake.store * ps  # type: ignore[union-attr]
    assert ("store", 22, 40) in fake.calls  # MemCompressionInfoRequest, the V1 40-byte request


def test_without_the_privilege_the_store_is_the_memory_compression_working_set(make: Make) -> None:
    _fake, backend = make(admin=False, store_process=123_456_789)
    details = backend.sample().details
    assert details["compression_store_bytes"] == 123_456_789
    assert details["compression_store_source"] == "process"
    assert "compressed_data_bytes" not in details


def test_memory_compression_off_means_no_store(make: Make) -> None:
    _fake, backend = make(compression=False)
    details = backend.sample().details
    assert "compression_store_bytes" not in details


def test_empty_compression_store_trims_it_to_the_modified_list(make: Make) -> None:
    fake, backend = make()
    store = fake.store * fake.page_size
    result = backend.run("compression-store")
    assert result.ok, result.message
    assert ("store-trim", store // fake.page_size) in fake.calls  # every page of the working set
    assert result.details == {"store_before_bytes": store, "store_after_bytes": 0}
    assert result.after is not None and result.after.details["compression_store_bytes"] == 0
    assert fake.enabled >= {13}


def test_empty_compression_store_with_compression_off_says_how_to_turn_it_on(make: Make) -> None:
    fake, backend = make(compression=False)
    result = backend.run("compression-store")
    assert not result.ok
    assert "Enable-MMAgent" in result.message
    assert not any(c[0] == "store-trim" for c in fake.calls)


def test_standby_lifetime_where_the_counter_exists(make: Make) -> None:
    fake, backend = make()
    assert backend.sample().details["standby_lifetime_s"] == fake.standby_lifetime
    _fake, older = make(standby_lifetime=None)
    sample = older.sample()
    assert sample.backend == "ntdll" and "standby_lifetime_s" not in sample.details
    _fake3, user = make(admin=False)
    assert user.sample().details["standby_lifetime_s"] == fake.standby_lifetime  # the counter view too


def test_server_editions_are_named_from_the_product_type(make: Make) -> None:
    """Defect 10: Windows Server 2022 was called "Windows 10"."""
    _fake, server = make(version=SERVER_2022, product_type=3)
    assert server.version().name == "Windows Server 2022 (10.0.20348)"
    assert server.version().server
    _fake2, client = make(version=WIN10)
    assert client.version().name == "Windows 10 (10.0.19045)"
    assert not client.version().server


def test_elevation_comes_from_the_tokens_elevation_and_the_token_is_closed(make: Make) -> None:
    """Defect 9: IsUserAnAdmin (deprecated) replaced by GetTokenInformation(TokenElevation)."""
    fake, backend = make(admin=False)
    assert not backend.privileged()
    assert ("token-information", 20, 4) in fake.calls
    assert fake.open_handles == {}
    fake2, admin = make()
    assert admin.privileged()


@pytest.mark.parametrize("has_wow64_process2", [True, False])
def test_a_32_bit_process_on_64_bit_windows_gets_the_limited_view_and_says_why(
    make: Make, has_wow64_process2: bool
) -> None:
    """Defect 8: under WOW64 the 64-bit structures were refused and reported as a RAMLens bug."""
    fake, backend = make(wow64=True, has_wow64_process2=has_wow64_process2, store_process=5_000_000)
    sample = backend.sample()
    assert sample.backend == "pdh"
    assert "32-bit Python on 64-bit Windows" in sample.limited
    assert "bug" not in sample.limited
    assert not any(c[0] == "query" for c in fake.calls)  # no kernel structure asked for
    assert sample.details["compression_store_bytes"] == 5_000_000
    assert all(not a.available and a.reason == NEEDS_64_BIT for a in backend.availability())
    assert ("wow64", "IsWow64Process2" if has_wow64_process2 else "IsWow64Process") in fake.calls


# -- issue 18 item 5: STATUS_NOT_ALL_ASSIGNED is a success code that means "not held" ---------------


def test_not_all_assigned_is_never_remembered_as_enabled() -> None:
    fake = FakeWindows(held=set(), adjust_refusal=STATUS_NOT_ALL_ASSIGNED)
    token = Privileges(fake.seam())
    assert ntapi.nt_success(STATUS_NOT_ALL_ASSIGNED)  # the trap: NT_SUCCESS says yes
    assert token.enable(13) == STATUS_NOT_ALL_ASSIGNED
    assert token.enable(13) == STATUS_NOT_ALL_ASSIGNED  # asked again, not answered from memory
    assert fake.calls.count(("privilege", 13, 1, 0)) == 2
    with pytest.raises(Exception, match="STATUS_NOT_ALL_ASSIGNED"):
        token.require(13)
    fake.held = {13}  # the policy now grants it: the next call enables it
    assert token.enable(13) == 0 and 13 in fake.enabled


def test_not_all_assigned_falls_back_and_refuses_every_action_without_calling_the_kernel() -> None:
    fake = FakeWindows(held=set(), adjust_refusal=STATUS_NOT_ALL_ASSIGNED)
    backend, _schtasks = backend_on(fake)
    sample = backend.sample()
    assert sample.backend == "pdh" and "STATUS_NOT_ALL_ASSIGNED" in sample.limited
    for action_id in ("standby-list", "combine-pages", "compression-store", "system-file-cache"):
        result = backend.run(action_id)
        assert not result.ok and "STATUS_NOT_ALL_ASSIGNED" in result.message
        assert "User Rights Assignment" in result.message
    assert not any(c[0] in ("set", "store") for c in fake.calls)
    assert fake.errors == []


def test_a_refused_privilege_by_not_held_is_still_a_refusal() -> None:
    fake = FakeWindows(held=set())
    token = Privileges(fake.seam())
    assert token.enable(5) == STATUS_PRIVILEGE_NOT_HELD


def test_a_refused_store_query_fails_the_action_with_the_status(make: Make) -> None:
    fake, backend = make()
    fake.refuse[("query", 109)] = 0xC0000022
    result = backend.run("compression-store")
    assert not result.ok
    assert "STATUS_ACCESS_DENIED (0xC0000022)" in result.message
    assert result.details["status"] == "STATUS_ACCESS_DENIED"
    assert not any(c[0] == "store-trim" for c in fake.calls)


def test_a_refused_privilege_names_it_and_its_status_in_the_error_details() -> None:
    fake = FakeWindows(held=set())
    token = Privileges(fake.seam())
    with pytest.raises(ActionError) as named:
        token.require(13)
    assert named.value.details == {
        "ntstatus": "0xC0000061",
        "status": "STATUS_PRIVILEGE_NOT_HELD",
        "privilege": "SeProfileSingleProcessPrivilege",
    }
    with pytest.raises(
        ActionError, match=r"^could not enable privilege 99: STATUS_PRIVILEGE_NOT_HELD"
    ) as unnamed:
        token.require(99)  # a number RAMLens has no name for is still shown, as a number
    assert unnamed.value.details["privilege"] == "privilege 99"


def test_a_token_that_cannot_be_opened_or_read_is_an_error_naming_the_win32_error() -> None:
    refused, unqueried = FakeWindows(), FakeWindows()

    def refuse_open(process: int | None, access: int, token: Any) -> int:
        refused.last_error = ERROR_ACCESS_DENIED  # a stand-in refusal of OpenProcessToken
        return 0

    def open_without_query(process: int | None, access: int, token: Any) -> int:
        return FakeWindows.open_process_token(unqueried, process, 0, token)  # no TOKEN_QUERY: no reading

    refused.open_process_token = refuse_open  # type: ignore[method-assign]
    unqueried.open_process_token = open_without_query  # type: ignore[method-assign]
    denied = "access denied: run RAMLens as administrator (ERROR_ACCESS_DENIED)"
    with pytest.raises(BackendError) as opening:
        Privileges(refused.seam()).elevated()
    assert str(opening.value) == f"could not open the process token ({denied})"
    with pytest.raises(BackendError) as reading:
        Privileges(unqueried.seam()).elevated()
    assert str(reading.value) == f"could not read the token's elevation ({denied})"


@pytest.mark.parametrize("admin", [True, False], ids=["full view", "limited view"])
def test_every_detail_has_a_unit_and_a_meaning(make: Make, admin: bool) -> None:
    """The Details pane groups and explains each detail; numbers carry their unit (issue 17, item 5)."""
    from app import detailinfo
    from app.model import DetailUnit

    _fake, backend = make(admin=admin)
    sample = backend.sample()
    assert {"pagefile_used_bytes", "standby_lifetime_s"} <= set(sample.details)
    assert admin == ("compression_store_bytes" in sample.details)  # the store is read when elevated
    declared = detailinfo.catalogue("windows")
    for key, value in sample.details.items():
        if key.startswith("repurposed."):
            assert sample.units[key] is DetailUnit.PAGES
            continue
        assert key in declared and declared[key].description, key
        assert isinstance(value, str) or key in sample.units, key
    assert sample.units["standby_lifetime_s"] is DetailUnit.SECONDS
    assert sample.units["pagefile_count"] is DetailUnit.COUNT
    assert sample.units["compression_store_bytes"] is DetailUnit.BYTES  # declared in both views
