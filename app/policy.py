"""The one place deciding, for an Empty action here and now: can it run, why not, ask first, via the helper?

``ramlens empty``, RAMMap's -E switches, the window's Empty menu (shared by the tray) and the
backends' own refusal all read :func:`decide`; :func:`menu` is the Empty menu's model. A person is
asked before every disruptive action and before "all" (which runs the disruptive ones too);
RAMMap's switches are the one exception, as in RAMMap itself: a script runs them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app import actions

if TYPE_CHECKING:
    from app.backends.base import Availability

ALL_DESCRIPTION = "Runs every available Empty action in order."
HELPER_NOTE = "runs through the privileged helper; you will be asked for a password"


@dataclass(frozen=True)
class Decision:
    """What a front end needs to offer, refuse or run one action."""

    action_id: str
    label: str
    description: str  # what it does, for a tooltip or a question
    effect: str  # what happens afterwards (for "all": one line per action that would run)
    exists: bool  # the id names an action of this platform (or "all")
    can_run: bool
    reason: str  # why it cannot run, for a person; "" when it can
    confirm: bool  # ask a person before running it
    via_helper: bool  # runs through the privileged helper (pkexec), which asks for a password

    @property
    def tooltip(self) -> str:
        """The menu tooltip: what it does (and that the helper asks for a password), or why not."""
        if not self.can_run:
            return self.reason
        return f"{self.description} ({HELPER_NOTE})" if self.via_helper else self.description


def decide(availability: Sequence[Availability], action_id: str, platform: str) -> Decision:
    """The decision for one id (a catalogue id or "all") given the backend's availability list."""
    if action_id == actions.ALL:
        runnable = [a for a in availability if a.available]
        reason = (
            ""
            if runnable
            else "no action can run here — " + "; ".join(f"{a.action_id}: {a.reason}" for a in availability)
        )
        return Decision(
            actions.ALL,
            actions.label(actions.ALL),
            ALL_DESCRIPTION,
            "\n".join(f"{actions.label(a.action_id)}: {actions.get(a.action_id).effect}" for a in runnable),
            exists=True,
            can_run=bool(runnable),
            reason=reason,
            confirm=True,
            via_helper=any(a.via_helper and a.prompts for a in runnable),
        )
    found = next((a for a in availability if a.action_id == action_id), None)
    if found is None:
        if actions.is_known(action_id):
            entry = actions.get(action_id)
            return Decision(
                action_id,
                entry.label,
                entry.description,
                entry.effect,
                exists=False,
                can_run=False,
                reason=f"{entry.label} is not available on {platform}: it is a {feature(entry)}",
                confirm=entry.disruptive,
                via_helper=False,
            )
        return Decision(
            action_id, action_id, "", "", False, False, f"unknown action {action_id!r}", False, False
        )
    entry = actions.get(action_id)
    return Decision(
        action_id,
        entry.label,
        entry.description,
        entry.effect,
        exists=True,
        can_run=found.available,
        reason="" if found.available else found.reason,
        confirm=entry.disruptive,
        via_helper=found.available and found.via_helper and found.prompts,  # no prompt: nothing to warn of
    )


def feature(entry: actions.Action) -> str:
    """Which systems have it, in words: "Windows feature", "Linux and Windows feature"."""
    return " and ".join(sorted(p.title() for p in entry.platforms)) + " feature"


def menu(availability: Sequence[Availability], platform: str) -> tuple[Decision, ...]:
    """The Empty menu: every action of this platform in canonical order, then "all"."""
    ids = [a.action_id for a in availability] + [actions.ALL]
    return tuple(decide(availability, action_id, platform) for action_id in ids)
