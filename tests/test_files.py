"""``ramlens files``: per-file page cache against fincore (util-linux), folder totals, eviction, interruption.

The page cache is shared with every other engineer on this machine (some drop it at times): each
comparison reads the file again right before measuring it twice, back to back.
"""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from app import cli
from app.backends.linux import filecache, residency
from app.backends.linux.filecache import PageCacheFiles
from app.filecache import FIGURES, Method
from tests.nobody import CLI, ROOT, needs_nobody, run_python_as_nobody

needs_fincore = pytest.mark.skipif(
    not shutil.which("fincore"), reason="fincore (util-linux) is not installed"
)
MIB = 1 << 20


def _make(path: Path, size: int) -> Path:
    path.write_bytes(os.urandom(size))
    with open(path, "rb+") as f:
        os.fsync(f.fileno())  # clean pages: eviction can drop them all
    return path


def _read(path: Path) -> None:
    with open(path, "rb") as f:
        while f.read(MIB):
            pass


def _fincore(path: Path) -> int:
    out = subprocess.run(
        ["fincore", "--bytes", "--raw", "--noheadings", "--output", "RES", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(out.split()[0])


def _files_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    status = cli.main(["files", "--json", *args])
    doc = json.loads(capsys.readouterr().out)
    assert status == 0, doc
    return doc


@needs_fincore
def test_agrees_with_fincore_for_a_file_just_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _make(tmp_path / "data.bin", 24 * MIB + 1234)
    for _attempt in range(3):  # another engineer's drop_caches can land between the two readings
        _read(path)
        doc = _files_json(capsys, str(path))
        reference = _fincore(path)
        ours = doc["files"][0]["cached_bytes"]
        if reference > 20 * MIB and abs(ours - reference) <= reference / 100:
            break
    assert reference > 20 * MIB
    assert abs(ours - reference) <= reference / 100
    entry = doc["files"][0]
    assert set(entry) == {"path", "size_bytes", *FIGURES}
    assert entry["path"] == str(path) and entry["size_bytes"] == 24 * MIB + 1234
    assert doc["totals"]["cached_bytes"] == ours and doc["totals"]["files"] == 1
    assert doc["complete"] is True


def test_folder_summary_lists_a_file_just_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    path = _make(inner / "read.bin", 4 * MIB)
    (tmp_path / "link").symlink_to("/usr")  # not followed: /usr's files must not appear
    _read(path)
    doc = _files_json(capsys, str(tmp_path))
    paths = [f["path"] for f in doc["files"]]
    assert str(path) in paths
    assert not [p for p in paths if p.startswith("/usr")]
    folder = next(d for d in doc["folders"] if d["path"] == str(inner))
    assert folder["files"] == 1 and folder["cached_bytes"] >= 3 * MIB


@needs_fincore
def test_evict_leaves_the_file_out_of_memory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _make(tmp_path / "evict.bin", 8 * MIB)
    _read(path)
    assert cli.main(["files", "--evict", "--yes", "--json", str(path)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert _fincore(path) == 0
    [row] = doc["evicted"]
    assert row["after_bytes"] == 0 and row["kept_bytes"] == 0 and row["error"] == ""
    assert row["moved_bytes"] == row["before_bytes"]


def test_evict_writes_dirty_pages_first(tmp_path: Path) -> None:
    path = tmp_path / "dirty.bin"
    with open(path, "wb") as f:
        f.write(os.urandom(2 * MIB))  # no fsync: the pages are dirty for a while
    [result] = PageCacheFiles().evict([str(path)])
    assert result.error == ""
    assert result.after is not None and result.after.cached_bytes == 0
    assert result.before is not None and result.before.cached_bytes >= 2 * MIB
    if result.before.dirty_bytes:
        assert result.wrote_dirty


@needs_nobody
def test_a_named_file_nobody_may_open_is_named() -> None:
    done = run_python_as_nobody(CLI, "files", "--json", "/etc/shadow")
    doc = json.loads(done.stdout)
    assert done.returncode == 1 and doc["refused"] == 1 and doc["files"] == []
    assert "/etc/shadow: Permission denied" in done.stderr


def test_evict_names_what_it_could_not_open(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["files", "--evict", "--yes", str(tmp_path / "missing")]) == 1
    assert "cannot open" in capsys.readouterr().out


def test_evict_without_yes_and_without_a_terminal_refuses(tmp_path: Path) -> None:
    path = _make(tmp_path / "kept.bin", MIB)
    _read(path)
    done = subprocess.run(
        [sys.executable, "-c", CLI, "files", "--evict", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert done.returncode == 2 and "--yes" in done.stderr
    assert done.stdout == ""  # nothing was evicted, so nothing is reported


def test_mincore_fallback_agrees_with_cachestat(tmp_path: Path) -> None:
    if residency.method() is not Method.CACHESTAT:
        pytest.skip("this kernel has no cachestat to compare with")
    path = _make(tmp_path / "both.bin", 6 * MIB)
    with open(path, "rb") as f:
        os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        os.pread(f.fileno(), MIB, 0)
        # cachestat counts pages readahead has inserted, mincore those already read: let the I/O settle
        for _attempt in range(20):
            a = residency.cachestat(f.fileno()).cached
            b = residency.mincore_pages(f.fileno(), 6 * MIB).cached
            if a == b:
                break
            time.sleep(0.05)
    assert a == b
    assert 0 < a <= 6 * MIB // os.sysconf("SC_PAGE_SIZE")


def test_bad_arguments_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["files", "--top", "0", "/"]) == 2
    assert cli.main(["files", "--evict", "--yes"]) == 2
    assert "--evict needs" in capsys.readouterr().err


def test_a_named_symlink_is_followed_but_not_inside_a_folder(tmp_path: Path) -> None:
    target = _make(tmp_path / "target.bin", MIB)
    _read(target)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "link").symlink_to(target)
    named = PageCacheFiles().scan([str(tmp_path / "sub" / "link")])
    assert [f.path for f in named.files] == [str(tmp_path / "sub" / "link")]
    assert named.files[0].size_bytes == MIB
    walked = PageCacheFiles().scan([str(tmp_path / "sub")])
    assert walked.files == () and walked.examined == 0


def test_a_missing_path_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["files", str(tmp_path / "nope")]) == 1
    assert "No such file or directory" in capsys.readouterr().err


def test_mounts_skip_pseudo_network_and_kernel_trees() -> None:
    text = (
        "/dev/vda / ext4 rw 0 0\nproc /proc proc rw 0 0\ntmpfs /dev/shm tmpfs rw 0 0\n"
        "srv:/x /mnt/nfs nfs4 rw 0 0\n/dev/vdb /srv/my\\040data xfs rw 0 0\n"
        "sshfs#a /mnt/s fuse.sshfs rw 0 0\n"
    )
    points = [m.point for m in filecache.local_mounts(filecache.parse_mounts(text))]
    assert points == ["/", "/srv/my data"]


def test_process_paths_include_a_file_this_process_holds(tmp_path: Path) -> None:
    path = _make(tmp_path / "held.bin", MIB)
    with open(path, "rb"):
        assert str(path) in filecache.process_paths()


def test_a_cancelled_system_scan_returns_what_it_found() -> None:
    calls: list[tuple[int, int]] = []
    scan = PageCacheFiles().scan(None, lambda d, e: calls.append((d, e)), lambda: len(calls) >= 4)
    assert not scan.complete
    assert scan.examined >= 4 * filecache.PROGRESS_EVERY
    assert scan.files  # the files processes use (this interpreter's own libraries) come first
    assert scan.roots[0] == filecache.PROCESSES
    assert all(expected >= done for done, expected in calls)


def test_ctrl_c_on_a_terminal_prints_partial_results(tmp_path: Path) -> None:
    """`ramlens files` (system scan), stderr on a terminal: progress, then SIGINT → partial JSON, 130."""
    master, slave = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-c", CLI, "files", "--json", "--top", "5"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=slave,
        text=True,
    )
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 60
    while b"looked at" not in seen and time.monotonic() < deadline and child.poll() is None:
        if select.select([master], [], [], 1)[0]:
            seen += os.read(master, 4096)
    assert b"looked at" in seen, seen
    child.send_signal(signal.SIGINT)
    out, _ = child.communicate(timeout=60)
    os.close(master)
    doc = json.loads(out)
    assert child.returncode == 130
    assert doc["complete"] is False and doc["examined"] > 0 and len(doc["files"]) <= 5


@needs_nobody
def test_as_nobody_unreadable_files_are_counted_and_others_measured() -> None:
    folder = Path(tempfile.mkdtemp(prefix="ramlens-files-"))  # pytest's tmp_path is root-only
    try:
        folder.chmod(0o755)
        secret = _make(folder / "secret.bin", MIB)
        secret.chmod(0o600)
        public = _make(folder / "public.bin", 2 * MIB)
        public.chmod(0o644)
        _read(public)
        done = run_python_as_nobody(CLI, "files", "--json", str(folder))
        doc = json.loads(done.stdout)
        assert doc["refused"] == 1  # secret.bin cannot be opened
        [entry] = doc["files"]  # public.bin: cachestat refuses a file nobody cannot write, mincore answers
        assert entry["path"] == str(public) and entry["cached_bytes"] >= MIB
        assert entry["dirty_bytes"] is None  # mincore cannot tell
    finally:
        shutil.rmtree(folder)
