"""What the window and the CLI know about the privileged helper's set-up, on any OS."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HelperState:
    """Whether the helper is installed, and whether it is the one this version of RAMLens would install."""

    installed: bool
    current: bool  # installed and byte for byte this version's
    summary: str  # one sentence for a person, e.g. "installed at /usr/local/bin/ramlens-helper, up to date"
    # The summary before its values went in (marked with app.i18n.N_ in context "helper"), so that the
    # window can show it translated: translate("helper", template).format(**dict(values)).
    template: str = ""
    values: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_template(cls, installed: bool, current: bool, template: str, **values: object) -> HelperState:
        """A state whose summary is ``template`` filled with ``values``."""
        texts = tuple((k, str(v)) for k, v in values.items())
        return cls(installed, current, template.format(**dict(texts)), template, texts)


@dataclass(frozen=True)
class SetupResult:
    """How an install / update / uninstall went: ok, and what to tell the person."""

    ok: bool
    message: str
