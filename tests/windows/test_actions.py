"""Every Empty action through the fake kernel: results, where the pages went, and every refusal."""

from __future__ import annotations

import pytest

from app import actions
from app.backends import ActionError
from app.backends.windows import WindowsBackend
from app.backends.windows.privileges import Privileges
from app.model import ActionResult
from tests.windows.conftest import Make
from tests.windows.fake_kernel import (
    ERROR_ACCESS_DENIED,
    STATUS_ACCESS_DENIED,
    STATUS_INVALID_INFO_CLASS,
    STATUS_NOT_SUPPORTED,
    WIN10,
    WIN11,
    WIN81,
    FakeVolume,
    FakeWindows,
)

WINDOWS_IDS = [a.id for a in actions.for_platform("windows")]


def _delta(result: ActionResult, key: str) -> int:
    assert result.before is not None and result.after is not None
    return (result.after.bytes_of(key) or 0) - (result.before.bytes_of(key) or 0)


def _part_delta(result: ActionResult, key: str, part: str) -> int:
    assert result.before is not None and result.after is not None
    before, after = result.before.get(key), result.after.get(key)
    assert before is not None and after is not None
    return after.part(part).bytes - before.part(part).bytes  # type: ignore[union-attr]


def _working_sets(fake: FakeWindows) -> tuple[int, int]:
    return sum(p.clean for p in fake.processes.values()), sum(p.dirty for p in fake.processes.values())


def test_combine_pages_reports_the_pages_combined(make: Make) -> None:
    fake, backend = make()
    pages = fake.combinable
    result = backend.run("combine-pages")
    assert result.ok, result.message
    assert result.details["pages_combined"] == pages
    assert result.details["bytes_combined"] == pages * fake.page_size
    assert f"{pages} pages combined" in result.message
    assert _delta(result, "active") == -pages * fake.page_size
    assert _delta(result, "free") == pages * fake.page_size
    assert ("set", 130, 24) in fake.calls


def test_system_file_cache_moves_the_cache_to_standby(make: Make) -> None:
    fake, backend = make()
    cache = fake.file_cache * fake.page_size
    result = backend.run("system-file-cache")
    assert result.ok, result.message
    assert ("set", 81, 64) in fake.calls
    assert ("file-cache", 2**64 - 1, 2**64 - 1, 0) in fake.calls  # min = max = (SIZE_T)-1, flags 0
    assert _delta(result, "active") == -cache
    assert _delta(result, "standby") == cache
    assert result.details == {"file_cache_before_bytes": cache, "file_cache_after_bytes": 0}
    assert fake.enabled >= {5}


def test_registry_cache_flushes_the_hives(make: Make) -> None:
    fake, backend = make()
    result = backend.run("registry-cache")
    assert result.ok, result.message
    assert ("set", 155, 0) in fake.calls
    assert fake.registry_flushes == 1
    assert "registry" in result.message


def test_working_sets_go_to_standby_and_modified(make: Make) -> None:
    fake, backend = make()
    clean, dirty = _working_sets(fake)
    ps = fake.page_size
    result = backend.run("working-sets")
    assert result.ok, result.message
    assert ("command", 2) in fake.calls
    assert _delta(result, "active") == -(clean + dirty) * ps
    assert _delta(result, "standby") == clean * ps
    assert _delta(result, "modified") == dirty * ps
    assert _part_delta(result, "modified", "pagefile") == dirty * ps
    assert _delta(result, "free") == 0


def test_modified_list_flush_moves_modified_to_standby(make: Make) -> None:
    fake, backend = make()
    modified = fake.modified * fake.page_size
    result = backend.run("modified-list")
    assert result.ok, result.message
    assert ("command", 3) in fake.calls
    assert _delta(result, "modified") == -modified
    assert _delta(result, "standby") == modified
    assert _part_delta(result, "standby", "priority5") == modified
    assert result.after is not None and result.after.bytes_of("modified") == 0
    assert _delta(result, "modified_no_write") == 0  # no-write pages are never written


