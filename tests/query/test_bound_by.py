"""``bound_by``: a party known to be bound no later than a date, its joining date unknown."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.model import Article, Obligation, Party, Source, State, Treaty
from foedus.model.registry import StateRegistry
from foedus.query import World

SOURCE = (Source(id="s", title="test", supports="test"),)


def _pact(*parties: Party, in_force: str | None = "2009-12-18") -> World:
    """A defence pact signed in 2005 between ``parties`` (states AAA, BBB, CCC)."""
    treaty = Treaty(
        id="pact",
        name="pact",
        signed="2005-01-31",
        in_force=in_force,
        parties=parties,
        articles=(
            Article(
                number="1",
                says="test",
                obligations=(Obligation.model_validate({"kind": "defense"}),),
            ),
        ),
        sources=SOURCE,
    )
    states = (State(code=c, name=c) for c in ("AAA", "BBB", "CCC"))
    return World(StateRegistry(states), (treaty,))


def _world(**party: object) -> World:
    """AAA and BBB ratified before the 2009 entry into force; CCC has the given fields."""
    return _pact(
        Party(state="AAA", ratified="2008-01-01", sources=("s",)),
        Party(state="BBB", ratified="2009-01-01", sources=("s",)),
        Party.model_validate({"state": "CCC", "sources": ["s"], **party}),
    )


def _bound(world: World, day: str) -> bool:
    return bool(world.on(day).obligations(from_="AAA", to="CCC", kind="defense"))


@pytest.mark.parametrize(
    ("bound_by", "first_bound"),
    [
        ("2016-04-21", "2016-04-21"),  # a list of ratifying states dated that day
        ("2016-04", "2016-04-30"),  # partial: the last day it can mean
        ("2016", "2016-12-31"),
        ("2008-06-01", "2009-12-18"),  # never before the treaty's entry into force
    ],
)
def test_bound_from_the_last_day_the_date_can_mean(bound_by: str, first_bound: str) -> None:
    world = _world(bound_by=bound_by)
    first = dt.date.fromisoformat(first_bound)
    assert not _bound(world, (first - dt.timedelta(days=1)).isoformat())
    assert _bound(world, first.isoformat())
    assert world.spans[("pact", "CCC")].start == first


def test_without_bound_by_a_dateless_party_is_not_bound() -> None:
    world = _world()
    assert not _bound(world, "2020-01-01")
    assert ("pact", "CCC") not in world.spans


def test_status_of_a_party_whose_joining_date_is_unknown() -> None:
    """Before its ``bound_by`` day (and without it) such a party is 'undated', not
    'not_yet_signed'; before the treaty was signed it is 'not_yet_signed'."""
    world = _world(bound_by="2016-04-21")

    def status(day: str) -> str:
        found = world.on(day).treaties(state="CCC")
        return {p.party.state: p.status for p in found[0].parties}["CCC"] if found else "-"

    assert status("2010-01-01") == "undated"
    assert status("2016-04-21") == "in_force"
    assert status("2004-01-01") == "-"  # the treaty was not signed yet: not listed
    assert {p.party.state: p.status for p in _world().on("2020-01-01").treaties()[0].parties}[
        "CCC"
    ] == "undated"


def test_changes_say_the_start_is_a_latest_date() -> None:
    world = _world(bound_by="2016-04-21")
    kinds = {(c.state, c.kind) for c in world.changes("2016-01-01", "2016-12-31")}
    assert kinds == {("CCC", "bound_at_the_latest")}


def test_obligation_records_say_when_the_start_is_a_latest_date() -> None:
    from foedus.io.records import obligation_record

    for bound_by, latest in (("2016-04-21", True), ("2008-06-01", False)):
        snap = _world(bound_by=bound_by).on("2020-01-01")
        (edge,) = snap.obligations(from_="AAA", to="CCC", kind="defense")
        record = obligation_record(edge, snap)
        assert record["since_at_the_latest"] is latest, bound_by


def test_bound_by_shows_the_treaty_in_force_when_its_date_is_unknown() -> None:
    """No source dates the entry into force; two parties are shown bound by 2006 and 2010: the
    treaty counts as in force from 2006-12-31, their obligations from 2010-06-01."""
    world = _pact(
        Party(state="AAA", bound_by="2006", sources=("s",)),
        Party(state="BBB", bound_by="2010-06-01", sources=("s",)),
        Party(state="CCC", signed="2005-01-31", sources=("s",)),
        in_force=None,
    )
    assert str(world.treaty_spans["pact"].start) == "2006-12-31"
    assert not world.on("2010-05-31").obligations(from_="AAA", to="BBB")
    assert world.on("2010-06-01").obligations(from_="AAA", to="BBB")
    assert not world.on("2020-01-01").obligations(from_="AAA", to="CCC")
