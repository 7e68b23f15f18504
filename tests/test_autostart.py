"""Start with the session on Linux: the XDG autostart entry, and hotkey text."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.backends.base import ActionError
from app.backends.linux.autostart import XdgAutostart, autostart_dir, quote
from app.hotkey import HotkeyError, Modifier, parse
from tests.nobody import needs_nobody, run_python_as_nobody


def test_the_entry_is_written_with_the_command_and_removed(tmp_path: Path) -> None:
    start = XdgAutostart(tmp_path / "autostart", ["/opt/Ram Lens/bin/ramlens"])
    assert not start.enabled()
    start.enable()
    text = (tmp_path / "autostart" / "ramlens.desktop").read_text()
    assert text.startswith("[Desktop Entry]\nType=Application\n")
    assert 'Exec="/opt/Ram Lens/bin/ramlens" --minimized\n' in text  # quoted: it holds a space
    assert start.enabled() and start.location().endswith("autostart/ramlens.desktop")
    start.disable()
    assert not start.enabled() and list((tmp_path / "autostart").iterdir()) == []
    start.disable()  # absent already: nothing to do


def test_an_unwritable_place_is_an_error_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "autostart").write_text("a file where the directory should be")
    with pytest.raises(ActionError, match="could not write .*ramlens.desktop: File exists"):
        XdgAutostart(tmp_path / "autostart", ["ramlens"]).enable()


@needs_nobody
def test_a_folder_the_user_may_not_read_is_not_enabled_rather_than_a_crash(tmp_path: Path) -> None:
    start = XdgAutostart(tmp_path / "autostart", ["ramlens"])
    start.enable()  # as root, in a folder only root may enter (as HOME=/root is for anyone else)
    code = "import sys; from pathlib import Path; from app.backends.linux.autostart import XdgAutostart\n"
    code += "print(XdgAutostart(Path(sys.argv[1]), ['ramlens']).enabled())"
    done = run_python_as_nobody(code, str(start.directory))
    assert (done.returncode, done.stdout, done.stderr) == (0, "False\n", "")


def test_the_directory_follows_xdg_config_home() -> None:
    assert autostart_dir({"XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/a"}) == Path("/x/cfg/autostart")
    assert autostart_dir({"XDG_CONFIG_HOME": "relative", "HOME": "/home/a"}) == Path(
        "/home/a/.config/autostart"
    )


def test_exec_arguments_are_quoted_as_the_desktop_entry_spec_asks() -> None:
    assert quote("/usr/bin/ramlens") == "/usr/bin/ramlens"
    assert quote('a "b" $c') == '"a \\"b\\" \\$c"'
    assert quote("100%") == "100%%"


def test_hotkey_text_is_parsed_or_refused_with_the_reason() -> None:
    key = parse("ctrl + alt + m")
    assert key.modifiers == frozenset({Modifier.CTRL, Modifier.ALT}) and key.key == "M"
    assert str(key) == "Ctrl+Alt+M" and parse("Shift+F12").key == "F12"
    for bad, reason in (
        ("M", "needs Ctrl"),
        ("Ctrl+Hyper+M", "not Ctrl, Alt"),
        ("Ctrl+F25", "F1–F24"),
        ("", "type"),
    ):
        with pytest.raises(HotkeyError, match=reason):
            parse(bad)
