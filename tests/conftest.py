"""Settings every test folder needs, so that any subset (``pytest tests/windows``, one file) runs on its own.

Qt must find a platform without a display: the offscreen one is chosen here, before any test module imports
Qt (a conftest in a subfolder would be too late for the folders beside it). A display the developer has is
not used — screenshots and sizes then match CI's.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
#   their own is in the page cache: one would undo what the other measures. They run one at a time, under
#   a lock the workers share. A test is one of them when marked ``root`` or ``page_cache``, or when its file
#   is listed here (files whose tests mostly are).
# - Those marked ``quiet``, which assert on machine-wide memory moves of a few MiB: every test holds a
#   second lock shared, a ``quiet`` test holds it alone, so it waits until the other workers' current tests
#   end and holds them off while it runs.
# (xdist's own ``xdist_group`` cannot do the first: with pytest 9.2 its group suffix on node ids is ignored.)
# So that a worker does not sit waiting on the first lock, tests/xdist_schedule.py deals the first kind out
# as one unit, with the tests marked ``live_census``: they show the census the census tests take
# (tests/live_census.py, one per worker), so on that worker they need no census of their own.
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


def _touches_page_cache(item: pytest.Item) -> bool:
    marked = item.get_closest_marker("root") or item.get_closest_marker("page_cache")
    return item.path.name in PAGE_CACHE_FILES or marked is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On an xdist worker, list the tests kept apart on the page cache (and those sharing their census) for
    the controller's scheduler."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker and config.option.basetemp:
        from tests.xdist_schedule import kept_apart_list

        common = Path(config.option.basetemp).parent  # xdist gives each worker a folder in the run's own
        ids = [i.nodeid for i in items if _touches_page_cache(i) or i.get_closest_marker("live_census")]
        kept_apart_list(common, worker).write_text("".join(f"{i}\n" for i in ids))


def pytest_collection_finish(session: pytest.Session) -> None:
    """What is loaded by now (Qt, numpy, every test module: ~150,000 objects) lives for the whole run, so
    the garbage collector's full passes need not walk it again: measured 5.5 s of collecting per run
    before, 3.5 s after."""
    gc.freeze()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """Deal the tests kept apart on the page cache out as one unit (tests/xdist_schedule.py), under the
    default distribution; a distribution chosen on the command line is left as it is."""
    if config.getvalue("dist") != "load":
        return None
    from tests.xdist_schedule import KeptApartTogether

    return KeptApartTogether(config, log)


@pytest.fixture(autouse=True)
def _kept_apart(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Take the workers' locks as the comment above says (nothing to take without xdist)."""
    if fcntl is None or not os.environ.get("PYTEST_XDIST_WORKER"):
        yield
        return
    common = tmp_path_factory.getbasetemp().parent  # the workers' common temporary root
    with contextlib.ExitStack() as held:
        if _touches_page_cache(request.node):
            fcntl.flock(held.enter_context(open(common / "page-cache.lock", "a")), fcntl.LOCK_EX)
        quiet = request.node.get_closest_marker("quiet") is not None
        fcntl.flock(
            held.enter_context(open(common / "quiet.lock", "a")), fcntl.LOCK_EX if quiet else fcntl.LOCK_SH
        )
        yield
