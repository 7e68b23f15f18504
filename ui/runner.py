"""Runs Empty actions off the UI thread, one at a time, in the order they were asked for."""

from __future__ import annotations

import time
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app import actions, report
from app.backends.base import Backend
from app.model import PRIORITY_LABEL, PRIORITY_PREFIX, ActionResult, ListChange
from app.snapshot.schema import ActionMark
from ui.i18n import translate


def action_title(action_id: str) -> str:
    """A person's name for an action id, including the Processes view's trim."""
    return translate("actions", actions.title(action_id))  # an unknown id is shown as it is


def list_label(key: str, label: str) -> str:
    """A memory list's (or part's) label in the window's language; app/ marks them in context "lists"."""
    priority = key.removeprefix(PRIORITY_PREFIX)
    if priority != key and priority.isdigit():  # Windows' standby priorities: "Priority 0" … "Priority 7"
        return translate("lists", PRIORITY_LABEL).format(n=priority)
    return translate("lists", label)


def _report_text(template: str) -> str:
    return translate("report", template)


def _change_label(change: ListChange) -> str:
    return list_label(change.key, change.label)


# app.report's sentences in the window's language.
WINDOW_WORDS = report.Words(text=_report_text, action=action_title, list_label=_change_label)


def result_summary(result: ActionResult) -> str:
    """:func:`app.report.summary` in the window's language; what failed and why for a failure."""
    return report.summary(result, WINDOW_WORDS) if result.ok else report.headline(result, WINDOW_WORDS)


def action_mark(result: ActionResult, automatic: bool = False) -> ActionMark:
    """The history chart's marker for a finished action: when it ended, and its result in words."""
    when = result.after.time if result.after is not None else time.time()
    detail = (
        result_summary(result)
        if result.ok
        else translate("HistoryView", "failed: {reason}").format(reason=result.message)
    )
    return ActionMark(when, action_title(result.action_id), detail, result.ok, automatic)


@dataclass(frozen=True)
class Job:
    """One queued unit of work: what it is called and the call that produces its result."""

    action_id: str
    call: Callable[[], ActionResult]
    automatic: bool = False  # started by auto-clean rather than a person


class _Relay(QObject):
    """Carries a worker's result back to the UI thread (signals cross threads queued)."""

    done = Signal(object, object)  # Job, ActionResult


class _Task(QRunnable):
    def __init__(self, job: Job, relay: _Relay):
        super().__init__()
        self.job = job
        self.relay = relay

    def run(self) -> None:
        start = time.perf_counter()
        try:
            result = self.job.call()
        except Exception as exc:  # a backend bug must still end as a visible failed result
            traceback.print_exc()
            result = ActionResult(
                self.job.action_id,
                False,
                time.perf_counter() - start,
                None,
                None,
                f"unexpected error ({type(exc).__name__}: {exc}); please report it",
            )
        self.relay.done.emit(self.job, result)


class ActionRunner(QObject):
    """A queue of actions executed one at a time on a private worker thread.

    ``started(action_id)`` when one begins, ``finished(result)`` when it ends (on the UI thread),
    ``job_finished(result, automatic)`` likewise with whether auto-clean asked for it, and
    ``queue_changed()`` whenever the running/pending set changes (for menus and indicators).
    """

    started = Signal(str)
    finished = Signal(object)  # ActionResult
    job_finished = Signal(object, bool)  # ActionResult, automatic
    queue_changed = Signal()

    def __init__(self, backend: Backend, parent: QObject | None = None):
        super().__init__(parent)
        self.backend = backend
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay()
        self._relay.done.connect(self._on_done)
        self._pending: deque[Job] = deque()
        self._current: Job | None = None

    @property
    def current(self) -> str | None:
        """Id of the running action, or None when idle."""
        return self._current.action_id if self._current else None

    @property
    def pending(self) -> tuple[str, ...]:
        """Ids waiting their turn, in order."""
        return tuple(j.action_id for j in self._pending)

    @property
    def busy(self) -> bool:
        """True while an action runs or waits."""
        return self._current is not None or bool(self._pending)

    def run(self, action_id: str, automatic: bool = False) -> None:
        """Queue a catalogue action (or "all")."""
        self.submit(Job(action_id, lambda: self.backend.run(action_id), automatic))

    def trim(self, pids: Sequence[int]) -> None:
        """Queue trimming the working sets of these processes."""
        chosen = tuple(pids)
        self.submit(Job(actions.TRIM_PROCESSES, lambda: self.backend.trim_processes(chosen)))

    def submit(self, job: Job) -> None:
        """Queue any job; it starts when the ones before it have finished."""
        self._pending.append(job)
        self._start_next()
        self.queue_changed.emit()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (for shutdown and benchmarks); True when it is."""
        return self._pool.waitForDone(msecs)

    def _start_next(self) -> None:
        if self._current is not None or not self._pending:
            return
        self._current = self._pending.popleft()
        self.started.emit(self._current.action_id)
        self._pool.start(_Task(self._current, self._relay))

    def _on_done(self, job: Job, result: ActionResult) -> None:
        self._current = None
        self.finished.emit(result)
        self.job_finished.emit(result, job.automatic)
        self._start_next()
        self.queue_changed.emit()