def test_standby_purge_frees_every_priority(make: Make) -> None:
    fake, backend = make()
    standby = sum(fake.standby) * fake.page_size
    result = backend.run("standby-list")
    assert result.ok, result.message
    assert ("command", 4) in fake.calls
    assert _delta(result, "standby") == -standby
    assert _delta(result, "free") == standby
    assert result.after is not None and result.after.bytes_of("standby") == 0


def test_priority_0_purge_touches_only_priority_0(make: Make) -> None:
    fake, backend = make()
    ps = fake.page_size
    priority0 = fake.standby[0] * ps
    result = backend.run("standby-priority0")
    assert result.ok, result.message
    assert ("command", 5) in fake.calls
    assert _part_delta(result, "standby", "priority0") == -priority0
    for i in range(1, 8):
        assert _part_delta(result, "standby", f"priority{i}") == 0
    assert _delta(result, "free") == priority0


def test_modified_file_cache_flushes_every_volume(make: Make) -> None:
    fake, backend = make()
    dirty = sum(v.dirty for v in fake.volumes) * fake.page_size
    result = backend.run("modified-file-cache")
    assert result.ok, result.message
    opened = [c[1] for c in fake.calls if c[0] == "open"]
    assert opened == [v.device_name for v in fake.volumes]  # \\.\Volume{GUID}, no trailing backslash
    assert all(not p.endswith("\\") for p in opened)
    assert [v.flushes for v in fake.volumes] == [1, 1, 0]
    assert result.details == {"volumes_flushed": 2, "volumes_skipped": 1}
    assert "2 volumes flushed" in result.message and "not ready" in result.message
    assert _delta(result, "modified") == -dirty
    assert _delta(result, "standby") == dirty
    assert fake.open_handles == {}


def test_a_volume_that_fails_to_flush_is_skipped_with_its_reason_and_the_rest_are_flushed(make: Make) -> None:
    """Defect 7: one failing volume failed the whole flush, and told an administrator to elevate."""
    fake, backend = make()
    fake.volumes[1].flush_error = ERROR_ACCESS_DENIED
    fake.volumes.append(FakeVolume("44444444-aaaa-bbbb-cccc-000000000004", writable=False))
    result = backend.run("modified-file-cache")
    assert result.ok, result.message  # SI PhFlushVolumeCache and MR _app_flushvolumecache go on
    assert result.details == {"volumes_flushed": 1, "volumes_skipped": 3}
    assert fake.volumes[0].flushes == 1
    assert fake.volumes[1].device_name in result.message
    assert "ERROR_ACCESS_DENIED" in result.message
    assert "although RAMLens runs as administrator" in result.message
    assert "run RAMLens as administrator" not in result.message
    assert "write-protected" in result.message
    assert fake.open_handles == {}


def test_no_volume_to_flush_is_reported(make: Make) -> None:
    fake, backend = make()
    fake.volumes = [FakeVolume("55555555-aaaa-bbbb-cccc-000000000005", ready=False)]
    result = backend.run("modified-file-cache")
    assert not result.ok
    assert "0 volumes flushed" in result.message and "1 skipped" in result.message


def test_listing_volumes_can_fail(make: Make) -> None:
    fake, backend = make()
    fake.volumes.clear()
    result = backend.run("modified-file-cache")
    assert not result.ok
    assert "could not list the volumes" in result.message


