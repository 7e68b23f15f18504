"""What an Empty result says to a person, in a line or a few: the window's banner, the tray's
notification and the CLI share these words."""

from __future__ import annotations

from app import actions
from app.model import ActionResult
from app.units import format_bytes


def headline(result: ActionResult) -> str:
    """ "Purge standby list: Standby −1.9 GiB, Free +1.9 GiB, 0.4 s", or what failed and why."""
    title = actions.title(result.action_id)
    if result.ok:
        return f"{title}: {result.summary()}"
    return f"{title} failed: {result.message or 'no reason given'}"


def breakdown(result: ActionResult) -> tuple[str, ...]:
    """For "Empty all": one line per action it ran, with where that action's pages went."""
    return tuple(f"{actions.label(step.action_id)}: {_moved(step)}" for step in result.steps)


def _moved(step: ActionResult) -> str:
    if not step.ok:
        return f"failed — {step.message or 'no reason given'}"
    threshold = step.after.page_size * 256 if step.after else 0  # as ActionResult.summary: 1 MiB of noise
    moved = ", ".join(f"{c.label} {format_bytes(c.delta, signed=True)}" for c in step.changes(threshold))
    return moved or "no list changed by more than 1 MiB"


def notification(result: ActionResult) -> tuple[str, str]:
    """The tray notification after an Empty: a title and what moved (per action for "Empty all")."""
    title = actions.title(result.action_id)
    if not result.ok and not result.steps:
        return f"{title} failed", result.message or "no reason given"
    body = "\n".join((result.summary() if result.ok else result.message, *breakdown(result)))
    return (title if result.ok else f"{title}: not everything worked"), body
