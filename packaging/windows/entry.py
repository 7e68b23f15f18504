"""The frozen RAMLens's entry point (PyInstaller): the window or the command line, or an elevated child.

``RAMLens.exe --elevated-child OUTPUT ARGS…`` is how ``ramlens --elevate COMMAND`` runs the
command as administrator with its output going back to the waiting, unelevated RAMLens.
"""

from __future__ import annotations

import sys

from app.backends.windows import child, elevation
from ui import launcher

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == elevation.CHILD_OPTION:
        sys.exit(child.main(sys.argv[2:]))
    sys.exit(launcher.main())
