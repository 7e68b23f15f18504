"""What an Empty result says to a person, in a line or a few: the window's banner, the tray's
notification and the CLI share these words.

The CLI speaks English; the window passes :class:`Words` that translate the marked templates
(context ``report``), action names and list labels, so each sentence is looked up whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app import actions
from app.i18n import N_
from app.model import ActionResult, ListChange
from app.units import format_bytes

NO_REASON = N_("report", "no reason given")
NOTHING_MOVED = N_("report", "no list changed by more than 1 MiB")


def _same(text: str) -> str:
    return text


def _list_label(change: ListChange) -> str:
    return change.label


@dataclass(frozen=True)
class Words:
    """How a report names things: English by default; the window gives its translations."""

    text: Callable[[str], str] = _same  # a template marked N_("report", …)
    action: Callable[[str], str] = actions.title  # an action id's name
    list_label: Callable[[ListChange], str] = _list_label


ENGLISH = Words()


def summary(result: ActionResult, words: Words = ENGLISH) -> str:
    """Where the pages went and how long it took, e.g. "Standby −1.9 GiB, Free +1.9 GiB, 0.4 s"."""
    parts = [
        _moved_lists(result, words),
        words.text(N_("report", "{seconds} s")).format(seconds=f"{result.elapsed:.1f}"),
    ]
    if result.message:
        parts.append(result.message)
    return ", ".join(parts)


def headline(result: ActionResult, words: Words = ENGLISH) -> str:
    """ "Purge standby list: Standby −1.9 GiB, Free +1.9 GiB, 0.4 s", or what failed and why."""
    title = words.action(result.action_id)
    if result.ok:
        return words.text(N_("report", "{action}: {summary}")).format(
            action=title, summary=summary(result, words)
        )
    return words.text(N_("report", "{action} failed: {reason}")).format(
        action=title, reason=result.message or words.text(NO_REASON)
    )


def breakdown(result: ActionResult, words: Words = ENGLISH) -> tuple[str, ...]:
    """For "Empty all": one line per action it ran, with where that action's pages went."""
    return tuple(
        words.text(N_("report", "{action}: {moved}")).format(
            action=words.action(step.action_id), moved=_moved(step, words)
        )
        for step in result.steps
    )


def _moved(step: ActionResult, words: Words) -> str:
    if not step.ok:
        return words.text(N_("report", "failed — {reason}")).format(
            reason=step.message or words.text(NO_REASON)
        )
    return _moved_lists(step, words)


def _moved_lists(result: ActionResult, words: Words) -> str:
    threshold = result.after.page_size * 256 if result.after else 0  # as ActionResult.summary: 1 MiB of noise
    moved = ", ".join(
        f"{words.list_label(c)} {format_bytes(c.delta, signed=True)}" for c in result.changes(threshold)
    )
    return moved or words.text(NOTHING_MOVED)


def notification(result: ActionResult, words: Words = ENGLISH) -> tuple[str, str]:
    """The tray notification after an Empty: a title and what moved (per action for "Empty all")."""
    title = words.action(result.action_id)
    if not result.ok and not result.steps:
        failed = words.text(N_("report", "{action} failed")).format(action=title)
        return failed, result.message or words.text(NO_REASON)
    body = "\n".join((summary(result, words) if result.ok else result.message, *breakdown(result, words)))
    if result.ok:
        return title, body
    return words.text(N_("report", "{action}: not everything worked")).format(action=title), body