# -- refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action_id", "privilege"),
    [
        ("combine-pages", "SeProfileSingleProcessPrivilege"),
        ("compression-store", "SeProfileSingleProcessPrivilege"),
        ("working-sets", "SeProfileSingleProcessPrivilege"),
        ("modified-list", "SeProfileSingleProcessPrivilege"),
        ("standby-list", "SeProfileSingleProcessPrivilege"),
        ("standby-priority0", "SeProfileSingleProcessPrivilege"),
        ("system-file-cache", "SeIncreaseQuotaPrivilege"),
    ],
)
def test_a_token_without_the_privilege_gives_a_failed_result_naming_it(
    make: Make, action_id: str, privilege: str
) -> None:
    """Defect 6: an elevated token without the right was told to run as administrator."""
    fake, backend = make(held=set())  # elevated, but a policy stripped the privileges from the token
    before = (list(fake.standby), fake.free, fake.modified)
    result = backend.run(action_id)
    assert not result.ok
    assert privilege in result.message
    assert "STATUS_PRIVILEGE_NOT_HELD (0xC0000061)" in result.message
    assert "User Rights Assignment" in result.message
    assert "run RAMLens as administrator" not in result.message
    assert result.details["status"] == "STATUS_PRIVILEGE_NOT_HELD"
    assert (list(fake.standby), fake.free, fake.modified) == before
    assert not any(c[0] in ("set", "store") for c in fake.calls)  # nothing was attempted


@pytest.mark.parametrize(
    ("action_id", "info_class"),
    [
        ("combine-pages", 130),
        ("system-file-cache", 81),
        ("registry-cache", 155),
        ("working-sets", 80),
        ("modified-list", 80),
        ("standby-list", 80),
        ("standby-priority0", 80),
    ],
)
@pytest.mark.parametrize(
    ("status", "name", "sentence"),
    [
        (
            STATUS_ACCESS_DENIED,
            "STATUS_ACCESS_DENIED",
            "access denied, although RAMLens runs as administrator",
        ),
        (STATUS_INVALID_INFO_CLASS, "STATUS_INVALID_INFO_CLASS", "this Windows version lacks the feature"),
        (STATUS_NOT_SUPPORTED, "STATUS_NOT_SUPPORTED", "this Windows version lacks the feature"),
    ],
)
def test_a_refused_call_becomes_a_failed_result_with_the_status(
    make: Make, action_id: str, info_class: int, status: int, name: str, sentence: str
) -> None:
    fake, backend = make()
    fake.refuse[("set", info_class)] = status
    result = backend.run(action_id)
    assert not result.ok
    assert f"{name} (0x{status:08X}): {sentence}" in result.message
    assert result.details["ntstatus"] == f"0x{status:08X}"
    assert result.before is not None and result.after is not None
    assert result.changes() == ()


def test_the_kernel_lacking_a_class_says_so_although_the_version_gate_let_it_through(make: Make) -> None:
    """A version gate that lets the call through still ends in an honest failure."""
    fake, backend = make(version=WIN10)
    assert backend.version().at_least(10, 0)
    fake.version = WIN81  # the kernel is now older than RtlGetVersion said
    result = backend.run("combine-pages")
    assert not result.ok
    assert "STATUS_INVALID_INFO_CLASS" in result.message


@pytest.mark.parametrize("action_id", WINDOWS_IDS)
def test_not_elevated_every_action_is_unavailable_with_the_reason(make: Make, action_id: str) -> None:
    fake, backend = make(admin=False)
    result = backend.run(action_id)
    assert not result.ok
    assert "administrator" in result.message
    assert not any(c[0] == "set" for c in fake.calls)


def test_availability_lists_every_windows_action_in_order(make: Make) -> None:
    _fake, backend = make()
    availability = backend.availability()
    assert [a.action_id for a in availability] == WINDOWS_IDS
    assert all(a.available and not a.reason for a in availability)


@pytest.mark.parametrize(
    ("version", "unavailable"),
    [
        (WIN81, {"combine-pages": "Windows 10", "compression-store": "Windows 10"}),
        (WIN10, {}),
        (WIN11, {}),
    ],
)
def test_version_gates(make: Make, version: tuple[int, int, int], unavailable: dict[str, str]) -> None:
    _fake, backend = make(version=version)
    got = {a.action_id: a.reason for a in backend.availability() if not a.available}
    assert set(got) == set(unavailable)
    for action_id, needed in unavailable.items():
        assert f"needs {needed} or later" in got[action_id]


