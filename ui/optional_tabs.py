"""The installers of the optional tabs (Fragmentation, Physical pages, Files), kept apart from
the views: a tab is added where the backend offers its source, and its view's module (with
pyqtgraph and numpy) is imported only when the tab is first shown, off the start-up path."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.window_api import WindowApi


def install_fragmentation(window: WindowApi) -> None:
    """Add the Fragmentation tab (made when first shown) where the backend offers fragmentation."""
    source = window.capabilities.fragmentation
    if source is None:
        return

    def make() -> QWidget:
        from ui.views.fragmentation import FragmentationView

        return FragmentationView(window, source, parent=window.widget)

    window.add_lazy_view("fragmentation", "Fragmentation", make)


def install_pages(window: WindowApi) -> None:
    """Add the Physical pages tab (made when first shown) where the backend offers a page census."""
    source = window.capabilities.page_census
    if source is None:
        return
    ranges = window.capabilities.physical_ranges
    reader = None if ranges is None else ranges.read
    frames = window.capabilities.page_frames

    def make() -> QWidget:
        from ui.views.pages import PagesView, share_owners

        view = PagesView(source, parent=window.widget, ranges=reader, frames=frames)
        view.census_taken.connect(lambda census: share_owners(window, census))
        return view

    window.add_lazy_view("pages", "Physical pages", make)


def install_files(window: WindowApi) -> None:
    """Add the Files tab (made when first shown) when the backend offers a file-cache source."""
    source = window.capabilities.file_cache
    if source is None:
        return

    def make() -> QWidget:
        from ui.views.files import FilesView

        view = FilesView(
            source, lambda: window.sampler.latest, window.sampler.sample_now, parent=window.widget
        )
        window.sampler.sampled.connect(view.set_sample)
        return view

    window.add_lazy_view("files", "Files", make)
