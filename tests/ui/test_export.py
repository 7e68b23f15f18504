"""File › Export chart… in all three formats, each parsed back."""

from __future__ import annotations

import csv
import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage

from app import csvlog
from tests.fake_backend import GIB, FakeBackend
from tests.ui.helpers import menu_action


@pytest.fixture
def window_with_history(make_window, qtbot):  # type: ignore[no-untyped-def]
    backend = FakeBackend()
    window = make_window(backend)
    window.show_view("history")
    for _ in range(5):
        window.sampler.sample_now()
    return window


def _export_through_the_menu(window, monkeypatch, path, chosen_filter, width=None):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        "ui.mainwindow.QFileDialog.getSaveFileName", lambda *a, **k: (str(path), chosen_filter)
    )
    if width is not None:
        monkeypatch.setattr("ui.mainwindow.QInputDialog.getInt", lambda *a, **k: (width, True))
    menu_action(window.file_menu, "Export chart").trigger()


def test_png_at_the_chosen_width(window_with_history, monkeypatch, tmp_path):
    target = tmp_path / "chart.png"
    _export_through_the_menu(window_with_history, monkeypatch, target, "PNG image (*.png)", width=1500)
    image = QImage(str(target))
    assert not image.isNull() and image.width() == 1500 and image.height() > 300
    assert window_with_history.message_bar.label.text() == f"Chart exported to {target}"


def test_svg_is_well_formed_xml(window_with_history, monkeypatch, tmp_path):
    target = tmp_path / "chart"  # no suffix typed: the chosen filter supplies it
    _export_through_the_menu(window_with_history, monkeypatch, target, "SVG drawing (*.svg)")
    written = tmp_path / "chart.svg"
    root = ET.parse(written).getroot()
    assert root.tag.endswith("svg")
    text = written.read_text()
    assert "path" in text and "Standby" in text  # the areas and the legend are there


def test_csv_has_one_row_per_sample(window_with_history, monkeypatch, tmp_path):
    target = tmp_path / "history.csv"
    _export_through_the_menu(window_with_history, monkeypatch, target, "CSV table (*.csv)")
    with open(target, newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == list(csvlog.HEADER)  # the same columns as `ramlens watch --csv`
    assert len(rows) - 1 == len(window_with_history.history)
    for row in rows[1:]:
        dt.datetime.fromisoformat(row[0].replace("Z", "+00:00"))
        assert sum(int(c) for c in row[3:] if c) == 16 * GIB == int(row[1])
    assert int(rows[1][rows[0].index("standby_bytes")]) == 8 * GIB


def test_export_error_is_shown(window_with_history, monkeypatch, tmp_path):
    target = tmp_path / "missing-dir" / "chart.csv"
    _export_through_the_menu(window_with_history, monkeypatch, target, "CSV table (*.csv)")
    assert window_with_history.message_bar.level == "error"
    assert "Could not export the chart" in window_with_history.message_bar.label.text()
