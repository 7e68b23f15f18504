"""The action catalogue: stable ids, canonical order, per-OS support."""

from __future__ import annotations

import pytest

from app import actions


def test_ids_are_the_designs_in_canonical_order():
    assert actions.ACTION_IDS == (
        "combine-pages",
        "compression-store",
        "system-file-cache",
        "registry-cache",
        "working-sets",
        "modified-list",
        "modified-file-cache",
        "standby-list",
        "standby-priority0",
        "kernel-caches",
        "compact",
    )
    assert len(set(actions.ACTION_IDS)) == len(actions.ACTION_IDS)


def test_linux_actions():
    assert [a.id for a in actions.for_platform("linux")] == [
        "working-sets",
        "modified-list",
        "standby-list",
        "kernel-caches",
        "compact",
    ]
    assert "kernel-caches" not in {a.id for a in actions.for_platform("windows")}


def test_lookup_and_labels():
    assert actions.is_known("all") and actions.is_known("standby-list") and not actions.is_known("bogus")
    assert actions.label("all") == "Empty all"
    assert actions.label("standby-list") == "Purge standby list"
    assert actions.by_rammap_switch("-Et").id == "standby-list"
    with pytest.raises(KeyError):
        actions.get("all")
    with pytest.raises(KeyError):
        actions.by_rammap_switch("-Ex")


def test_disruptive_flags():
    disruptive = {a.id for a in actions.CATALOGUE if a.disruptive}
    assert {"standby-list", "working-sets", "modified-list"} <= disruptive
    assert "compact" not in disruptive and "kernel-caches" not in disruptive
