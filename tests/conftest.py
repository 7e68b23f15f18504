"""Settings every test folder needs, so that any subset (``pytest tests/windows``, one file) runs on its own.

Qt must find a platform without a display: the offscreen one is chosen here, before any test module imports
Qt (a conftest in a subfolder would be too late for the folders beside it). A display the developer has is
not used — screenshots and sizes then match CI's.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

try:
    import fcntl
except ImportError:  # Windows: no flock, and no xdist run there
    fcntl = None  # type: ignore[assignment]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from hypothesis import Phase, settings  # noqa: E402

# `dev.py mutate` runs the tests once per mutant: fewer, reproducible examples keep that affordable, and no
# shrinking (a killed mutant needs one failing example, not the smallest; shrinking took up to 30 s a mutant).
settings.register_profile(
    "mutate",
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
    phases=(Phase.explicit, Phase.generate),
    report_multiple_bugs=False,
)
if os.environ.get("RAMLENS_HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["RAMLENS_HYPOTHESIS_PROFILE"])


# `python3 dev.py test` runs the suite on one xdist worker per core. Two kinds of test must not overlap:
#
# - Those that drop, compact or trim the machine's memory for real, or that measure how much of a file of
#   their own is in the page cache: one would undo what the other measures. They form one xdist group, so
#   they run one after another on a single worker (``--dist loadgroup``); the other workers run the rest.
#   A test is in it when marked ``root`` or ``page_cache``, or when its file is listed here (files whose
#   tests mostly do so).
# - Those marked ``quiet``, which assert on machine-wide memory moves of a few MiB: they wait until the
#   other worker's current test ends and hold it off while they run (a lock shared by the workers).
PAGE_CACHE_FILES = frozenset(
    {
        "test_linux_actions.py",
        "test_cli_json.py",
        "test_helper_e2e.py",
        "test_files.py",
        "test_files_physical.py",
        "test_files_snapshot.py",
        "test_real_action.py",
        "test_files_view.py",
    }
)


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        marked = item.get_closest_marker("root") or item.get_closest_marker("page_cache")
        if item.path.name in PAGE_CACHE_FILES or marked:
            item.add_marker(pytest.mark.xdist_group("page-cache"))


@pytest.fixture(autouse=True)
def _one_quiet_test_at_a_time(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """Every test holds the run's lock shared; a ``quiet`` test holds it alone (no-op without xdist)."""
    if fcntl is None or not os.environ.get("PYTEST_XDIST_WORKER"):
        yield
        return
    lock = tmp_path_factory.getbasetemp().parent / "quiet.lock"  # the workers' common temporary root
    with open(lock, "a") as held:
        quiet = request.node.get_closest_marker("quiet") is not None
        fcntl.flock(held, fcntl.LOCK_EX if quiet else fcntl.LOCK_SH)
        yield
