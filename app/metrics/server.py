"""Where the exporter listens: parsing HOST:PORT, refusing non-loopback addresses, starting the server."""

from __future__ import annotations

import ipaddress
import selectors
import socket
import threading
from dataclasses import dataclass
from socketserver import ThreadingMixIn
from typing import TYPE_CHECKING
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

if TYPE_CHECKING:  # prometheus_client imports ssl: loaded only when a server starts, not by `ramlens --help`
    from prometheus_client.registry import CollectorRegistry

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 9841  # what the systemd unit, the scheduled task and the docs use


class AddressError(ValueError):
    """A listening address that is malformed or not allowed; the message says what to do."""


@dataclass(frozen=True)
class ListenAddress:
    """A host (name or literal, IPv6 without brackets) and a port (0: any free port)."""

    host: str
    port: int

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


def parse_address(text: str) -> ListenAddress:
    """``HOST:PORT``, ``[IPv6]:PORT`` or ``:PORT`` (the default host); AddressError when malformed."""
    host, sep, port_text = text.strip().rpartition(":")
    if not sep:
        raise AddressError(f"{text!r} is not HOST:PORT (e.g. {DEFAULT_HOST}:{DEFAULT_PORT})")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    elif ":" in host:
        raise AddressError(f"{text!r}: write an IPv6 address in brackets, e.g. [::1]:{DEFAULT_PORT}")
    if not port_text.isdigit() or not 0 <= int(port_text) <= 65535:
        raise AddressError(f"{text!r}: the port must be a number from 0 to 65535")
    return ListenAddress(host or DEFAULT_HOST, int(port_text))


def is_loopback(host: str) -> bool:
    """True when every address ``host`` resolves to is a loopback address (127.0.0.0/8, ::1).

    AddressError when ``host`` does not resolve at all.
    """
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except OSError as exc:
        raise AddressError(f"cannot resolve {host!r}: {exc}") from None
    return bool(infos) and all(
        ipaddress.ip_address(str(info[4][0]).split("%")[0]).is_loopback for info in infos
    )


def check_address(address: ListenAddress, listen_any: bool) -> None:
    """Refuse an address other machines could reach unless ``listen_any``: the figures are this machine's."""
    if listen_any or is_loopback(address.host):
        return
    raise AddressError(
        f"{address.host} is not a loopback address: other machines could read this machine's memory figures. "
        "Give --listen-any to listen there anyway (and restrict it with a firewall), or use 127.0.0.1"
    )


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


@dataclass
class Exporter:
    """A running HTTP server answering /metrics from a registry."""

    server: WakeableServer
    thread: threading.Thread

    @property
    def port(self) -> int:
        """The port it listens on (the chosen one when started on port 0)."""
        return int(self.server.server_address[1])

    @property
    def host(self) -> str:
        """The address it listens on."""
        return str(self.server.server_address[0])

    @property
    def url(self) -> str:
        """The scrape address, e.g. http://127.0.0.1:9841/metrics."""
        return f"http://{ListenAddress(self.host, self.port)}/metrics"

    def stop(self) -> None:
        """Stop answering (at once, not at the next poll) and close the socket."""
        self.server.wake()
        self.thread.join()
        self.server.server_close()


def start(registry: CollectorRegistry, address: ListenAddress) -> Exporter:
    """Answer scrapes on ``address`` (checked by the caller) from a server thread; OSError when taken."""
    from prometheus_client import make_wsgi_app

    # The family that fits the host (an IPv6 literal or name needs AF_INET6), as http.server chooses it.
    family, _, _, _, sockaddr = socket.getaddrinfo(
        address.host, address.port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    server = WakeableServer(family, (str(sockaddr[0]), address.port))
    server.set_app(make_wsgi_app(registry))
    thread = threading.Thread(target=server.serve_until_woken, name="ramlens-exporter", daemon=True)
    thread.start()
    return Exporter(server, thread)
