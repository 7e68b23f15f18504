"""One window per user and settings store: a second ``ramlens`` raises the first and exits.

Two windows on the same settings would each run auto-clean (twice the cleans) and overwrite each
other's settings. The first window listens on a local socket (a Unix socket in the temp folder,
a named pipe on Windows) whose name comes from the user and the settings file; a later start
connects, asks it to come to the front, and exits 0. The command line never takes part.
"""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

RAISE = b"raise\n"
CONNECT_MS = 1000


def server_name(settings_file: str) -> str:
    """The socket name for this user and settings file (short: Unix socket paths are limited)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid: the settings path still separates users
        user = "unknown"
    digest = hashlib.sha256(f"{user}\0{settings_file}".encode()).hexdigest()[:16]
    return f"ramlens-{digest}"


def hand_over(name: str) -> bool:
    """Ask a running window to come to the front; True when one answered."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(RAISE)
    socket.flush()
    socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return True


class InstanceGuard(QObject):
    """The first window's listener: ``raise_requested`` when a later start hands over."""

    raise_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        """Start listening; a socket left by a crashed window (nobody answers on it) is replaced."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def attach(self, window: QWidget) -> None:
        """Bring ``window`` to the front whenever a later start hands over."""

        def bring_to_front() -> None:
            window.showNormal()
            window.raise_()
            window.activateWindow()

        self.raise_requested.connect(bring_to_front)

    def _on_connection(self) -> None:
        # The other side writes its request right after connecting: read it here, briefly blocking.
        while (socket := self.server.nextPendingConnection()) is not None:
            if socket.bytesAvailable() or socket.waitForReadyRead(CONNECT_MS):
                if bytes(socket.readAll().data()).startswith(RAISE.strip()):
                    self.raise_requested.emit()
            socket.disconnectFromServer()
            socket.deleteLater()


def claim(settings_file: str, parent: QObject | None = None) -> InstanceGuard | None:
    """The guard when this is the first window for ``settings_file``; None after handing over."""
    name = server_name(settings_file)
    if hand_over(name):
        return None
    guard = InstanceGuard(name, parent)
    guard.listen()  # if even that fails (no temp folder), the window still opens: no guard is no harm
    return guard
