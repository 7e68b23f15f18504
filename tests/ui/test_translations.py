"""The window in Chinese: every visible text translated, the .ts complete, the .qm in step with it.

The window is built offscreen under zh_CN, on the fake backend (as root and not, Linux and Windows
flavours) and on the real Linux backend; every tab, menu, action, tooltip, header and the dialogs that
open without a person are walked, and a text counts as left in English when, after the tokens that are
the same in both languages (units, kernel names, paths, the backend's names), a Latin word remains.
"""

from __future__ import annotations

import platform
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from tests.fake_backend import FakeBackend
from ui import i18n
from ui.tabs import tab_keys

ROOT = Path(__file__).resolve().parents[2]
TS = i18n.I18N_DIR / "ramlens_zh_CN.ts"
QM = i18n.I18N_DIR / "ramlens_zh_CN.qm"

# Words that are the same in both languages: units, names, notations.
SAME_IN_BOTH = {
    "RAMLens",
    "Slab",  # the kernel allocator's name
    "English",  # the language menu names each language in its own words
    "PID",
    "Ctrl",
    "B",
    "KiB",
    "MiB",
    "GiB",
    "TiB",
    "KB",
    "MB",
    "GB",
    "png",
    "svg",
    "csv",
    "PNG",
    "SVG",
    "CSV",
    "root",  # the Unix account's name
    "DMA",
    "DMA32",
    "Normal",  # kernel zone names, as /proc/zoneinfo spells them
    "Movable",
    "0x",
}
# Kernel identifiers (extfrag_threshold, MADV_PAGEOUT), paths (/proc/meminfo), file names, CamelCase
# meminfo keys (KReclaimable, SwapCached) and hexadecimal numbers are names, not words to translate.
NAME_LIKE = re.compile(
    r"(?:\S*[_/]\S*|[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}\w*|\w+\.\w+|0x[0-9a-fA-F]+|\w+\(\)|[A-Za-z]+\d\w*)"
)
WORD = re.compile(r"[A-Za-z]{2,}")
CJK = re.compile(r"[\u4e00-\u9fff]")
PHRASE = re.compile(r"[A-Za-z]{2,}(?:[ ,.;:'’-]+[A-Za-z]{2,}){2,}")


MARKUP = re.compile(r"<[^>]+>|&\w+;")  # rich text: tags and entities


def longest_first(names: Iterable[str]) -> tuple[str, ...]:
    """Names in the order they are taken out of a text: a longer name before one it contains."""
    return tuple(sorted(names, key=len, reverse=True))


def english_left(text: str, names: tuple[str, ...]) -> str:
    """The first Latin word left in ``text`` once ``names`` (longest first), units and identifiers are
    taken out; "" for none."""
    plain = MARKUP.sub(" ", text)
    for name in names:
        plain = plain.replace(name, " ")
    plain = NAME_LIKE.sub(" ", plain)
    if CJK.search(plain):
        # Translated text keeps product and kernel names (System Informer, slab, inode) in Latin letters;
        # English left over from a composed message shows as a phrase of three or more words.
        phrase = PHRASE.search(plain)
        return phrase.group(0) if phrase else ""
    for word in WORD.findall(plain):
        if word not in SAME_IN_BOTH:
            return word
    return ""


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a person can see on ``widget`` and its children."""
    for w in [widget, *widget.findChildren(QWidget)]:
        where = f"{type(w).__name__}({w.objectName()})"
        if w.isWindow():
            yield f"{where}.windowTitle", w.windowTitle()
        yield f"{where}.toolTip", w.toolTip()
        if isinstance(w, (QLabel, QAbstractButton)):
            yield f"{where}.text", w.text()
        if isinstance(w, QLineEdit):
            yield f"{where}.placeholderText", w.placeholderText()
        if isinstance(w, (QGroupBox, QMenu)):
            yield f"{where}.title", w.title()
        if isinstance(w, QDockWidget):
            yield f"{where}.windowTitle", w.windowTitle()
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{where}.tab[{i}]", w.tabText(i)
                yield f"{where}.tabToolTip[{i}]", w.tabToolTip(i)
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{where}.item[{i}]", w.itemText(i)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for col in range(model.columnCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(col, Qt.Orientation.Horizontal, role)
                    if isinstance(value, str):
                        yield f"{where}.header[{col}]", value
        for action in w.actions():
            yield f"{where}.action", action.text()
            yield f"{where}.action.toolTip", action.toolTip() if action.toolTip() != action.text() else ""
            if action.menu() is not None:
                yield f"{where}.action.menu", action.menu().title()


def untranslated(widget: QWidget, names: tuple[str, ...]) -> list[str]:
    """Every text of ``widget`` with English left in it, as 'where: text'."""
    found = []
    for where, text in widget_texts(widget):
        word = english_left(text.replace("&", ""), names)
        if word:
            found.append(f"{where}: {text!r} ({word!r})")
    return sorted(set(found))


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The application speaks zh_CN for one test, then English again."""
    installed = i18n.install(qapp, QLocale("zh_CN"))
    assert installed, "no zh_CN translation is installed"
    yield
    i18n.install(qapp, QLocale("en_US"))


