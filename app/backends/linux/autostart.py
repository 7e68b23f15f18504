"""Start with the session on Linux: an XDG autostart entry (~/.config/autostart/ramlens.desktop).

The desktop starts every ``*.desktop`` file in $XDG_CONFIG_HOME/autostart (default ~/.config) at
login (freedesktop.org Desktop Application Autostart Specification); the Exec line follows the
Desktop Entry Specification's quoting rules. The entry starts the window minimized to the tray.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from app.backends.base import ActionError

FILE_NAME = "ramlens.desktop"
# Characters that make the Desktop Entry Specification require an argument to be quoted.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def autostart_dir(environ: os._Environ[str] | dict[str, str] = os.environ) -> Path:
    """$XDG_CONFIG_HOME/autostart, or ~/.config/autostart when it is unset or not absolute."""
    base = environ.get("XDG_CONFIG_HOME", "")
    root = (
        Path(base)
        if base and os.path.isabs(base)
        else Path(environ.get("HOME", str(Path.home()))) / ".config"
    )
    return root / "autostart"


def quote(argument: str) -> str:
    """One Exec argument, quoted as the Desktop Entry Specification asks (and % doubled)."""
    argument = argument.replace("%", "%%")
    if not _RESERVED.intersection(argument):
        return argument
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in argument)
    return f'"{escaped}"'


def default_command() -> list[str]:
    """The installed ``ramlens`` when it is on PATH, else this interpreter running the launcher."""
    found = shutil.which("ramlens")
    return [found] if found else [sys.executable, "-m", "ui.launcher"]


def entry(command: Sequence[str]) -> str:
    """The .desktop file's text for ``command`` (started minimized to the tray)."""
    exec_line = " ".join(quote(a) for a in [*command, "--minimized"])
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=RAMLens\n"
        "Comment=Memory lists in the tray, started with the session\n"
        f"Exec={exec_line}\n"
        "Icon=ramlens\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


class XdgAutostart:
    """The autostart entry in one directory (tests pass a temporary one)."""

    def __init__(self, directory: Path | None = None, command: Sequence[str] | None = None):
        self.directory = directory or autostart_dir()
        self.command = list(command) if command is not None else default_command()

    @property
    def path(self) -> Path:
        """The entry's file."""
        return self.directory / FILE_NAME

    def enabled(self) -> bool:
        """True when the entry exists; False also when its folder may not be read (enable() then says why)."""
        return os.path.isfile(self.path)  # Path.is_file() raises PermissionError there: a crash at start-up

    def enable(self) -> None:
        """Write the entry; ActionError with the reason when it cannot be written."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(entry(self.command), encoding="utf-8")
            temporary.replace(self.path)  # never a half-written entry
        except OSError as exc:
            raise ActionError(f"could not write {self.path}: {exc.strerror or exc}") from None

    def disable(self) -> None:
        """Remove the entry (nothing to do when absent); ActionError with the reason on failure."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            raise ActionError(f"could not remove {self.path}: {exc.strerror or exc}") from None

    def location(self) -> str:
        """Where the entry lives, for a person."""
        return str(self.path)
