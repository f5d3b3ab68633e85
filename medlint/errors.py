"""Errors that stop a command on bad input: one located line, exit code 2."""

from __future__ import annotations


class InputError(Exception):
    """Unreadable or unusable input. Rendered as ``path:line:col: message``."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __reduce__(self):  # keep the location across --jobs worker processes
        return (type(self), (self.message, self.path, self.line, self.column))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
            if self.line:
                where += f":{self.line}"
                if self.column:
                    where += f":{self.column}"
            where += ": "
        return f"{where}{self.message}"


class WriteError(InputError):
    """A file or folder that could not be written (read-only, full disk, name too long, ...).

    Rendered as ``cannot write <path>: <reason>``; exit code 2 like any unusable input.
    """

    def __init__(self, path: str, reason: str):
        super().__init__(reason, path)

    def __reduce__(self):
        return (type(self), (self.path, self.message))

    def __str__(self) -> str:
        return f"cannot write {self.path}: {self.message}"

    @classmethod
    def from_os(cls, exc: OSError, path: str) -> "WriteError":
        """The error for ``exc``, naming ``path`` (the file the user asked for)."""
        return cls(path, exc.strerror or str(exc))
