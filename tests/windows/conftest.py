"""Fixtures for the Windows backend tests: a fake kernel and a backend on top of it."""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.backends.windows import WindowsBackend
from tests.windows.fake_kernel import FakeWindows

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The fake kernel packs the x64 layouts: on a 32-bit Python these tests cannot run."""
    if ctypes.sizeof(ctypes.c_void_p) == 8:
        return
    skip = pytest.mark.skip(reason="the fake kernel packs the x64 layouts: needs a 64-bit Python")
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(skip)


Make = Callable[..., tuple[FakeWindows, WindowsBackend]]


@pytest.fixture
def make() -> Iterator[Make]:
    """Build (fake, backend) pairs; afterwards, fail on any exception raised inside the fake."""
    created: list[FakeWindows] = []

    def factory(**kwargs: Any) -> tuple[FakeWindows, WindowsBackend]:
        fake = FakeWindows(**kwargs)
        created.append(fake)
        return fake, WindowsBackend(fake.seam())

    yield factory
    for fake in created:
        assert fake.errors == [], f"the fake kernel raised: {fake.errors!r}"
