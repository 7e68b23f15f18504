"""Settings every test folder needs, so that any subset (``pytest tests/windows``, one file) runs on its own.

Qt must find a platform without a display: the offscreen one is chosen here, before any test module imports
Qt (a conftest in a subfolder would be too late for the folders beside it). A display the developer has is
not used — screenshots and sizes then match CI's.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import Phase, settings  # noqa: E402

# `dev.py mutate` runs the tests once per mutant: fewer, reproducible examples keep that affordable, and no
# shrinking (a killed mutant needs one failing example, not the smallest; shrinking took up to 30 s a mutant).
settings.register_profile(
    "mutate",
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
    phases=(Phase.explicit, Phase.generate),
    report_multiple_bugs=False,
)
if os.environ.get("RAMLENS_HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["RAMLENS_HYPOTHESIS_PROFILE"])
