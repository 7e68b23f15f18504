"""The lists view at rest: the rounded figures follow every reading, the exact ones (page counts,
exact-bytes tooltips, the Details pane) follow a slower pace, catch up at once after a jump and
whenever they are hovered or scrolled into view; what is painted bit by bit equals a fresh paint.
Work is counted (model changes, paints, pixels), never timed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QTreeWidgetItem, QWidget

from app.model import DetailUnit, Sample
from tests.fake_backend import GIB, FakeBackend
from ui.views.lists import COL_NAME, COL_PAGES, COL_SHARE, COL_SIZE, ListsView
from ui.views.pace import EXACT_PACE, JUMP, ExactPace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "linux"
PAGE = 4096


def _at(sample: Sample, seconds: float) -> Sample:
    """The sample as if read ``seconds`` after a fixed start."""
    return replace(sample, monotonic=1000.0 + seconds)


def _shown_view(qtbot, width: int = 900, height: int = 600) -> ListsView:  # type: ignore[no-untyped-def]
    view = ListsView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def _row(view: ListsView, name: str) -> QTreeWidgetItem:
    root = view.tree.invisibleRootItem()
    rows = {root.child(i).text(COL_NAME): root.child(i) for i in range(root.childCount())}
    return rows[name]


def _hover(tree: QWidget, item: QTreeWidgetItem) -> None:
    """Ask the tree for the tooltip of ``item``, as resting the pointer on it does."""
    viewport = tree.viewport()  # type: ignore[attr-defined]
    where = tree.visualItemRect(item).center()  # type: ignore[attr-defined]
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, where, viewport.mapToGlobal(where)))


def test_exact_pace_is_due_after_its_seconds_a_jump_or_a_clock_going_back():
    backend = FakeBackend()
    pace = ExactPace()
    first = _at(backend.sample(), 0)
    assert pace.due(first)  # nothing written yet
    pace.written(first)
    backend.move("standby", "free", 0.001)
    assert not pace.due(_at(backend.sample(), 1))
    assert not pace.due(_at(backend.sample(), EXACT_PACE - 1))
    assert pace.due(_at(backend.sample(), EXACT_PACE))
    assert pace.due(_at(backend.sample(), -1))  # the clock went back: never wait for it
    backend.move("free", "active", 2.5 * JUMP * backend.total / backend.lists["free"])
    assert pace.due(_at(backend.sample(), 1))  # a jump is shown exactly at once


def test_live_readings_write_page_counts_and_tooltips_at_their_pace(qtbot):
    backend = FakeBackend()
    view = _shown_view(qtbot)
    view.refresh(_at(backend.sample(), 0))
    standby = _row(view, "Standby")
    assert standby.text(COL_PAGES) == f"{8 * GIB // PAGE:,}"
    backend.move("free", "standby", PAGE / backend.lists["free"])  # one page: the rounded size stays
    view.refresh(_at(backend.sample(), 1))
    assert standby.text(COL_SIZE) == "8.0 GiB"
    assert standby.text(COL_PAGES) == f"{8 * GIB // PAGE:,}"  # not due yet
    assert standby.toolTip(COL_SIZE) == f"{8 * GIB:,} bytes"
    backend.move("standby", "active", 0.01)  # 82 MiB: the rounded size moves, below a jump
    view.refresh(_at(backend.sample(), 2))
    moved = backend.lists["standby"]
    assert standby.text(COL_SIZE) == "7.9 GiB"  # at once
    assert standby.text(COL_PAGES) == f"{8 * GIB // PAGE:,}"  # still at its pace
    view.refresh(_at(backend.sample(), EXACT_PACE))
    assert standby.text(COL_PAGES) == f"{moved // PAGE:,}"
    assert standby.toolTip(COL_SIZE) == f"{moved:,} bytes"


def test_a_jump_writes_the_exact_figures_at_once(qtbot):
    backend = FakeBackend()
    view = _shown_view(qtbot)
    view.refresh(_at(backend.sample(), 0))
    backend.move("standby", "free", 0.5)  # an Empty action: 4 GiB, a quarter of RAM
    view.refresh(_at(backend.sample(), 1))
    assert _row(view, "Standby").text(COL_PAGES) == f"{backend.lists['standby'] // PAGE:,}"
    assert view.detail_item("commit_bytes").text(1) == "7.0 GiB"  # type: ignore[union-attr]


def test_hovering_a_row_or_a_detail_brings_it_up_to_date(qtbot):
    backend = FakeBackend()
    view = _shown_view(qtbot)
    view.refresh(_at(backend.sample(), 0))
    backend.move("free", "active", 3 * PAGE / backend.lists["free"])
    view.refresh(_at(backend.sample(), 1))
    active = _row(view, "In use")
    commit = view.detail_item("commit_bytes")
    assert commit is not None
    assert active.text(COL_PAGES) != f"{backend.lists['active'] // PAGE:,}"  # waiting for its pace
    assert commit.toolTip(1).endswith(f"{7 * GIB:,} bytes")
    _hover(view.tree, active)
    assert active.text(COL_PAGES) == f"{backend.lists['active'] // PAGE:,}"
    assert active.toolTip(COL_SIZE) == f"{backend.lists['active']:,} bytes"
    _hover(view.details, commit)
    assert commit.toolTip(1).endswith(f"{backend.lists['active'] + GIB:,} bytes")


def test_details_out_of_view_are_written_when_scrolled_into_view(qtbot):
    from app.backends.linux import LinuxBackend

    sample = _at(LinuxBackend(proc=FIXTURES / "busy-cache").sample(), 0)
    view = _shown_view(qtbot, 900, 420)  # the Details pane shows a few of its rows
    view.refresh(sample)
    last = max(sample.details, key=lambda k: view.details.visualItemRect(view.detail_item(k)).top())
    item = view.detail_item(last)
    assert item is not None and not view.details.viewport().rect().intersects(
        view.details.visualItemRect(item)
    )
    details = dict(sample.details)
    details[last] = 123_456
    units = {**sample.units, last: DetailUnit.COUNT}
    view.refresh(_at(replace(sample, details=details, units=units), EXACT_PACE))
    assert item.text(1) != "123,456"  # out of view: not written...
    view.details.scrollToItem(item)
    assert item.text(1) == "123,456"  # ...until it comes into view


def _painted(view: ListsView) -> QImage:
    """What is on the screen now, painted bit by bit (the window's backing store)."""
    return view.screen().grabWindow(view.winId()).toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_cells_painted_alone_look_like_a_fresh_paint(qtbot):
    backend = FakeBackend()
    view = _shown_view(qtbot, 1000, 600)
    view.refresh(_at(backend.sample(), 0))
    QApplication.processEvents()
    for second, (source, target, fraction) in enumerate(
        [("free", "active", 0.02), ("standby", "modified", 0.01), ("active", "standby", 0.3)], start=1
    ):
        backend.move(source, target, fraction)
        view.refresh(_at(backend.sample(), second * EXACT_PACE / 2))  # some exact, some not
        QApplication.processEvents()
    fresh = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    shown = _painted(view)
    assert shown.size() == fresh.size()
    assert shown == fresh


class _Paints(QObject):
    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.rects: list[tuple[int, int]] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            rect = event.rect()  # type: ignore[attr-defined]
            self.rects.append((rect.left(), rect.right()))
        return False


def test_memory_bar_repaints_only_a_label_that_changed(qtbot):
    mib = 1 << 20
    lists = {"active": 2 * GIB, "standby": 8 * GIB, "modified": 64 * mib, "free": 6 * GIB - 53 * mib}
    backend = FakeBackend(lists=lists)  # free reads "5.9 GiB"; modified is too narrow for a label
    view = _shown_view(qtbot, 1000, 600)
    view.refresh(_at(backend.sample(), 0))
    QApplication.processEvents()
    paints = _Paints(view.bar)
    backend.move("modified", "free", 2 * PAGE / backend.lists["modified"])
    view.refresh(_at(backend.sample(), 1))
    QApplication.processEvents()
    assert paints.rects == []  # a size nobody can read changed: nothing to repaint
    backend.move("modified", "free", 2 * mib / backend.lists["modified"])  # "6.0 GiB"; no edge moves a pixel
    view.refresh(_at(backend.sample(), 2))
    QApplication.processEvents()
    start_of_free = round(view.bar.width() * (10 * GIB + 64 * mib) / backend.total)
    assert paints.rects, "the new label was not painted"
    assert all(left >= start_of_free - 2 for left, _ in paints.rects)  # only the free segment


def test_share_bar_is_drawn_from_the_figure_written_on_it(qtbot):
    view = _shown_view(qtbot, 1000, 600)
    view.update_sample(FakeBackend().sample())
    QApplication.processEvents()
    image = view.tree.viewport().grab().toImage()
    for name in ("In use", "Standby", "Free"):
        item = _row(view, name)
        share = float(item.text(COL_SHARE).removesuffix(" %")) / 100
        cell = view.tree.visualRect(view.tree.indexFromItem(item, COL_SHARE))
        end = cell.left() + 4 + int((cell.width() - 4 - 8 - 64) * share)  # insets and the figure's room
        y = cell.center().y()
        inside, outside = (QColor(image.pixel(QPoint(x, y))) for x in (end - 3, end + 3))
        assert inside != outside, name  # the bar ends where the figure says
        assert QColor(image.pixel(QPoint(end + 3, y))) == QColor(image.pixel(QPoint(end + 20, y))), name


def _bar_ends_at_its_figure(view: ListsView, item: QTreeWidgetItem) -> bool:
    """Whether the share bar drawn in ``item``'s row ends where its figure says."""
    image = view.tree.viewport().grab().toImage()
    share = float(item.text(COL_SHARE).removesuffix(" %")) / 100
    cell = view.tree.visualRect(view.tree.indexFromItem(item, COL_SHARE))
    end = cell.left() + 4 + int((cell.width() - 4 - 8 - 64) * share)
    y = cell.center().y()
    inside, outside, further = (QColor(image.pixel(QPoint(x, y))) for x in (end - 3, end + 3, end + 20))
    return inside != outside and outside == further


def test_share_bar_is_drawn_in_a_selected_row_too(qtbot):
    view = _shown_view(qtbot, 1000, 600)
    view.update_sample(FakeBackend().sample())
    QApplication.processEvents()
    item = _row(view, "Standby")
    view.tree.setCurrentItem(item)
    QApplication.processEvents()
    assert item.isSelected()
    assert _bar_ends_at_its_figure(view, item)
    assert _bar_ends_at_its_figure(view, _row(view, "Free"))  # and in the rows not selected


def test_memory_bar_measures_its_labels_again_in_a_new_font(qtbot):
    lists = {"active": 2 * GIB, "standby": 6 * GIB, "modified": 3 * GIB, "free": 5 * GIB}
    view = _shown_view(qtbot, 1000, 600)
    view.refresh(_at(FakeBackend(lists=lists).sample(), 0))
    QApplication.processEvents()
    labels = {seg.key: text for seg, _, text in view.bar._layout()}
    assert labels["modified"].startswith("Modified")  # the name and size fit at this font
    font = view.bar.font()
    font.setPointSizeF(font.pointSizeF() * 3)
    view.bar.setFont(font)
    relaid = {seg.key: text for seg, _, text in view.bar._layout()}
    assert not relaid["modified"].startswith("Modified")  # three times wider: no longer fits


def test_a_detail_that_goes_and_comes_back_shows_its_value_again(qtbot):
    view = _shown_view(qtbot)
    sample = FakeBackend().sample()
    view.update_sample(sample)
    item = view.detail_item("commit_bytes")
    assert item is not None
    text, tip = item.text(1), item.toolTip(1)
    assert text and "bytes" in tip  # its value and the exact figure
    view.update_sample(replace(sample, details={}))
    assert view.detail_item("commit_bytes") is None
    view.update_sample(sample)  # the same value as before it went
    again = view.detail_item("commit_bytes")
    assert again is not None and again is not item
    assert (again.text(1), again.toolTip(1)) == (text, tip)


def test_a_list_given_another_label_is_shown_under_it(qtbot):
    backend = FakeBackend()
    view = _shown_view(qtbot)
    first = _at(backend.sample(), 0)
    view.refresh(first)
    backend.move("free", "active", 0.05)  # its size changes too: the row is formatted again
    moved = _at(backend.sample(), 1)
    renamed = replace(moved, lists=(replace(moved.lists[0], label="Renamed"), *moved.lists[1:]))
    view.refresh(renamed)
    names = [view.tree.topLevelItem(i).text(COL_NAME) for i in range(view.tree.topLevelItemCount())]
    assert "Renamed" in names and _row(view, "Renamed").text(COL_SIZE) != ""
    assert any(seg.label == "Renamed" for seg in view.bar.segments)
