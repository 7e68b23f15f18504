"""Marking text for translation where app/ defines it, without importing Qt.

``N_("context", "text")`` returns ``text`` unchanged: the command line stays English. The
window shows the same text through Qt's translator (``ui.i18n.translate(context, text)``), and
``python3 dev.py translations`` teaches pyside6-lupdate that ``N_`` marks a message, exactly
like Qt's ``QT_TRANSLATE_NOOP`` (docs/translations.md).
"""

from __future__ import annotations


def N_(context: str, text: str) -> str:  # noqa: N802 (gettext's customary name for a no-op marker)
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text
