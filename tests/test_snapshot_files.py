"""Snapshot files against what can sit at a path: devices, FIFOs, symlinks, folders, old temp files.

Each test here failed before issue 12's fixes: save replaced a device node or a symlink with a
root-only file, opening a FIFO blocked forever, a replaced snapshot lost its mode, abandoned temp
files stayed, and some messages were wrong ("is 64 MiB" for /dev/zero, an empty name for "/").
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from app import cli
from app import snapshot as snap
from app.snapshot import fileio
from tests.snapshot_samples import sample, snapshot

posix_only = pytest.mark.skipif(os.name != "posix", reason="device nodes, FIFOs and modes are POSIX")
root_only = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod/chown need root"
)
FIFO_LIMIT = 20.0  # seconds: far beyond a refusal (milliseconds), far below "forever"


def _ramlens(*args: str, timeout: float = FIFO_LIMIT) -> subprocess.CompletedProcess[str]:
    """The CLI in a child process, killed after ``timeout`` seconds (the test then fails)."""
    return subprocess.run(
        [sys.executable, "-c", "import sys; from app import cli; sys.exit(cli.main(sys.argv[1:]))", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=Path(__file__).resolve().parent.parent,
    )


@posix_only
@root_only
def test_save_refuses_a_character_device_and_leaves_it(tmp_path: Path) -> None:
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
    with pytest.raises(OSError, match="is a device, not a regular file"):
        snap.save(device, snapshot())
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["null"]  # no temp file left either


def _within_limit(call: Callable[[], object]) -> object:
    """What ``call`` returns or raises, run on a thread that may take FIFO_LIMIT seconds (else the test
    fails; the blocked thread is a daemon and ends with the test run)."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:  # the test inspects what was raised
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(FIFO_LIMIT)
    assert outcome, f"still blocked on a FIFO after {FIFO_LIMIT} s"
    return outcome[0]


@posix_only
def test_save_refuses_a_fifo_without_blocking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert _within_limit(lambda: cli.main(["snapshot", "save", str(fifo)])) == 1
    assert "is a FIFO (named pipe), not a regular file" in capsys.readouterr().err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@posix_only
def test_save_writes_through_a_symlink_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    snap.save(real, snapshot())
    link = tmp_path / "link.json"
    link.symlink_to(real.name)
    changed = replace(snapshot(), app_version="9.9.9")
    snap.save(link, changed)
    assert link.is_symlink() and os.readlink(link) == "real.json"
    assert snap.load(real).app_version == "9.9.9"


@posix_only
def test_save_through_a_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "sneaky.json"
    link.symlink_to("/dev/null")
    with pytest.raises(OSError, match="is a device"):
        snap.save(link, snapshot())
    assert link.is_symlink() and os.readlink(link) == "/dev/null"


@posix_only
def test_loading_a_fifo_returns_at_once_in_process_and_in_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    refused = _within_limit(lambda: snap.load(fifo))
    assert isinstance(refused, snap.SnapshotError) and "is a FIFO" in str(refused)
    said = "pipe.json is a FIFO (named pipe), not a snapshot file"
    shown = _ramlens("snapshot", "show", str(fifo))  # the command itself, end to end
    assert shown.returncode == 1 and said in shown.stderr
    assert _within_limit(lambda: cli.main(["snapshot", "diff", str(fifo), str(fifo)])) == 1
    assert said in capsys.readouterr().err


@posix_only
def test_devices_and_folders_get_the_right_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(snap.SnapshotError, match=r"^zero is a device, not a snapshot file$"):
        snap.load("/dev/zero")  # was: "zero is 64 MiB; a snapshot is at most 64 MiB"
    with pytest.raises(snap.SnapshotError, match=r"^/ is a folder, not a snapshot file$"):
        snap.load("/")  # was: " is a folder" (an empty name)


def test_nan_is_named_once(tmp_path: Path) -> None:
    path = tmp_path / "nan.json"
    path.write_text('{"a": NaN}')
    with pytest.raises(snap.SnapshotError) as info:
        snap.load(path)
    assert str(info.value) == "nan.json: not a snapshot: NaN is not a number it may hold"


@posix_only
def test_replacing_a_snapshot_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "shared.json"
    snap.save(target, snapshot())
    target.chmod(0o644)
    snap.save(target, replace(snapshot(), app_version="2"))
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    new = tmp_path / "new.json"
    snap.save(new, snapshot())
    assert stat.S_IMODE(new.stat().st_mode) == 0o600  # a new snapshot is private (process names)


@posix_only
@root_only
def test_replacing_a_snapshot_as_root_keeps_its_owner(tmp_path: Path) -> None:
    target = tmp_path / "theirs.json"
    snap.save(target, snapshot())
    os.chown(target, 65534, 65534)
    target.chmod(0o640)
    snap.save(target, replace(snapshot(), app_version="2"))
    st = target.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (65534, 65534, 0o640)


def test_stale_temp_files_of_an_interrupted_save_are_removed(tmp_path: Path) -> None:
    old = tmp_path / ".a.json.ramlens.k3j_9xzq.tmp"  # what a save killed mid-write leaves
    fresh = tmp_path / ".b.json.ramlens.q8w7e6r5.tmp"  # another save, still writing
    foreign = tmp_path / ".c.json.abcdefgh.tmp"  # not ours
    for path in (old, fresh, foreign):
        path.write_text("{")
    long_ago = time.time() - fileio.STALE_AFTER - 60
    os.utime(old, (long_ago, long_ago))
    os.utime(foreign, (long_ago, long_ago))
    snap.save(tmp_path / "s.json", snapshot())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["s.json", fresh.name, foreign.name])


def test_a_reading_the_loader_would_refuse_is_not_written(tmp_path: Path) -> None:
    absurd = replace(sample(), total_bytes=1 << 60, available_bytes=1 << 59)  # 1 EiB of RAM
    target = tmp_path / "absurd.json"
    with pytest.raises(OSError, match="not a valid snapshot, nothing was written"):
        snap.save(target, snapshot(sample=absurd))
    assert list(tmp_path.iterdir()) == []