def test_unknown_and_linux_only_ids_are_refused(make: Make) -> None:
    _fake, backend = make()
    assert "unknown action" in backend.run("defrag").message
    compact = backend.run("compact")
    assert not compact.ok and "not available on windows" in compact.message


# -- all --------------------------------------------------------------------------------------


def test_all_on_windows_11_runs_everything_in_reference_order(make: Make) -> None:
    fake, backend = make(version=WIN11)
    result = backend.run("all")
    assert result.ok, result.message
    assert [s.action_id for s in result.steps] == WINDOWS_IDS
    assert all(s.ok for s in result.steps)
    sets = [c[1] for c in fake.calls if c[0] == "set"]
    assert sets == [130, 81, 155, 80, 80, 80, 80]
    commands = [c[1] for c in fake.calls if c[0] == "command"]
    assert commands == [2, 3, 4, 5]  # working sets before the modified flush before the purges
    trims = [c for c in fake.calls if c[0] == "store-trim"]
    assert len(trims) == 1 and fake.calls.index(trims[0]) < fake.calls.index(("set", 81, 64))
    assert result.after is not None and result.after.bytes_of("standby") == 0
    assert result.after.bytes_of("modified") == 0
    assert result.details == {"done": 9, "failed": 0, "skipped": 0}


def test_all_on_windows_8_1_skips_combining_and_the_store_with_the_reason(make: Make) -> None:
    fake, backend = make(version=WIN81)
    result = backend.run("all")
    assert result.ok, result.message
    assert [s.action_id for s in result.steps] == [
        "system-file-cache",
        "registry-cache",
        "working-sets",
        "modified-list",
        "modified-file-cache",
        "standby-list",
        "standby-priority0",
    ]
    assert "Combine memory pages: needs Windows 10 or later; this is Windows 8.1 (6.3.9600)" in result.message
    assert "Empty compression store: needs Windows 10 or later" in result.message
    assert result.details["skipped"] == 2
    assert 130 not in [c[1] for c in fake.calls if c[0] == "set"]


def test_all_reports_a_failed_step_and_keeps_going(make: Make) -> None:
    fake, backend = make()
    fake.refuse[("set", 81)] = STATUS_ACCESS_DENIED
    result = backend.run("all")
    assert not result.ok
    assert len(result.steps) == 9
    assert "Empty system file cache failed" in result.message
    assert "STATUS_ACCESS_DENIED" in result.message
    assert result.details["failed"] == 1


def test_results_serialise(make: Make) -> None:
    _fake, backend = make()
    result = backend.run("standby-list")
    assert ActionResult.from_json(result.to_json()).changes() == result.changes()


# -- per-process trim ---------------------------------------------------------------------------


def test_trim_processes_moves_their_pages(make: Make) -> None:
    fake, backend = make()
    proc = fake.processes[100]
    clean, dirty = proc.clean, proc.dirty
    result = backend.trim_processes([100, 200])
    assert result.ok, result.message
    assert result.action_id == actions.TRIM_PROCESSES
    assert result.details == {"trimmed": 2, "failed": 0}
    assert ("trim", 100, 2**64 - 1, 2**64 - 1, 0) in fake.calls
    assert _delta(result, "standby") == (clean + 5000) * fake.page_size
    assert _delta(result, "modified") == (dirty + 1000) * fake.page_size
    assert fake.processes[300].clean == 2000  # not chosen, not touched
    assert fake.open_handles == {}


def test_trim_processes_names_the_ones_it_could_not_trim(make: Make) -> None:
    fake, backend = make()
    result = backend.trim_processes([4, 300, 999])
    assert not result.ok
    assert result.details == {"trimmed": 1, "failed": 2}  # 300: other user's, opened with SeDebugPrivilege
    assert "process 4: access denied" in result.message
    assert "process 999: no such process" in result.message
    assert 20 in fake.enabled


