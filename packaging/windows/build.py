"""Build the Windows distribution with PyInstaller: ``py dev.py dist`` runs this in the venv.

Makes the icon (an ICO holding the 256-pixel PNG) and the version resource from pyproject.toml,
then runs PyInstaller on ramlens.spec: RAMLens.exe (the window, no console) and
ramlens-cli.exe (the command line) in one folder, dist/RAMLens. Windows only: PyInstaller builds
for the system it runs on.
"""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BUILD = ROOT / "build" / "windows"


def ico_from_png(png: bytes) -> bytes:
    """An ICO file with one 256 × 256 PNG image (ICO allows PNG entries since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, 1)  # reserved, type 1 = icon, one image
    # width/height 0 mean 256; no palette; 1 plane; 32 bits; size; data right after this entry
    entry = struct.pack("<BBBBHHII", 0, 0, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


def version_file(version: str) -> str:
    """PyInstaller's version-resource description for ``version`` (e.g. 0.1.0)."""
    numbers = tuple(int(part) for part in (version.split(".") + ["0", "0", "0"])[:4])
    text = ".".join(str(n) for n in numbers)
    strings = {
        "CompanyName": "RAMLens",
        "FileDescription": "RAMLens memory inspector",
        "FileVersion": text,
        "InternalName": "RAMLens",
        "OriginalFilename": "RAMLens.exe",
        "ProductName": "RAMLens",
        "ProductVersion": text,
    }
    entries = ",\n".join(f"        StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
{entries}
    ])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])]),
  ]
)
"""


def project_version(pyproject: str) -> str:
    """The [project] version from pyproject.toml's text (tomllib is not in Python 3.10)."""
    found = re.search(r'^version\s*=\s*"([^"]+)"', pyproject, re.MULTILINE)
    if not found:
        raise SystemExit("pyproject.toml has no version")
    return found.group(1)


def main() -> int:
    """Write the icon and version file, then run PyInstaller on the spec."""
    if sys.platform != "win32":
        print("PyInstaller builds for the system it runs on: build the Windows distribution on Windows")
        return 2
    BUILD.mkdir(parents=True, exist_ok=True)
    version = project_version((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (BUILD / "ramlens.ico").write_bytes(
        ico_from_png((ROOT / "ui" / "resources" / "ramlens.png").read_bytes())
    )
    (BUILD / "version.txt").write_text(version_file(version), encoding="utf-8")
    import PyInstaller.__main__  # installed by dev.py dist

    PyInstaller.__main__.run(
        [
            str(HERE / "ramlens.spec"),
            "--noconfirm",
            "--distpath",
            str(ROOT / "dist"),
            "--workpath",
            str(BUILD / "work"),
        ]
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
