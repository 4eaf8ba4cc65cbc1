from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foedus.model.dates import PartialDate, Precision, to_date


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2024-12-04", Precision.DAY, dt.date(2024, 12, 4), dt.date(2024, 12, 4)),
        ("2024-02", Precision.MONTH, dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("1839", Precision.YEAR, dt.date(1839, 1, 1), dt.date(1839, 12, 31)),
    ],
)
def test_partial_dates_keep_their_precision(
    text: str, precision: Precision, first: dt.date, last: dt.date
) -> None:
    date = PartialDate.parse(text)
    assert (date.precision, date.first_day, date.last_day, str(date)) == (
        precision,
        first,
        last,
        text,
    )


@pytest.mark.parametrize("bad", ["2024-13", "2024-02-30", "24-01-01", "soon", "", 3.5, "0000", 0])
def test_bad_dates_say_how_to_write_one(bad: object) -> None:
    with pytest.raises(ValueError, match=r"date"):
        PartialDate.parse(bad)


def test_yaml_values_parse() -> None:
    assert PartialDate.parse(dt.date(1914, 7, 28)) == PartialDate(1914, 7, 28)
    assert PartialDate.parse(1879) == PartialDate(1879)
    assert to_date("1914-07") == dt.date(1914, 7, 1)


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_round_trip(day: dt.date) -> None:
    for date in (PartialDate(day.year), PartialDate(day.year, day.month), PartialDate.parse(day)):
        assert PartialDate.parse(str(date)) == date
        assert date.first_day <= day <= date.last_day or date.precision is Precision.DAY
