"""`--json` output stays valid JSON for any file name the kernel hands back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def test_files_json_with_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9-\xff.bin")  # Latin-1 bytes: not UTF-8, decoded with surrogate escapes
    path = tmp_path / name
    path.write_bytes(b"x" * 8192)
    path.read_bytes()
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from app import cli; sys.exit(cli.main(sys.argv[1:]))"]
        + ["files", str(tmp_path), "--json"],
        capture_output=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[1],
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    doc = json.loads(done.stdout)
    assert [f["path"] for f in doc["files"]] == [str(path)]
    assert os.fsencode(doc["files"][0]["path"]).endswith(b"caf\xe9-\xff.bin")
