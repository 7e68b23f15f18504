"""`--json` output stays valid JSON for any file name the kernel hands back."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app import cli


def test_files_json_with_a_file_name_that_is_not_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = os.fsdecode(b"caf\xe9-\xff.bin")  # Latin-1 bytes: not UTF-8, decoded with surrogate escapes
    path = tmp_path / name
    path.write_bytes(b"x" * 8192)
    path.read_bytes()
    # capsys's stdout encodes UTF-8 strictly, as a real stdout does with PYTHONIOENCODING=utf-8:
    # a surrogate printed raw would raise here.
    assert cli.main(["files", str(tmp_path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [f["path"] for f in doc["files"]] == [str(path)]
    assert os.fsencode(doc["files"][0]["path"]).endswith(b"caf\xe9-\xff.bin")
