"""Text from files and other processes made safe to print on a terminal.

A snapshot's hostname or a process name is data, not terminal commands: a process can name
itself ``\\x1b[2J\\x1b]0;OWN\\x07`` and clear the screen or retitle the terminal of whoever prints
it. Every control character (C0, DEL, C1), the bidirectional overrides that reorder what is
shown, and lone surrogates (undecodable bytes of a file name, which a terminal cannot even be sent)
are replaced by a visible escape such as ``\\x1b``.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control and direction-override character shown as an escape."""
    return _UNSAFE.sub(_escape, text)
