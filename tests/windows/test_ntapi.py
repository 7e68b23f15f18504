"""NTSTATUS handling, Win32 error texts, and loading without Windows."""

from __future__ import annotations

import sys

import pytest

from app.backends import BackendError
from app.backends.windows import WindowsBackend, ntapi, seam, win32
from tests.windows.fake_kernel import FakeWindows, signed


@pytest.mark.parametrize(
    ("code", "name", "phrase"),
    [
        (0xC0000061, "STATUS_PRIVILEGE_NOT_HELD", "run RAMLens as administrator"),
        (0xC0000022, "STATUS_ACCESS_DENIED", "run RAMLens as administrator"),
        (0x00000106, "STATUS_NOT_ALL_ASSIGNED", "administrator"),
        (0xC0000004, "STATUS_INFO_LENGTH_MISMATCH", "a bug in RAMLens"),
        (0xC0000003, "STATUS_INVALID_INFO_CLASS", "lacks the feature"),
        (0xC0000002, "STATUS_NOT_IMPLEMENTED", "lacks the feature"),
        (0xC00000BB, "STATUS_NOT_SUPPORTED", "lacks the feature"),
        (0xC000000D, "STATUS_INVALID_PARAMETER", "rejected"),
    ],
)
def test_describe_names_the_status_and_says_what_to_do(code: int, name: str, phrase: str) -> None:
    for value in (code, signed(code)):  # ctypes hands back the signed value
        described = ntapi.describe(value)
        assert described.name == name
        assert phrase in described.sentence
        assert described.hex == f"0x{code:08X}"
        assert str(described).startswith(f"{name} (0x{code:08X}): ")


def test_unknown_status_still_gets_a_readable_message() -> None:
    described = ntapi.describe(signed(0xC0001234))
    assert described.name == "NTSTATUS 0xC0001234"
    assert described.sentence


def test_nt_success_follows_the_severity_bits() -> None:
    assert ntapi.nt_success(0)
    assert ntapi.nt_success(0x106)  # informational: a success code
    assert not ntapi.nt_success(signed(0xC0000061))
    assert not ntapi.nt_success(signed(0x80000005))


def test_win32_errors_have_names() -> None:
    assert win32.describe_error(5).name == "ERROR_ACCESS_DENIED"
    assert "not ready" in str(win32.describe_error(21))
    assert win32.describe_error(4242).name == "error 4242"


@pytest.mark.skipif(sys.platform == "win32", reason="checks the behaviour off Windows")
def test_the_real_seam_refuses_to_load_off_windows() -> None:
    with pytest.raises(OSError, match="cannot be loaded"):
        seam.load()


@pytest.mark.skipif(sys.platform == "win32", reason="checks the behaviour off Windows")
def test_a_backend_without_a_seam_is_cheap_to_build_and_fails_clearly() -> None:
    backend = WindowsBackend()  # loads nothing yet
    with pytest.raises(BackendError, match="could not load the Windows system libraries"):
        backend.sample()
    result = backend.run("standby-list")
    assert not result.ok
    assert "could not load the Windows system libraries" in result.message


def test_from_functions_needs_every_function() -> None:
    with pytest.raises(ValueError, match="lacks"):
        seam.from_functions({}, lambda: 0)


def test_the_fake_supplies_exactly_the_seam_functions() -> None:
    built = FakeWindows().seam()
    for name in seam.SIGNATURES:
        assert callable(getattr(built, name))


def test_nt_success_ends_at_the_first_warning_code() -> None:
    # NT_SUCCESS(Status) is ((NTSTATUS)(Status) >= 0) (ntdef.h): 0x7FFFFFFF is the last success,
    # 0x80000000 and 0x80000001 (STATUS_GUARD_PAGE_VIOLATION, a warning) are not.
    assert ntapi.nt_success(0x7FFFFFFF)
    assert not ntapi.nt_success(0x80000000) and not ntapi.nt_success(0x80000001)


def test_an_unknown_status_gets_the_generic_sentence() -> None:
    status = ntapi.describe(0xC0DE0001)
    assert (status.name, status.sentence) == ("NTSTATUS 0xC0DE0001", "Windows refused the request")
