"""Settings every test folder needs, so that any subset (``pytest tests/windows``, one file) runs on its own.

Qt must find a platform without a display: the offscreen one is chosen here, before any test module imports
Qt (a conftest in a subfolder would be too late for the folders beside it). A display the developer has is
not used — screenshots and sizes then match CI's.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
