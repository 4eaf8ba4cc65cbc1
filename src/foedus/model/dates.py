"""Dates as sources give them: a day, a month or only a year, with the precision kept.

Queries need exact days, so a partial date has two readings (DESIGN.md §3): as the *start* of an
interval it counts from its first day; as the *end* of an interval it counts to its last day.
Intervals in foedus are half-open, ``[start, end)``: a treaty that ends on 1990-10-03 is no longer
in force on that day.

>>> PartialDate.parse("2024-12").first_day
datetime.date(2024, 12, 1)
>>> PartialDate.parse("2024-12").day_after_last
datetime.date(2025, 1, 1)
>>> str(PartialDate.parse("1914"))
'1914'
>>> to_date("2024-03-07")
datetime.date(2024, 3, 7)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

__all__ = ["DateLike", "PartialDate", "Precision", "to_date"]

_PATTERN = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")


class Precision(StrEnum):
    """How much of a date the source gives."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date known to the day, the month or the year."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is not between 1 and 9999")
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not between 1 and 12")
        if self.day is not None:
            dt.date(self.year, self.month or 1, self.day)  # raises ValueError when impossible

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, an int year or a ``date``.

        >>> PartialDate.parse(1879)
        PartialDate(year=1879, month=None, day=None)
        """
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"{value:04d}"
        if isinstance(value, str):
            match = _PATTERN.match(value.strip())
            if match:
                month, day = match["m"], match["d"]
                try:
                    return cls(
                        int(match["y"]),
                        int(month) if month else None,
                        int(day) if day else None,
                    )
                except ValueError as exc:
                    raise ValueError(f"{value!r} is not a real date ({exc})") from None
        raise ValueError(
            f"{value!r} is not a date; write YYYY-MM-DD, or YYYY-MM / YYYY when the source "
            "gives only the month or the year"
        )

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    @property
    def first_day(self) -> dt.date:
        """The earliest day this date can mean (used when it starts an interval)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The latest day this date can mean."""
        if self.day is not None:
            return dt.date(self.year, self.month or 1, self.day)
        if self.month is not None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    @property
    def day_after_last(self) -> dt.date:
        """The exclusive end of an interval that ends on this date (its last day counts)."""
        return self.last_day + dt.timedelta(days=1)

    @property
    def as_end(self) -> dt.date:
        """The exclusive end of an interval that ends on this date: an exact day is itself the
        first day outside; a partial date keeps its whole period inside.

        >>> PartialDate(1996, 9, 10).as_end, PartialDate(1996, 9).as_end
        (datetime.date(1996, 9, 10), datetime.date(1996, 10, 1))
        """
        return self.first_day if self.day is not None else self.day_after_last

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.to_string_ser_schema()
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
            "description": "YYYY-MM-DD, or YYYY-MM / YYYY when the source gives less",
            "examples": ["2024-12-04", "1879-10", "1839"],
        }


DateLike = dt.date | str | PartialDate


def to_date(value: DateLike) -> dt.date:
    """Turn any date-like input into an exact day; a partial date means its first day.

    >>> to_date(PartialDate(1914, 7))
    datetime.date(1914, 7, 1)
    >>> to_date("today") == dt.date.today()
    True
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip().lower() == "today":
        return dt.date.today()
    return PartialDate.parse(value).first_day