def backend_names(window: object) -> tuple[str, ...]:
    """Names the backend reports (its name, platform, detail keys), longest first: shown as they are in
    any language."""
    backend = window.backend  # type: ignore[attr-defined]
    names = {backend.name, backend.platform, platform.node(), platform.release(), platform.platform()}
    latest = window.sampler.latest  # type: ignore[attr-defined]
    if latest is not None:
        names.update(str(k) for k in latest.details)
        names.update(latest.backend.split())
        # List keys (shown next to the label in its tooltip) are identifiers, like meminfo's field names.
        names.update(f"({m.key})" for top in latest.lists for m in (top, *top.parts))
    return longest_first(names)


def walk(window: object, qtbot: object) -> list[str]:
    """Open every tab (lazy ones too), then collect what is left in English, window and dialogs."""
    # The tabs are those `--tab` knows before the window is built (ui/tabs.py).
    assert window.view_keys() == tab_keys(window.capabilities)  # type: ignore[attr-defined]
    for key in window.view_keys():  # type: ignore[attr-defined]
        window.show_view(key)  # type: ignore[attr-defined]
        QApplication.processEvents()
    window.sampler.sample_now()  # type: ignore[attr-defined]
    autoclean = window.plugins.get("autoclean")  # type: ignore[attr-defined]
    if autoclean is not None:
        autoclean.log_view  # noqa: B018 (the dock's log is made when first shown)
    QApplication.processEvents()
    names = backend_names(window)
    problems = untranslated(window, names)  # type: ignore[arg-type]
    for menu in window.findChildren(QMenu):  # type: ignore[attr-defined]
        menu.aboutToShow.emit()  # menus that fill themselves when opened
        problems += untranslated(menu, names)
    tree = window.lists_view.tree  # type: ignore[attr-defined]
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    items += [top.child(j) for top in items for j in range(top.childCount())]
    assert len(items) > 4, "the lists table is empty"
    for item in items:  # the lists and their parts, as the backend names them
        for text in (item.text(0), item.toolTip(0)):
            word = english_left(text, names)
            if word:
                problems.append(f"lists table: {text!r} ({word!r})")
    legend = window.history_view.legend  # type: ignore[attr-defined]
    assert legend.items, "the chart has no legend"
    for _sample, label in legend.items:  # pyqtgraph draws these, outside the widget tree
        word = english_left(label.text, names)
        if word:
            problems.append(f"chart legend: {label.text!r} ({word!r})")
    snapshots = window.plugins.get("snapshots")  # type: ignore[attr-defined]
    if snapshots is not None:
        path = str(Path(tempfile.mkdtemp(prefix="ramlens-zh-")) / "a.ramlens.json")
        assert snapshots.save_to(path)
        viewer = snapshots.open_path(path)
        for index in range(viewer.tabs.count()):
            viewer.tabs.setCurrentIndex(index)
            QApplication.processEvents()
        problems += untranslated(viewer, names)
        viewer.close()
        compared = snapshots.compare(path, None)
        problems += untranslated(compared, names)
        compared.reject()
    if autoclean is not None:
        dialog = autoclean.open_settings()
        problems += untranslated(dialog, names)
        dialog.reject()
    return sorted(set(problems))


