"""The real Windows backend, on the fake kernel, drawn by the real Lists view."""

from __future__ import annotations

import pytest

from tests.windows.conftest import Make

pytest.importorskip("PySide6", reason="the 32-bit Windows job has no Qt (no 32-bit PySide6 wheels)")
from ui.views.lists import COL_NAME, COL_REPURPOSED, COL_SIZE, ListsView  # noqa: E402


def test_lists_view_shows_windows_priorities_with_their_repurposed_counts(make: Make, qtbot) -> None:
    fake, backend = make()
    view = ListsView()
    qtbot.addWidget(view)
    view.update_sample(backend.sample())
    root = view.tree.invisibleRootItem()
    rows = {root.child(i).text(COL_NAME): root.child(i) for i in range(root.childCount())}
    assert {"Zeroed", "Modified no-write", "Bad"} <= set(rows)
    assert not view.tree.isColumnHidden(COL_REPURPOSED)
    standby = rows["Standby"]
    assert [standby.child(i).text(COL_REPURPOSED) for i in range(8)] == [f"{n:,}" for n in fake.repurposed]
    assert standby.child(3).toolTip(COL_SIZE).startswith(f"{fake.standby[3] * fake.page_size:,}")
