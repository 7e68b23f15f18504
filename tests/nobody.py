"""Running Python as the unprivileged user nobody (setpriv), for tests of the non-root paths."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# By absolute path: a test may run the child with a PATH that has no setpriv on it.
SETPRIV_NOBODY = [shutil.which("setpriv") or "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
CLI = "import sys; from app import cli; sys.exit(cli.main(sys.argv[1:]))"

needs_nobody = pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("setpriv"),
    reason="needs root and setpriv (util-linux) to switch to the user nobody",
)


def run_python_as_nobody(code: str, *args: str, path: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -c code args…`` as nobody from the source tree; ``path`` replaces PATH."""
    env = {"PYTHONPATH": str(ROOT), "PATH": os.environ.get("PATH", "") if path is None else path}
    return subprocess.run(
        [*SETPRIV_NOBODY, sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
