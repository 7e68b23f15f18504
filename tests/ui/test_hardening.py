"""A backend that fails now and then must not take the window down or bury the user in dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.autoclean import AutoCleanSettings
from app.backends.base import BackendError
from app.model import Sample
from tests.fake_backend import GIB, FakeBackend


class FlakyBackend(FakeBackend):
    """Every third reading fails like a /proc read error; every other run is refused."""

    def __init__(self, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.reads = 0
        self.read_failures = 0

    def sample(self) -> Sample:
        self.reads += 1
        if self.reads % 3 == 0:
            self.read_failures += 1
            if self.reads % 2:
                raise BackendError("/proc/meminfo cannot be read: Input/output error")
            raise OSError(5, "Input/output error")  # a raw OSError must be survived too
        return super().sample()


def _dialogs() -> list[QDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, (QDialog, QMessageBox)) and w.isVisible()
    ]


def test_flaky_reads_status_bar_says_so_sampling_goes_on(make_window, qtbot):
    backend = FlakyBackend()
    window = make_window(backend)
    window.set_refresh(0)
    before = len(window.history)
    for _ in range(30):
        window.sampler.sample_now()
        QApplication.processEvents()
        if backend.reads % 3 == 0:  # this read failed
            assert window.read_error_label.text() == "Reading failed"
            assert "Input/output error" in window.read_error_label.toolTip()
    assert backend.read_failures == 10
    assert len(window.history) - before == 20  # every good reading kept
    assert window.read_error_label.text() == ""  # cleared by the next good reading
    assert _dialogs() == []  # no dialog storm
    window.sampler.set_interval(0.01)  # the timer, at a test's pace
    qtbot.waitUntil(lambda: backend.reads >= 36, timeout=10000)  # it keeps sampling past failed reads
    assert _dialogs() == []


def test_refused_actions_each_say_why_once_without_dialogs(make_window, qtbot):
    backend = FlakyBackend(fail={"kernel-caches": "the kernel refused: Operation not permitted"})
    window = make_window(backend)
    window.set_refresh(0)
    for _ in range(5):
        window.request_action("kernel-caches")
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10000)
    assert [c for c in backend.calls if c == ("run", "kernel-caches")] == [("run", "kernel-caches")] * 5
    assert "Operation not permitted" in window.result_label.text()
    assert _dialogs() == []


def test_auto_clean_with_a_flaky_backend_stays_bounded(make_window, qtbot):
    busy = {"active": 14 * GIB, "standby": GIB, "modified": 0, "free": GIB}
    backend = FlakyBackend(lists=busy, fail={"working-sets": "refused"})
    window = make_window(backend)
    window.set_refresh(0)
    window.autoclean.controller.apply(
        AutoCleanSettings(enabled=True, usage_percent=50, actions=("working-sets",), cooldown_seconds=60)
    )
    for _ in range(40):
        window.sampler.sample_now()
        QApplication.processEvents()
    window.runner.wait(5000)
    QApplication.processEvents()
    assert [c for c in backend.calls if c[0] == "run"] == [("run", "working-sets")]
    assert _dialogs() == []


def test_snapshot_save_with_a_failing_read_is_a_message_not_a_crash(make_window, tmp_path):
    backend = FakeBackend()
    window = make_window(backend)
    window.sampler.latest = None  # force a fresh read inside save
    backend.sample_error = "/proc/meminfo cannot be read: Input/output error"
    assert not window.snapshots.save_to(str(tmp_path / "s.json"))
    assert "Input/output error" in window.snapshots.last_error.text()
    assert not (tmp_path / "s.json").exists()
    window.snapshots.last_error.close()
