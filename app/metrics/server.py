"""Where the exporter listens: parsing HOST:PORT, refusing non-loopback addresses, starting the server."""

from __future__ import annotations

import ipaddress
import socket
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded only when a server starts, not by every `ramlens` command that builds its parser
    from prometheus_client.registry import CollectorRegistry  # imports ssl

    from app.metrics.httpserver import WakeableServer  # imports http.server

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

    from app.metrics.httpserver import WakeableServer

    # The family that fits the host (an IPv6 literal or name needs AF_INET6), as http.server chooses it.
    family, _, _, _, sockaddr = socket.getaddrinfo(
        address.host, address.port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    server = WakeableServer(family, (str(sockaddr[0]), address.port))
    server.set_app(make_wsgi_app(registry))
    thread = threading.Thread(target=server.serve_until_woken, name="ramlens-exporter", daemon=True)
    thread.start()
    return Exporter(server, thread)
