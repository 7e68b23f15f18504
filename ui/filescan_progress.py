"""A file-cache scan for a snapshot, run on a worker thread behind a progress dialog with a Stop button.

The caller waits (a local event loop keeps the window painting and sampling) and gets the scan back;
Stop ends the scan early and the caller keeps what was found (the scan says it is incomplete).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app import snapshot as snap
from app.backends.base import Backend
from app.filecache import FileScan


class _Relay(QObject):
    progress = Signal(int, int)
    done = Signal()


class FileScanProgress:
    """One scan of the files processes use, with its dialog; :meth:`run` returns the scan."""

    def __init__(self, backend: Backend, parent: QWidget | None = None):
        self.backend = backend
        self.cancel = threading.Event()
        self.dialog = QProgressDialog("Finding the files in memory…", "Stop", 0, 0, parent)
        self.dialog.setWindowTitle("Save snapshot")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.canceled.connect(self.cancel.set)
        self._relay = _Relay()
        self._relay.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    def _on_progress(self, done: int, expected: int) -> None:
        if expected:
            self.dialog.setMaximum(expected)
            self.dialog.setValue(min(done, expected))
        self.dialog.setLabelText(f"Finding the files in memory… {done:,} files looked at")

    def run(self) -> FileScan | None:
        """Scan on a worker (None where the backend cannot); raises what the scan raised."""
        outcome: dict[str, object] = {}
        loop = QEventLoop()
        self._relay.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

        def work() -> None:
            try:
                outcome["scan"] = snap.scan_files(
                    self.backend, None, self._relay.progress.emit, self.cancel.is_set
                )
            except BaseException as exc:  # handed to the UI thread and raised there
                outcome["error"] = exc
            self._relay.done.emit()

        worker = threading.Thread(target=work, name="ramlens-filescan", daemon=True)
        self.dialog.show()
        worker.start()
        loop.exec()  # the dialog is window-modal: its Stop button is the only input the window takes
        worker.join()
        self.dialog.close()
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return outcome.get("scan")  # type: ignore[return-value]
