"""The exporter's HTTP server: a thread per request, and a loop that stops the moment it is asked to."""

from __future__ import annotations

import selectors
import socket
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Log nothing: every scrape would be a line in the journal."""


class WakeableServer(ThreadingMixIn, WSGIServer):
    """A WSGI server, one thread per request, whose loop sleeps until a request comes or :meth:`wake`.

    socketserver's ``serve_forever`` polls for its stop flag every 0.5 s, so stopping took up to 0.5 s;
    this loop also waits on one end of a socket pair that :meth:`wake` writes to, so it stops at once
    and never wakes up idle.
    """

    daemon_threads = True  # a scrape still being answered does not hold up the stop
    timeout = 0  # handle_request() only ever takes a connection the selector saw: it never blocks

    def __init__(self, family: socket.AddressFamily, address: tuple[str, int]):
        self.address_family = family
        self._wake_reader, self._wake_writer = socket.socketpair()
        super().__init__(address, _QuietHandler)

    def serve_until_woken(self) -> None:
        """Answer requests until :meth:`wake` is called."""
        with selectors.DefaultSelector() as selector:
            selector.register(self, selectors.EVENT_READ)
            selector.register(self._wake_reader, selectors.EVENT_READ)
            while True:
                ready = {key.fileobj for key, _ in selector.select()}
                if self._wake_reader in ready:
                    return
                self.handle_request()

    def wake(self) -> None:
        """Make :meth:`serve_until_woken` return now."""
        self._wake_writer.send(b"\0")

    def server_close(self) -> None:
        """Close the listening socket and the wake-up pair."""
        super().server_close()
        self._wake_reader.close()
        self._wake_writer.close()
