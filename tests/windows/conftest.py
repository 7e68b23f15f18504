"""Fixtures for the Windows backend tests: a fake kernel and a backend on top of it.

Everything here runs on any OS, except tests marked ``real_windows`` (tests/windows/real/),
which need the real Windows kernel and are skipped elsewhere with the reason.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from app.backends.windows import WindowsBackend
from tests.windows.fake_kernel import FakeWindows

HERE = Path(__file__).parent
REAL = HERE / "real"

# Qt needs a platform without a display for the one view test here (pytest tests/windows alone).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_configure(config: pytest.Config) -> None:
    """Register the real-Windows marker."""
    config.addinivalue_line(
        "markers", "real_windows: runs against the real Windows kernel (skipped on other systems)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Fake-kernel tests need a 64-bit Python (x64 layouts); real-Windows tests need Windows."""
    not_windows = pytest.mark.skip(reason="needs the real Windows kernel: this is " + sys.platform)
    not_64 = pytest.mark.skip(reason="the fake kernel packs the x64 layouts: needs a 64-bit Python")
    for item in items:
        if HERE not in item.path.parents:
            continue
        if REAL in item.path.parents:
            item.add_marker(pytest.mark.real_windows)
            if sys.platform != "win32":
                item.add_marker(not_windows)
        elif ctypes.sizeof(ctypes.c_void_p) != 8:
            item.add_marker(not_64)


class FakeSchtasks:
    """schtasks.exe as far as RAMLens uses it: /Query, /Create /XML, /Delete, /Run by task name.

    Only an elevated administrator may register a task with the highest run level (assumed from
    Task Scheduler's security contexts; docs/windows.md lists it as unverified).
    """

    def __init__(self, fake: FakeWindows):
        self.fake = fake
        self.tasks: dict[str, str] = {}
        self.runs: list[str] = []
        self.calls: list[list[str]] = []

    def __call__(self, arguments: Sequence[str]) -> tuple[int, str]:
        args = list(arguments)
        self.calls.append(args)
        verb, name = args[0], args[args.index("/TN") + 1]
        if verb == "/Query":
            return (
                (0, name) if name in self.tasks else (1, "ERROR: The system cannot find the file specified.")
            )
        if verb == "/Create":
            if not self.fake.admin:
                return 1, "ERROR: Access is denied."
            self.tasks[name] = Path(args[args.index("/XML") + 1]).read_text(encoding="utf-16")
            return 0, f'SUCCESS: The scheduled task "{name}" has successfully been created.'
        if name not in self.tasks:
            return 1, "ERROR: The system cannot find the file specified."
        if verb == "/Delete":
            if not self.fake.admin:
                return 1, "ERROR: Access is denied."
            del self.tasks[name]
            return 0, f'SUCCESS: The scheduled task "{name}" was successfully deleted.'
        if verb == "/Run":
            self.runs.append(name)
            return 0, f'SUCCESS: Attempted to run the scheduled task "{name}".'
        return 1, f"ERROR: Invalid argument/option - '{verb}'."


def backend_on(fake: FakeWindows, store_process: int | None = None) -> tuple[WindowsBackend, FakeSchtasks]:
    """A backend over ``fake``; the Memory Compression process has ``store_process`` bytes (None: absent)."""
    schtasks = FakeSchtasks(fake)

    def working_set_of(name: str) -> int | None:
        return store_process if name == "Memory Compression" else None

    return WindowsBackend(fake.seam(), working_set_of=working_set_of, schtasks=schtasks), schtasks


Make = Callable[..., tuple[FakeWindows, WindowsBackend]]


@pytest.fixture
def make() -> Iterator[Make]:
    """Build (fake, backend) pairs; afterwards, fail on any exception raised inside the fake."""
    created: list[FakeWindows] = []

    def factory(**kwargs: Any) -> tuple[FakeWindows, WindowsBackend]:
        store_process = kwargs.pop("store_process", None)
        fake = FakeWindows(**kwargs)
        created.append(fake)
        backend, _schtasks = backend_on(fake, store_process)
        return fake, backend

    yield factory
    for fake in created:
        assert fake.errors == [], f"the fake kernel raised: {fake.errors!r}"
