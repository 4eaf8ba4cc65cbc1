"""Invocations recorded in the corpus, as of a date (issue 3, item 4)."""

from __future__ import annotations

import pytest

import foedus
from foedus.errors import UnknownStateError, UnknownTreatyError
from foedus.query.invocations import invocations

NATO = "north-atlantic-treaty"


def test_nato_article_5_from_2001_09_12(world: foedus.World) -> None:
    found = invocations(world, on="2001-09-12", treaty=NATO)
    assert [(str(e.date), e.invocation.article) for e in found] == [("2001-09-12", "5")]
    assert {"USA", "GBR", "DEU"} <= set(found[0].by)
    assert found[0].invocation.sources


def test_not_yet_made_the_day_before(world: foedus.World) -> None:
    assert invocations(world, on="2001-09-11", treaty=NATO) == []


def test_default_is_today_and_in_date_order(world: foedus.World) -> None:
    found = invocations(world)
    assert any(e.treaty.id == NATO for e in found)
    days = [e.date.first_day for e in found]
    assert days == sorted(days)


def test_by_state_with_any_name(world: foedus.World) -> None:
    by_usa = invocations(world, on="2002-01-01", state="United States")
    assert any(e.treaty.id == NATO for e in by_usa)
    assert all("USA" in e.by for e in by_usa)
    by_code = invocations(world, on="2002-01-01", state="USA")
    assert by_code == by_usa


def test_partial_date_counts_from_its_first_day(world: foedus.World) -> None:
    partial = [
        (t, inv) for t in world.treaties.values() for inv in t.invocations if inv.date.day is None
    ]
    if not partial:
        pytest.skip("no invocation with a partial date in the corpus")
    treaty, inv = partial[0]
    first = inv.date.first_day
    assert inv in [e.invocation for e in invocations(world, on=first, treaty=treaty.id)]
    before = first.fromordinal(first.toordinal() - 1)
    assert inv not in [e.invocation for e in invocations(world, on=before, treaty=treaty.id)]


def test_unknown_names_raise_with_suggestions(world: foedus.World) -> None:
    with pytest.raises(UnknownTreatyError, match="did you mean"):
        invocations(world, treaty="north-atlantic-treat")
    with pytest.raises(UnknownStateError):
        invocations(world, state="Atlantis")
