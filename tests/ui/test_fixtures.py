"""The UI tests' own fixtures (tests/ui/conftest.py): what they promise the tests."""

from __future__ import annotations

import gc
import weakref

from tests.ui.test_fragmentation_view import FIXTURES, CountingSource


def test_a_widget_given_to_qtbot_is_held_until_pytest_qt_closes_it(make_window, qtbot):
    from ui.views.fragmentation import FragmentationView

    source = CountingSource(FIXTURES / "busy-cache", FIXTURES / "no-sys", 4096)
    view = FragmentationView(make_window(), source)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    left = weakref.ref(view)
    del view  # as when the test function returns: its cycles and pytest-qt's weak reference are left
    gc.collect()
    shown = left()
    # Not held, a collection that starts inside one of its paint events deletes the widget being
    # painted (pyqtgraph paints in Python): the run crashes.
    assert shown is not None and shown.isVisible()
