"""Enabling the privileges the memory-list calls need, and knowing whether the process is elevated."""

from __future__ import annotations

import ctypes

from app.backends.base import ActionError, BackendError
from app.backends.windows import ntapi, win32
from app.backends.windows.seam import Seam


class Privileges:
    """The process token's privileges as RAMLens needs them; enables each once and remembers it."""

    def __init__(self, seam: Seam):
        self._seam = seam
        self._enabled: set[int] = set()
        self._elevated: bool | None = None

    def elevated(self) -> bool:
        """True when the process token is elevated: GetTokenInformation(TokenElevation).

        (IsUserAnAdmin is deprecated and answers a different question: group membership.)
        """
        if self._elevated is None:
            self._elevated = self._token_elevated()
        return self._elevated

    def _token_elevated(self) -> bool:
        seam = self._seam
        token = ctypes.c_void_p()
        if not seam.open_process_token(seam.get_current_process(), win32.TOKEN_QUERY, ctypes.byref(token)):
            raise BackendError(
                f"could not open the process token ({win32.describe_error(seam.get_last_error())})"
            )
        try:
            elevation = ctypes.c_uint32()  # TOKEN_ELEVATION { DWORD TokenIsElevated; }
            returned = ctypes.c_uint32()
            if not seam.get_token_information(
                token,
                win32.TokenElevation,
                ctypes.byref(elevation),
                ctypes.sizeof(elevation),
                ctypes.byref(returned),
            ):
                error = win32.describe_error(seam.get_last_error())
                raise BackendError(f"could not read the token's elevation ({error})")
            return elevation.value != 0
        finally:
            seam.close_handle(token)

    def enable(self, privilege: int) -> int:
        """Enable one privilege on the process token; returns the NTSTATUS (unsigned).

        Only STATUS_SUCCESS counts: STATUS_NOT_ALL_ASSIGNED is a success code (NT_SUCCESS) by
        which the token says it does not hold the privilege, so it is never remembered.
        """
        if privilege in self._enabled:
            return ntapi.STATUS_SUCCESS
        was_enabled = ctypes.c_uint8()
        status = ntapi.unsigned(self._seam.rtl_adjust_privilege(privilege, 1, 0, ctypes.byref(was_enabled)))
        if status == ntapi.STATUS_SUCCESS:
            self._enabled.add(privilege)
        return status

    def require(self, privilege: int) -> None:
        """Enable a privilege or raise ActionError naming it, the NTSTATUS and what to do."""
        status = self.enable(privilege)
        if status != ntapi.STATUS_SUCCESS:
            described = ntapi.describe(status, self.elevated())
            name = ntapi.PRIVILEGE_NAMES.get(privilege, f"privilege {privilege}")
            raise ActionError(
                f"could not enable {name}: {described}",
                {"ntstatus": described.hex, "status": described.name, "privilege": name},
            )
