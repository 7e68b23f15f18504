"""A global hotkey (RegisterHotKey): Windows posts WM_HOTKEY to the window that registered it,
whichever program has the focus (Microsoft, RegisterHotKey and WM_HOTKEY)."""

from __future__ import annotations

from collections.abc import Callable

from app.backends.base import ActionError
from app.backends.windows import win32
from app.backends.windows.seam import Seam
from app.hotkey import Hotkey, Modifier

_MODIFIERS = {
    Modifier.CTRL: win32.MOD_CONTROL,
    Modifier.ALT: win32.MOD_ALT,
    Modifier.SHIFT: win32.MOD_SHIFT,
    Modifier.WIN: win32.MOD_WIN,
}
VK_F1 = 0x70  # MS Virtual-Key Codes: VK_F1 0x70 … VK_F24 0x87; '0'–'9' and 'A'–'Z' are their ASCII codes


def virtual_key(key: str) -> int:
    """The virtual-key code of a letter, a digit or F1–F24 (as app.hotkey.parse accepts)."""
    if len(key) == 1:
        return ord(key.upper())
    return VK_F1 + int(key[1:]) - 1


class WindowsHotkeys:
    """RegisterHotKey / UnregisterHotKey through the seam, and reading WM_HOTKEY out of a MSG."""

    def __init__(self, seam: Callable[[], Seam]):
        self._seam = seam

    def register(self, window: int, hotkey_id: int, hotkey: Hotkey) -> None:
        """Deliver ``hotkey`` to ``window`` as ``hotkey_id``; ActionError with the reason when refused."""
        modifiers = win32.MOD_NOREPEAT  # one clean per press, not one per auto-repeat
        for modifier in hotkey.modifiers:
            modifiers |= _MODIFIERS[modifier]
        seam = self._seam()
        if not seam.register_hot_key(window, hotkey_id, modifiers, virtual_key(hotkey.key)):
            reason = win32.describe_error(seam.get_last_error())
            raise ActionError(f"could not register the hotkey {hotkey}: {reason}")

    def unregister(self, window: int, hotkey_id: int) -> None:
        """Stop delivering the hotkey (nothing happens when it was not registered)."""
        self._seam().unregister_hot_key(window, hotkey_id)

    @staticmethod
    def pressed(message: int) -> int | None:
        """The hotkey id when the MSG at address ``message`` is WM_HOTKEY, else None."""
        msg = win32.MSG.from_address(message)
        return int(msg.wParam) if msg.message == win32.WM_HOTKEY else None
