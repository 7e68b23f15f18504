"""app.processes: the per-process memory figures the Processes view and snapshots use."""

from __future__ import annotations

import os
import sys
from types import SimpleNamespace

import psutil
import pytest

from app.processes import ProcessMemory, PsutilProcesses, _from_info, list_processes


def test_lists_this_process_with_consistent_figures():
    rows = {p.pid: p for p in list_processes()}
    me = rows[os.getpid()]
    assert me.rss > 0 and me.private + me.shared == me.rss
    assert me.pss is None
    assert [p.pid for p in rows.values()] == sorted(rows)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PSS exists on Linux only")
def test_full_adds_pss_and_uss_for_own_process():
    me = next(p for p in list_processes(full=True) if p.pid == os.getpid())
    assert me.pss is not None and 0 < me.pss <= me.rss
    assert 0 < me.private <= me.rss


def test_linux_private_is_rss_minus_shared_without_smaps():
    info = {"pid": 7, "name": "x", "username": "u", "memory_info": SimpleNamespace(rss=100, shared=30)}
    assert _from_info(info, None) == ProcessMemory(7, "x", "u", 100, 70, 30, None)


def test_windows_private_bytes_are_capped_at_the_working_set():
    info = {"pid": 8, "name": "y.exe", "username": None, "memory_info": SimpleNamespace(rss=100, private=250)}
    assert _from_info(info, None) == ProcessMemory(8, "y.exe", "", 100, 100, 0, None)


def test_uss_and_pss_win_when_read():
    info = {"pid": 9, "name": "z", "username": "u", "memory_info": SimpleNamespace(rss=100, shared=10)}
    assert _from_info(info, SimpleNamespace(uss=40, pss=55)) == ProcessMemory(9, "z", "u", 100, 40, 60, 55)


def test_unreadable_process_is_left_out():
    assert _from_info({"pid": 1, "name": "init", "username": "root", "memory_info": None}, None) is None


def test_rows_carry_the_start_time_that_tells_a_reused_pid() -> None:
    me = next(p for p in list_processes() if p.pid == os.getpid())
    assert me.create_time == psutil.Process(os.getpid()).create_time()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PSS exists on Linux only")
def test_the_source_reads_pss_only_where_the_backend_says_it_exists() -> None:
    plain = next(p for p in PsutilProcesses(detailed=False).list(full=True) if p.pid == os.getpid())
    assert plain.pss is None
    detailed = next(p for p in PsutilProcesses(detailed=True).list(full=True) if p.pid == os.getpid())
    assert detailed.pss is not None and detailed.pss > 0
