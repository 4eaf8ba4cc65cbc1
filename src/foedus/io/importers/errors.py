"""Errors raised while reading research data files (ATOP, COW).

Both derive from :class:`foedus.errors.InputError`, so the command line prints them as one line
and exits with status 2.

::

    InputError
    └── DataFileError        a data file that is missing, has unknown columns or a bad value
"""

from __future__ import annotations

from pathlib import Path

from foedus.errors import InputError

__all__ = ["DataFileError"]


class DataFileError(InputError):
    """A research data file that cannot be read: says the file, the row, the column and a fix.

    >>> str(DataFileError("x.csv", "not a whole number: 'abc'", row=3, column="yrent",
    ...                   fix="write the year as digits"))
    "x.csv, row 3, column 'yrent': not a whole number: 'abc' — write the year as digits"
    """

    def __init__(
        self,
        file: str | Path,
        message: str,
        *,
        row: int | None = None,
        column: str | None = None,
        fix: str = "",
    ) -> None:
        self.file = str(file)
        self.row = row
        self.column = column
        where = self.file
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(f"{where}: {message}{f' — {fix}' if fix else ''}")