@pytest.mark.parametrize(
    "backend",
    [
        FakeBackend(),
        FakeBackend(privileged=False),
        FakeBackend(platform="windows"),
        FakeBackend(platform="windows", privileged=False),
    ],
    ids=["linux-root", "linux-user", "windows-admin", "windows-user"],
)
def test_window_on_the_fake_backend_is_all_chinese(chinese, make_window, qtbot, backend) -> None:  # type: ignore[no-untyped-def]
    window = make_window(backend)
    assert window.tabs.tabText(0) == "内存列表"  # the translator is really in use
    assert walk(window, qtbot) == []


def test_window_on_the_real_linux_backend_is_all_chinese(chinese, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    linux = pytest.importorskip("app.backends.linux")
    if not Path("/proc/meminfo").exists():
        pytest.skip("needs Linux's /proc")
    window = make_window(linux.LinuxBackend())
    assert walk(window, qtbot) == []


def test_english_is_detected() -> None:
    """The check finds English words and lets names, units and identifiers through."""
    assert english_left("Purge standby list", ()) == "Purge"
    assert english_left("清空待机列表 1.9 GiB · extfrag_threshold · /proc/meminfo · KReclaimable", ()) == ""
    assert english_left("<b>内存</b>&nbsp;procfs", ("procfs",)) == ""
    assert english_left("修剪工作集，与 System Informer 的做法相同", ()) == ""
    assert english_left("清空待机列表：needs root to run", ()) == "needs root to run"


def _messages() -> list[ET.Element]:
    return list(ET.parse(TS).getroot().iter("message"))


def test_the_ts_has_no_unfinished_entry() -> None:
    unfinished = [
        m.findtext("source")
        for m in _messages()
        if (t := m.find("translation")) is None or t.get("type") == "unfinished" or not (t.text or "").strip()
    ]
    assert unfinished == []


def test_placeholders_survive_translation() -> None:
    """Each {name} of a source text is in its translation, or .format() would raise or drop a value."""
    wrong = []
    for m in _messages():
        source, translation = m.findtext("source") or "", m.findtext("translation") or ""
        if sorted(re.findall(r"\{[^}]*\}", source)) != sorted(re.findall(r"\{[^}]*\}", translation)):
            wrong.append(source)
    assert wrong == []


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(__import__("sys").executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed next to this Python")
    out = tmp_path / "check.qm"
    subprocess.run([lrelease, "-silent", "-nounfinished", str(TS), "-qm", str(out)], check=True)
    assert out.read_bytes() == QM.read_bytes(), "run `python3 dev.py translations` and commit the .qm"


def test_language_choice_is_remembered_and_chooses_the_locale(make_window, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert i18n.chosen_language(settings) is i18n.Language.SYSTEM
    window.language_actions[i18n.Language.CHINESE_SIMPLIFIED].trigger()
    assert settings.value(i18n.SETTING) == "zh_CN"
    assert i18n.chosen_language(settings) is i18n.Language.CHINESE_SIMPLIFIED
    chosen = i18n.effective_locale(i18n.chosen_language(settings), QLocale("en_US"))
    assert i18n.qm_file(chosen) == QM
    assert i18n.qm_file(i18n.effective_locale(i18n.Language.ENGLISH, QLocale("zh_CN"))) is None
    assert i18n.qm_file(i18n.effective_locale(i18n.Language.SYSTEM, QLocale("zh_CN"))) == QM
    settings.setValue(i18n.SETTING, "klingon")
    assert i18n.chosen_language(settings) is i18n.Language.SYSTEM


def test_autoclean_status_while_on_is_chinese(chinese, make_window) -> None:  # type: ignore[no-untyped-def]
    """The engine composes "on: in use > 90 %" in English; the window rebuilds it in Chinese."""
    from dataclasses import replace

    from app.autoclean import State, Status
    from ui.autoclean import status_text

    window = make_window()
    controller = window.autoclean.controller
    controller.apply(replace(controller.engine.settings, enabled=True, usage_rule=True, usage_percent=90))
    assert controller.engine.status().state is State.ON
    assert window.autoclean.status_label.text() == "自动清理：开启：使用中 > 90 %"
    backing_off = Status(State.ON, "on: in use > 90 %; backing off", (), 2)
    assert (
        status_text(backing_off, controller.engine.settings)
        == "开启：使用中 > 90 %；正在退避（已有 2 次清理未见效）"
    )
