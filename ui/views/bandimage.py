"""The history chart's stacked bands as an image kept from frame to frame.

The image has one pixel column per time bin, and bins are fixed in chart time: bin k covers chart
x [k·w, (k+1)·w), w being what one device pixel column spans. A new reading therefore changes
only the bins holding samples that were not there before (the newest one or two) and those at
the left edge that lost old samples; the others are kept. The columns live in a ring (bin k in
column k mod width), so a view moving with the readings neither recomputes nor moves the columns
it keeps. Anything else (another zoom, height, y-range, device, set of lists, or data that was
replaced rather than extended) starts the image again.

Filling does not depend on how jagged the data is: walking down a column, each boundary steps a
counter up (empty above the stack, then per band, top band first, one edge pixel one shade
darker and its fill, then empty below the baseline); the steps are marked in a byte image and
summed down the rows, and the sum is the pixel's colour index.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from ui.views.chartdata import bin_envelope

SMALL = 32  # columns computed with numpy alone below this (Qt's conversion pays off above)


@dataclass(frozen=True)
class Placement:
    """Where the bins land on the device: what a kept image must match to be reused.

    ``bin_width`` is compared with a relative tolerance (a following view's range is recomputed
    each frame, with rounding); everything else exactly.
    """

    bin_width: float  # chart x per column
    rows: tuple[float, float]  # device (logical) rows per byte, and the row of 0 bytes from the top
    top: float  # logical device y of the image's first row
    height: int  # device pixels
    ratio: float  # device pixel ratio
    columns: int  # width of the ring
    source: Hashable  # the data's identity and lists: equal only while the data is extended

    def same(self, other: Placement) -> bool:
        """Whether an image made for ``other`` can be reused for this one."""
        return abs(self.bin_width - other.bin_width) <= 1e-9 * other.bin_width and (
            self.rows,
            self.top,
            self.height,
            self.ratio,
            self.columns,
            self.source,
        ) == (other.rows, other.top, other.height, other.ratio, other.columns, other.source)


class BandImage:
    """Paints the stacked bands from a kept ring of pixel columns, recomputing only new bins."""

    def __init__(self) -> None:
        self._placement: Placement | None = None
        self._pixels = np.zeros((0, 0), dtype=np.uint32)
        self._covered = np.zeros(0, dtype=bool)
        self._image = QImage()
        self._valid = (0, 0)  # bins whose columns are right for the data bounded by _span
        self._span = (0.0, 0.0)  # first and last sample x when the columns were made
        self.recomputed = 0  # columns the last paint computed (the rest were kept)

    def paint(
        self,
        painter: QPainter,
        xs: np.ndarray,
        stack: np.ndarray,
        palette: Palette,
        placement: Placement,
        visible: tuple[float, float],
        origin: float,
    ) -> int:
        """Draw the bins covering chart x ``visible`` (within the data) with chart x 0 at logical
        device x ``origin`` (the painter untransformed); returns how many columns hold data."""
        if xs.size < 2:
            return 0
        if self._placement is None or not placement.same(self._placement):
            self._start(placement)
        w = self._placement.bin_width if self._placement is not None else placement.bin_width
        first, last = math.floor(visible[0] / w), math.ceil(visible[1] / w)
        last = min(last, first + placement.columns)
        keep_lo, keep_hi = self._kept(float(xs[0]), float(xs[-1]), w)
        keep_lo, keep_hi = max(keep_lo, first), min(keep_hi, last)
        if keep_hi <= keep_lo:
            keep_lo = keep_hi = last
        self.recomputed = 0
        for lo, hi in ((first, keep_lo), (keep_hi, last)):
            if hi > lo:
                self._compute(xs, stack, palette, lo, hi)
        self._valid, self._span = (first, last), (float(xs[0]), float(xs[-1]))
        self._draw(painter, first, last, origin)
        return int(sum(self._covered[piece].sum() for piece in self._ring(first, last)))

    def _start(self, placement: Placement) -> None:
        self._placement = placement
        self._covered = np.zeros(placement.columns, dtype=bool)
        # The ring is the image's own memory seen through numpy: columns written later show
        # without a copy, and Qt never reads memory that Python may have freed. Its pixel ratio
        # stays 1 (setting one could detach it from that memory): _draw scales instead.
        self._image = QImage(placement.columns, placement.height, QImage.Format.Format_ARGB32_Premultiplied)
        self._image.fill(0)
        rows = np.frombuffer(self._image.bits(), dtype=np.uint32)
        self._pixels = rows.reshape(placement.height, self._image.bytesPerLine() // 4)[:, : placement.columns]
        self._valid = (0, 0)

    def _kept(self, x_first: float, x_last: float, w: float) -> tuple[int, int]:
        """Bins whose kept columns are still right: made before, and holding no sample that came
        or went since (strictly inside both the old and the new data's first and last bins)."""
        lo = max(self._valid[0], math.floor(max(self._span[0], x_first) / w) + 1)
        hi = min(self._valid[1], math.floor(min(self._span[1], x_last) / w))
        return lo, hi

    def _ring(self, lo: int, hi: int) -> list[slice]:
        """The ring columns of bins lo..hi: one slice, or two where they wrap."""
        assert self._placement is not None
        size = self._placement.columns
        start = lo % size
        if start + hi - lo <= size:
            return [slice(start, start + hi - lo)]
        return [slice(start, size), slice(0, start + hi - lo - size)]

    def _compute(self, xs: np.ndarray, stack: np.ndarray, palette: Palette, lo: int, hi: int) -> None:
        """Compute bins lo..hi into their ring columns, from their samples and one beyond each side."""
        assert self._placement is not None
        placement = self._placement
        w = placement.bin_width
        for piece in self._ring(lo, hi):  # bins up to the ring's end, then those from its start
            count = piece.stop - piece.start
            edges = np.arange(lo, lo + count + 1) * w
            a = max(0, int(np.searchsorted(xs, edges[0])) - 1)
            b = min(xs.size, int(np.searchsorted(xs, edges[-1])) + 1)
            covered, values = bin_envelope(xs[a:b], stack[:, a:b], edges)
            band_pixels(values, covered, palette, placement.rows, placement.ratio, self._pixels[:, piece])
            self._covered[piece] = covered
            lo += count
            self.recomputed += count

    def _draw(self, painter: QPainter, first: int, last: int, origin: float) -> None:
        assert self._placement is not None
        placement = self._placement
        x = first / placement.ratio + origin
        for piece in self._ring(first, last):  # up to the ring's end, then from its start
            width = piece.stop - piece.start
            source = QRectF(piece.start, 0, width, placement.height)
            target = QRectF(x, placement.top, width / placement.ratio, placement.height / placement.ratio)
            painter.drawImage(target, self._image, source)
            x += width / placement.ratio


class Palette:
    """The colour of each index: transparent, then per band from the top its edge (one shade
    darker) and its fill, then transparent below the baseline."""

    def __init__(self, colors: list[QColor]):
        entries = [QColor(0, 0, 0, 0)]
        for color in reversed(colors):
            entries += [color.darker(125), color]
        entries.append(QColor(0, 0, 0, 0))
        self.table = [c.rgba() for c in entries]  # as Qt's indexed images take them
        self.premultiplied = np.array([_premultiplied(c) for c in entries], dtype=np.uint32)


def _premultiplied(color: QColor) -> int:
    a = color.alpha()
    r, g, b = ((c * a + 127) // 255 for c in (color.red(), color.green(), color.blue()))
    return (a << 24) | (r << 16) | (g << 8) | b


def band_pixels(
    values: np.ndarray,
    covered: np.ndarray,
    palette: Palette,
    to_rows: tuple[float, float],
    ratio: float,
    out: np.ndarray,
) -> None:
    """Write into ``out`` (height × columns, premultiplied ARGB) the stacked bands, one column per
    row of ``values`` (columns × boundaries); uncovered columns become transparent. ``to_rows``
    maps bytes to logical device rows from the image's top (scale, offset); ``ratio`` is the
    device pixel ratio."""
    columns, lists = values.shape
    height = out.shape[0]
    scale, offset = to_rows
    # Row of each boundary, baseline (0 bytes) first; rows grow downwards as bytes grow upwards.
    bounds = np.empty((columns, lists + 1))
    bounds[:, 0] = offset
    bounds[:, 1:] = scale * values + offset
    rows = np.clip(np.rint(bounds * ratio), 0, height).astype(np.int64)
    np.minimum.accumulate(rows, axis=1, out=rows)  # a band is never negative
    stride = (columns + 3) // 4 * 4  # Qt wants scan lines on 4-byte boundaries
    steps = np.zeros((height + 1, stride), dtype=np.uint8)
    shown = np.flatnonzero(covered)
    edges = rows[shown]
    for k in range(lists, 0, -1):  # top band first: its edge pixel, then its fill
        top = edges[:, k]
        steps[top, shown] += 1
        steps[np.minimum(top + 1, edges[:, k - 1]), shown] += 1
    steps[edges[:, 0], shown] += 1
    if columns < SMALL:
        out[...] = palette.premultiplied[np.cumsum(steps[:height, :columns], axis=0, dtype=np.uint8)]
        return
    index = steps[:height]
    for row in range(1, height):  # row by row: numpy's cumsum down the rows is slower here
        np.add(index[row - 1], index[row], out=index[row])
    indexed = QImage(index.data, columns, height, stride, QImage.Format.Format_Indexed8)
    indexed.setColorTable(palette.table)
    image = indexed.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    out[...] = np.frombuffer(image.constBits(), dtype=np.uint32).reshape(height, columns)  # while image lives
