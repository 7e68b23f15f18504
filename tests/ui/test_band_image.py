"""The history chart's band image kept between frames: what it keeps must be what it would draw afresh."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage, QPainter

from ui.views.bandimage import SMALL, BandImage, Palette, Placement, band_pixels

HEIGHT = 120
COLUMNS = 64  # ring width: the visible bins plus room for partial ones
BIN = 7.3  # samples a second, bins of 7.3 s: every bin holds several samples
PALETTE = Palette([QColor("#d9644a"), QColor("#4a86cf"), QColor(40, 160, 90, 128)])  # one translucent


def _stack(n: int) -> np.ndarray:
    """Three jagged lists stacked (lists × samples), each jumping at random every second."""
    rng = np.random.default_rng(3)
    return np.cumsum(rng.random((3, n)) * 100 + 1, axis=0)


def _placement(source: object = "day") -> Placement:
    scale = -(HEIGHT - 4) / 330.0  # the stack's top (≤ 303) stays inside the image
    return Placement(BIN, (scale, HEIGHT - 2.0), 3.0, HEIGHT, 1.0, COLUMNS, source)


def _paint(band: BandImage, xs: np.ndarray, stack: np.ndarray, placement: Placement, visible) -> QImage:  # type: ignore[no-untyped-def]
    target = QImage(COLUMNS * 2, HEIGHT + 6, QImage.Format.Format_ARGB32_Premultiplied)
    target.fill(0)
    painter = QPainter(target)
    band.paint(painter, xs, stack, PALETTE, placement, visible, origin=-visible[0] / BIN + 10.4)
    painter.end()
    return target


def test_a_kept_image_draws_what_a_fresh_one_draws_frame_after_frame():
    xs, stack = np.arange(2000, dtype=float), _stack(2000)
    kept = BandImage()
    for frame in range(15):  # follow the readings: 4 new each frame, the oldest ones leave
        lo, hi = 4 * frame, 400 + 4 * frame
        visible = (xs[lo], xs[hi - 1])
        drawn = _paint(kept, xs[lo:hi], stack[:, lo:hi], _placement(), visible)
        assert drawn == _paint(BandImage(), xs[lo:hi], stack[:, lo:hi], _placement(), visible)
        if frame:
            assert 0 < kept.recomputed <= 4  # the newest bins and the one the oldest samples left
    for shift in (3, 20, 60):  # panning back over older data, with the same data kept
        visible = (600.0 - shift * BIN, 1000.0 - shift * BIN)
        lo, hi = int(visible[0]) - 1, int(visible[1]) + 2
        drawn = _paint(kept, xs[lo:hi], stack[:, lo:hi], _placement(), visible)
        assert drawn == _paint(BandImage(), xs[lo:hi], stack[:, lo:hi], _placement(), visible)


def test_other_data_or_another_placement_is_drawn_afresh():
    xs, stack = np.arange(500, dtype=float), _stack(500)
    band = BandImage()
    visible = (0.0, 400.0)
    _paint(band, xs, stack, _placement(), visible)
    _paint(band, xs, stack, _placement(), visible)
    assert band.recomputed == 1  # the same again: only the bin of the first sample (it may have lost some)
    _paint(band, xs, stack * 0.5, _placement("replaced"), visible)
    assert band.recomputed == 55  # every visible bin: ceil(400 / 7.3)
    taller = Placement(BIN, (-1.0, HEIGHT - 2.0), 3.0, HEIGHT, 1.0, COLUMNS, "replaced")
    _paint(band, xs, stack * 0.5, taller, visible)
    assert band.recomputed == 55


def test_a_few_columns_and_many_are_filled_alike():
    rng = np.random.default_rng(5)
    columns = 3 * SMALL
    values = np.cumsum(rng.random((columns, 3)) * 100, axis=1)
    covered = rng.random(columns) > 0.1
    rows = (-(HEIGHT - 4) / 330.0, HEIGHT - 2.0)
    whole = np.full((HEIGHT, columns), 0xDEADBEEF, dtype=np.uint32)  # what was there is overwritten
    band_pixels(values, covered, PALETTE, rows, 1.0, whole)  # Qt's conversion
    pieces = np.full_like(whole, 0xDEADBEEF)
    for i in range(0, columns, 8):
        band_pixels(values[i : i + 8], covered[i : i + 8], PALETTE, rows, 1.0, pieces[:, i : i + 8])
    assert np.array_equal(whole, pieces)  # numpy's lookup, translucent colour included
    assert (whole[:, ~covered] == 0).all() and (whole[:, covered] != 0).any()
