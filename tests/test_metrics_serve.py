"""``ramlens serve``: the real command over HTTP, the listening address rules, the options."""

from __future__ import annotations

import signal
import socket
import threading
from pathlib import Path

import pytest

from app import cli
from app.cli import serve as serve_module
from app.cli.serve import serve
from app.metrics.server import AddressError, ListenAddress, check_address, is_loopback, parse_address
from tests.fake_backend import FakeBackend
from tests.metrics_scrape import running, scrape, start_command
from tests.nobody import SETPRIV_NOBODY, needs_nobody

linux = pytest.mark.skipif(not Path("/proc/buddyinfo").exists(), reason="needs a Linux /proc")


@pytest.fixture
def refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make a command that should be refused fail the test instead of serving for ever."""

    def must_not_serve(*args: object) -> int:
        raise AssertionError("serve started: the options should have been refused")

    monkeypatch.setattr(serve_module, "serve", must_not_serve)


@linux
def test_the_command_answers_scrapes_and_stops_on_sigterm() -> None:
    child, url = start_command("--metrics", "127.0.0.1:0")
    try:
        assert url.startswith("http://127.0.0.1:") and url.endswith("/metrics")
        for _ in range(2):
            result = scrape(url)
            assert result.value("ramlens_up") == 1
            lists = result.series("ramlens_memory_list_bytes")
            assert sum(v for _, v in lists) == result.value("ramlens_memory_total_bytes")
            assert result.series("ramlens_free_blocks")
            assert result.value("ramlens_autoclean_enabled") == 0
            assert result.value("process_resident_memory_bytes") > 0
    finally:
        child.send_signal(signal.SIGTERM)
        status = child.wait(timeout=30)
    assert status == 0


@linux
@needs_nobody
def test_an_unprivileged_user_gets_the_whole_answer() -> None:
    """The systemd unit runs as a throw-away user: reading must need no rights at all."""
    child, url = start_command("--metrics", "127.0.0.1:0", user=SETPRIV_NOBODY)
    try:
        result = scrape(url)
    finally:
        child.send_signal(signal.SIGTERM)
        status = child.wait(timeout=30)
    assert status == 0
    assert result.value("ramlens_up") == 1
    assert "ramlens_scrape_error" not in result.samples
    assert result.series("ramlens_fragmentation_index") and result.series("ramlens_compaction_total")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("127.0.0.1:9841", ListenAddress("127.0.0.1", 9841)),
        (":9100", ListenAddress("127.0.0.1", 9100)),
        ("[::1]:0", ListenAddress("::1", 0)),
        ("localhost:65535", ListenAddress("localhost", 65535)),
    ],
)
def test_parse_address(text: str, expected: ListenAddress) -> None:
    assert parse_address(text) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("9841", "is not HOST:PORT"),
        ("127.0.0.1:http", "the port must be a number"),
        ("127.0.0.1:70000", "the port must be a number"),
        ("::1:9841", "in brackets"),
    ],
)
def test_malformed_address_is_refused_clearly(text: str, why: str) -> None:
    with pytest.raises(AddressError, match=why):
        parse_address(text)


def _own_non_loopback_address() -> str:
    """An address of this machine that is not loopback (the one a packet to the world would leave from)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: nothing is sent for a UDP connect
        return str(probe.getsockname()[0])


def test_loopback_names() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("127.0.0.53") and is_loopback("::1")
    assert is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("::")
    assert not is_loopback(_own_non_loopback_address())
    with pytest.raises(AddressError, match="cannot resolve 'no-such-host.invalid'"):
        is_loopback("no-such-host.invalid")


@pytest.mark.parametrize("address", ["0.0.0.0:0", "[::]:0", "OWN:0"])
@pytest.mark.usefixtures("refused")
def test_non_loopback_is_refused_without_listen_any(address: str, capsys: pytest.CaptureFixture[str]) -> None:
    address = address.replace("OWN", _own_non_loopback_address())
    assert cli.main(["serve", "--metrics", address]) == 2
    err = capsys.readouterr().err
    assert "not a loopback address" in err and "--listen-any" in err
    check_address(parse_address(address), listen_any=True)  # allowed when asked for


def test_listen_any_answers_on_every_address() -> None:
    with running(FakeBackend(), address=ListenAddress("0.0.0.0", 0)) as exporter:
        assert exporter.exporter.host == "0.0.0.0"
        result = scrape(f"http://127.0.0.1:{exporter.exporter.port}/metrics")
    assert result.value("ramlens_up") == 1


def test_stop_ends_the_server_thread_and_frees_the_port() -> None:
    with running(FakeBackend()) as exporter:
        server = exporter.exporter
        assert scrape(server.url).value("ramlens_up") == 1
    assert not server.thread.is_alive()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((server.host, server.port), timeout=5).close()


def test_a_busy_port_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status = serve(FakeBackend(), ListenAddress("127.0.0.1", port), None, [], 1.0, threading.Event())
    assert status == 1
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_serve_returns_when_stopped(capsys: pytest.CaptureFixture[str]) -> None:
    stop = threading.Event()
    stop.set()
    assert serve(FakeBackend(), ListenAddress("127.0.0.1", 0), None, [], 1.0, stop) == 0
    assert "answering scrapes at http://127.0.0.1:" in capsys.readouterr().err


def test_file_cache_without_the_capability_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    stop = threading.Event()
    stop.set()  # were it accepted, serve would return 0 at once
    assert serve(FakeBackend(), ListenAddress("127.0.0.1", 0), None, ["/etc"], 1.0, stop) == 2
    assert "(linux, fake) offers no per-file cache totals" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("options", "why"),
    [
        (["--usage-percent", "100"], "usage_percent must be a number from 1 to 99"),
        (["--actions", "standby-list,frobnicate"], "'frobnicate' is not an action"),
        (["--actions", ","], "choose at least one action"),
        (["--cooldown", "600", "--max-cooldown", "60"], "max_cooldown_seconds"),
        (["--check-every", "0"], "--check-every must be above 0"),
    ],
)
@pytest.mark.usefixtures("refused")
def test_bad_autoclean_options_are_refused(
    options: list[str], why: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["serve", "--metrics", "127.0.0.1:0", "--autoclean", *options]) == 2
    assert why in capsys.readouterr().err
