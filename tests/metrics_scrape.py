"""Scraping a running exporter over real HTTP and reading the answer with prometheus_client's own parser."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from app.autoclean import AutoCleanSettings
from app.backends.base import Backend
from app.metrics.collector import RamLensCollector
from app.metrics.exporter import RunningExporter, build_exporter, build_registry
from app.metrics.server import Exporter, ListenAddress, start

LOOPBACK_ANY_PORT = ListenAddress("127.0.0.1", 0)
ROOT = Path(__file__).resolve().parent.parent
URL = re.compile(r"answering scrapes at (http://\S+)")
# tests/nobody.py has the same line, but importing it asks for os.geteuid, which Windows lacks.
CLI = "import sys; from app import cli; sys.exit(cli.main(sys.argv[1:]))"


@dataclass(frozen=True)
class Scrape:
    """One scrape: every sample by its name, as (labels, value) pairs."""

    samples: Mapping[str, list[tuple[dict[str, str], float]]]

    def value(self, name: str, **labels: str) -> float:
        """The one sample of ``name`` whose labels include ``labels``; KeyError when there is none."""
        found = [v for got, v in self.samples.get(name, []) if labels.items() <= got.items()]
        if len(found) != 1:
            raise KeyError(f"{name}{labels}: {len(found)} samples")
        return found[0]

    def series(self, name: str) -> list[tuple[dict[str, str], float]]:
        """Every sample of ``name``."""
        return self.samples.get(name, [])


def scrape(url: str) -> Scrape:
    """GET ``url`` (HTTP 200 required) and parse it."""
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200
        text = response.read().decode()
    samples: dict[str, list[tuple[dict[str, str], float]]] = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            samples.setdefault(s.name, []).append((dict(s.labels), s.value))
    return Scrape(samples)


@contextmanager
def running(
    backend: Backend,
    settings: AutoCleanSettings | None = None,
    file_cache_paths: tuple[str, ...] = (),
    address: ListenAddress = LOOPBACK_ANY_PORT,
) -> Iterator[RunningExporter]:
    """An exporter answering on a free port for the duration of the block."""
    exporter = build_exporter(backend, address, settings, file_cache_paths, log=lambda line: None)
    try:
        yield exporter
    finally:
        exporter.exporter.stop()


@contextmanager
def serving(collector: RamLensCollector) -> Iterator[Exporter]:
    """A server for this collector on a free port for the duration of the block."""
    exporter = start(build_registry(collector), LOOPBACK_ANY_PORT)
    try:
        yield exporter
    finally:
        exporter.stop()


def start_command(*args: str, user: Sequence[str] = ()) -> tuple[subprocess.Popen[str], str]:
    """``ramlens serve ARGS`` in a child process (run through ``user``, e.g. setpriv);
    returns it and the URL it says it answers at."""
    child = subprocess.Popen(
        [*user, sys.executable, "-c", CLI, "serve", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stderr is not None
    for line in child.stderr:  # the URL line comes once the socket is bound
        found = URL.search(line)
        if found:
            return child, found.group(1)
    child.wait()
    raise AssertionError(f"serve exited {child.returncode} without listening")


def wait_for_line(child: subprocess.Popen[str], pattern: re.Pattern[str], timeout: float) -> str:
    """The next line of ``child``'s stderr (after start_command's) that matches ``pattern``.

    AssertionError when none comes within ``timeout`` seconds or the child ends first.
    """
    found: list[str] = []

    def read() -> None:
        assert child.stderr is not None
        for line in child.stderr:
            if pattern.search(line):
                found.append(line)
                return

    reader = threading.Thread(target=read, daemon=True)  # a blocked read cannot be given a deadline
    reader.start()
    reader.join(timeout)
    if not found:
        raise AssertionError(f"no line matching {pattern.pattern!r} within {timeout} s")
    return found[0]
