"""Enabling the privileges the memory-list calls need, and knowing whether the process is elevated."""

from __future__ import annotations

import ctypes

from app.backends.base import ActionError
from app.backends.windows import ntapi
from app.backends.windows.seam import Seam


class Privileges:
    """The process token's privileges as RAMLens needs them; enables each once and remembers it."""

    def __init__(self, seam: Seam):
        self._seam = seam
        self._enabled: set[int] = set()
        self._elevated: bool | None = None

    def elevated(self) -> bool:
        """True when the process runs with an elevated administrator token."""
        if self._elevated is None:
            self._elevated = bool(self._seam.is_user_an_admin())
        return self._elevated

    def enable(self, privilege: int) -> int:
        """Enable one privilege on the process token; returns the NTSTATUS (unsigned).

        STATUS_NOT_ALL_ASSIGNED is a success code in general but means "not held" here.
        """
        if privilege in self._enabled:
            return ntapi.STATUS_SUCCESS
        was_enabled = ctypes.c_uint8()
        status = ntapi.unsigned(self._seam.rtl_adjust_privilege(privilege, 1, 0, ctypes.byref(was_enabled)))
        if status == ntapi.STATUS_SUCCESS:
            self._enabled.add(privilege)
        return status

    def require(self, privilege: int) -> None:
        """Enable a privilege or raise ActionError naming it and the NTSTATUS."""
        status = self.enable(privilege)
        if status != ntapi.STATUS_SUCCESS:
            described = ntapi.describe(status)
            name = ntapi.PRIVILEGE_NAMES.get(privilege, f"privilege {privilege}")
            raise ActionError(
                f"could not enable {name}: {described}",
                {"ntstatus": described.hex, "status": described.name, "privilege": name},
            )