def test_trim_processes_without_elevation_trims_only_the_users_own(make: Make) -> None:
    fake, backend = make(admin=False)
    result = backend.trim_processes([100, 300])
    assert not result.ok
    assert result.details == {"trimmed": 1, "failed": 1}
    assert "process 300: access denied" in result.message
    assert fake.processes[100].clean == 0


def test_trim_nothing_is_a_clear_failure(make: Make) -> None:
    _fake, backend = make()
    result = backend.trim_processes([])
    assert not result.ok and "no processes" in result.message


def test_backends_on_separate_fakes_do_not_share_state() -> None:
    first, second = FakeWindows(), FakeWindows(admin=False)
    assert WindowsBackend(first.seam()).privileged()
    assert not WindowsBackend(second.seam()).privileged()


def test_a_standard_users_token_cannot_enable_the_privileges() -> None:
    fake = FakeWindows(admin=False)
    token = Privileges(fake.seam())
    assert not token.elevated()
    assert token.enable(13) == 0xC0000061
    with pytest.raises(ActionError, match="SeIncreaseQuotaPrivilege: STATUS_PRIVILEGE_NOT_HELD"):
        token.require(5)
    assert fake.enabled == set()


@pytest.mark.parametrize(
    ("action_id", "info_class", "what"),
    [
        ("combine-pages", 130, "Combining memory pages"),
        ("system-file-cache", 81, "Emptying the system file cache"),
        ("registry-cache", 155, "Emptying the registry cache"),
        ("working-sets", 80, "Emptying working sets"),
        ("modified-list", 80, "Flushing the modified list"),
        ("standby-list", 80, "Purging the standby list"),
        ("standby-priority0", 80, "Purging the priority-0 standby list"),
    ],
    ids=str.split(
        "combine-pages system-file-cache registry-cache working-sets modified-list standby-list p0"
    ),
)
def test_a_refused_call_names_what_was_refused(
    make: Make, action_id: str, info_class: int, what: str
) -> None:
    fake, backend = make()
    fake.refuse[("set", info_class)] = STATUS_ACCESS_DENIED
    result = backend.run(action_id)
    assert f"{what} was refused: STATUS_ACCESS_DENIED (0xC0000022): " in result.message
    assert result.details == {"ntstatus": "0xC0000022", "status": "STATUS_ACCESS_DENIED"}


WORKING_SETS_DONE = "every process's working set trimmed; the pages went to the standby and modified lists"


@pytest.mark.parametrize(
    ("action_id", "done"),
    [
        ("registry-cache", "registry hives written to disk"),
        ("working-sets", WORKING_SETS_DONE),
        ("modified-list", "modified pages written; they are standby now"),
        ("standby-list", "standby pages freed"),
        ("standby-priority0", "priority-0 standby pages freed"),
    ],
    ids=str.split("registry-cache working-sets modified-list standby-list standby-priority0"),  # plain ids
)
def test_a_done_action_says_what_it_did(make: Make, action_id: str, done: str) -> None:
    _fake, backend = make()
    result = backend.run(action_id)
    assert result.ok and result.message == done


def test_the_file_cache_trim_is_reported_without_sizes_when_they_cannot_be_read(make: Make) -> None:
    fake, backend = make()
    assert backend.run("system-file-cache").message.startswith("system file cache working set ")
    fake.refuse[("query", 21)] = STATUS_ACCESS_DENIED  # SystemFileCacheInformation refused: no sizes
    result = backend.run("system-file-cache")
    assert result.ok and result.message == "system file cache working set trimmed; its pages went to standby"


def test_a_refused_store_read_carries_the_status_in_the_details(make: Make) -> None:
    fake, backend = make()
    fake.refuse[("query", 109)] = STATUS_ACCESS_DENIED
    result = backend.run("compression-store")
    assert result.message.startswith("Reading the compression store was refused: STATUS_ACCESS_DENIED")
    assert result.details == {"ntstatus": "0xC0000022", "status": "STATUS_ACCESS_DENIED"}
