"""Strict readers for JSON documents RAMLens did not necessarily write (snapshots, helper output).

One set of field readers for every strict loader: each :class:`Strict` reader raises its owner's
error class (``ModelError``, ``SnapshotError``) with a sentence for a person, and nothing is
coerced — a bool is not a number, a float is not a whole number, NaN and Infinity are refused.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

# 2**50 bytes = 1 PiB: far beyond any RAM; larger sizes mean a corrupt document.
MAX_BYTES = 1 << 50
MAX_TEXT = 200


def is_int(value: Any) -> TypeGuard[int]:
    """A JSON whole number (not a bool, not a float)."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> TypeGuard[float]:
    """A finite JSON number (not a bool)."""
    return (is_int(value) or isinstance(value, float)) and math.isfinite(value)


def json_type(value: Any) -> str:
    """What a JSON value is, for a message ("an object", "a text"…)."""
    return {dict: "an object", list: "an array", str: "a text", bool: "true/false", type(None): "null"}.get(
        type(value), "a number"
    )


def short(value: Any) -> str:
    """``repr`` cut to 40 characters, for quoting a bad value in a message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


@dataclass(frozen=True)
class Strict:
    """Field readers that raise ``error`` (a ValueError subclass) on anything off."""

    error: type[ValueError]

    def parse(self, text: str) -> Any:
        """``json.loads`` that refuses NaN/Infinity, numbers past the digit limit and deep nesting."""
        try:
            return json.loads(text, parse_constant=self._reject_constant)
        except json.JSONDecodeError as exc:
            hint = "truncated" if exc.pos >= len(text.rstrip()) - 1 else "not valid JSON"
            raise self.error(f"{hint} (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
        except RecursionError:
            raise self.error("it is nested too deeply") from None
        except ValueError as exc:  # the integer digit limit; our own constant refusal passes as is
            if isinstance(exc, self.error):
                raise
            raise self.error(f"it holds a number too long to read ({exc})") from None

    def _reject_constant(self, token: str) -> Any:
        raise self.error(f"{token} is not a number it may hold")

    def obj(self, data: Any, what: str) -> Mapping[str, Any]:
        """``data`` as a JSON object."""
        if not isinstance(data, dict):
            raise self.error(f"{what} must be a JSON object, not {json_type(data)}")
        return data

    def array(self, data: Any, what: str, limit: int) -> list[Any]:
        """``data`` as a JSON array of at most ``limit`` entries."""
        if not isinstance(data, list):
            raise self.error(f"{what} must be a JSON array, not {json_type(data)}")
        if len(data) > limit:
            raise self.error(f"{what} has {len(data)} entries; at most {limit} are allowed")
        return data

    def text(self, obj: Mapping[str, Any], key: str, what: str, *, allow_empty: bool = False) -> str:
        """A text field of at most :data:`MAX_TEXT` characters (non-empty unless allowed)."""
        value = obj.get(key)
        if not isinstance(value, str) or len(value) > MAX_TEXT or (not value and not allow_empty):
            empty = "" if allow_empty else "non-empty "
            raise self.error(f"{what} {key!r} must be a {empty}text of at most {MAX_TEXT} characters")
        return value

    def whole(self, obj: Mapping[str, Any], key: str, what: str, lo: int, hi: int) -> int:
        """A whole-number field from ``lo`` to ``hi``."""
        value = obj.get(key)
        if not is_int(value) or not lo <= value <= hi:
            raise self.error(f"{what} {key!r} must be a whole number from {lo} to {hi}, not {short(value)}")
        return value

    def size(self, obj: Mapping[str, Any], key: str, what: str) -> int:
        """A size in bytes, 0 to 1 PiB."""
        value = obj.get(key)
        if not is_int(value) or not 0 <= value <= MAX_BYTES:
            raise self.error(
                f"{what} {key!r} must be a whole number of bytes from 0 to 1 PiB, not {short(value)}"
            )
        return value

    def key(self, key: str, what: str) -> None:
        """An object key used as a name: 1 to :data:`MAX_TEXT` characters."""
        if not key or len(key) > MAX_TEXT:
            raise self.error(f"{what} must be a text of 1 to {MAX_TEXT} characters")
