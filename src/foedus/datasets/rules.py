"""When an obligation counts for a year: on any day of it, or on one day (e.g. 31 December).

ATOP's own dyad-year files code a pair as allied in a year when the alliance bound them on at
least one day of it (:data:`ANY_DAY`); some studies prefer a fixed day (``on_day(12, 31)``).

>>> YearRule.parse("dec31")
YearRule(month=12, day=31)
>>> YearRule.parse("any-day")
YearRule(month=None, day=None)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from foedus.errors import InputError

__all__ = ["ANY_DAY", "YearRule", "on_day"]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True, slots=True)
class YearRule:
    """``month``/``day`` both ``None``: any day of the year; otherwise that day each year."""

    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if (self.month is None) != (self.day is None):
            raise InputError("give both a month and a day, or neither (any day of the year)")
        if self.month is not None and self.day is not None:
            if (self.month, self.day) == (2, 29):
                raise InputError("29 February is not in every year; use 02-28 or 03-01")
            try:
                dt.date(2001, self.month, self.day)
            except ValueError:
                raise InputError(
                    f"{self.month:02d}-{self.day:02d} is not a day of the year"
                ) from None

    @classmethod
    def parse(cls, text: str) -> YearRule:
        """``any-day``, ``dec31`` (a month abbreviation and a day) or ``MM-DD``."""
        value = text.strip().lower().replace("_", "-")
        if value in {"any-day", "any", "anyday"}:
            return cls()
        if value[:3] in _MONTHS and value[3:].isdigit():
            return cls(_MONTHS.index(value[:3]) + 1, int(value[3:]))
        parts = value.split("-")
        if len(parts) == 2 and all(p.isdigit() for p in parts):
            return cls(int(parts[0]), int(parts[1]))
        raise InputError(
            f"--rule: {text!r} is not a year rule; use any-day, dec31 or MM-DD (12-31)"
        )

    def __str__(self) -> str:
        return "any-day" if self.month is None else f"{self.month:02d}-{self.day:02d}"

    def years(self, start: pl.Expr, end: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
        """First and last year counted for the half-open day interval ``[start, end)``."""
        last_day = end - pl.duration(days=1)
        if self.month is None or self.day is None:
            return start.dt.year(), last_day.dt.year()
        first_year = start.dt.year()
        first = (
            pl.when(pl.date(first_year, self.month, self.day) >= start)
            .then(first_year)
            .otherwise(first_year + 1)
        )
        last_year = last_day.dt.year()
        last = (
            pl.when(pl.date(last_year, self.month, self.day) <= last_day)
            .then(last_year)
            .otherwise(last_year - 1)
        )
        return first, last

    def year_bounds(
        self, start: npt.NDArray[np.datetime64], end: npt.NDArray[np.datetime64]
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """:meth:`years` on numpy ``datetime64[D]`` arrays (``end`` exclusive)."""
        last_day = end - np.timedelta64(1, "D")
        first_year, last_year = _year(start), _year(last_day)
        if self.month is None or self.day is None:
            return first_year, last_year
        first = np.where(
            _anchor(first_year, self.month, self.day) >= start, first_year, first_year + 1
        )
        last = np.where(
            _anchor(last_year, self.month, self.day) <= last_day, last_year, last_year - 1
        )
        return first, last


def _year(days: npt.NDArray[np.datetime64]) -> npt.NDArray[np.int64]:
    return days.astype("datetime64[Y]").astype(np.int64) + 1970


def _anchor(years: npt.NDArray[np.int64], month: int, day: int) -> npt.NDArray[np.datetime64]:
    """The day ``month``-``day`` of each year."""
    months = (years - 1970).astype("datetime64[Y]").astype("datetime64[M]") + (month - 1)
    return months.astype("datetime64[D]") + (day - 1)


ANY_DAY = YearRule()


def on_day(month: int, day: int) -> YearRule:
    """The rule "bound on this day of the year"."""
    return YearRule(month, day)
