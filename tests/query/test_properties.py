"""Property tests over random dated worlds (hypothesis).

1. An obligation is in force on a date only if — and whenever — its treaty binds both ends on that
   date and their relation is not suspended (the rule of ``foedus.query.lifecycle``, restated here
   from the raw fields).
2. ``changes(d1, d2)`` applied to ``on(d1)`` gives ``on(d2)``.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.model import Article, Obligation, ObligationKind, PartialDate, Party, Source, State
from foedus.model.registry import StateRegistry
from foedus.model.treaty import Exit, Suspension, Treaty, TreatyEnd
from foedus.query import World

CODES = ("AAA", "BBB", "CCC", "DDD")
START, END = dt.date(1900, 1, 1), dt.date(1910, 12, 31)
days = st.dates(min_value=START, max_value=END)


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(days)
    precision = draw(st.sampled_from(("day", "day", "month", "year")))
    if precision == "day":
        return PartialDate(day.year, day.month, day.day)
    return PartialDate(day.year, day.month) if precision == "month" else PartialDate(day.year)


maybe_dates = st.none() | partial_dates()


@st.composite
def parties(draw: st.DrawFn, code: str, others: list[str]) -> Party:
    suspensions = draw(
        st.lists(
            st.builds(
                Suspension,
                from_=partial_dates(),
                to=maybe_dates,
                towards=st.lists(st.sampled_from(others), max_size=1, unique=True).map(tuple),
            ),
            max_size=2,
        )
    )
    exit_ = draw(st.none() | st.builds(Exit, date=partial_dates(), how=st.just("withdrawn")))
    return Party(
        state=code,
        ratified=draw(maybe_dates),
        acceded=draw(maybe_dates),
        in_force=draw(st.none() | st.none() | partial_dates()),
        suspensions=tuple(suspensions),
        exit=exit_,
    )


@st.composite
def treaties(draw: st.DrawFn, index: int) -> Treaty:
    members = draw(st.lists(st.sampled_from(CODES), min_size=2, max_size=4, unique=True))
    kinds = draw(st.lists(st.sampled_from(list(ObligationKind)[:3]), min_size=1, max_size=2))
    obligations = tuple(Obligation(kind=k, response={"automatic": True}) for k in kinds)
    one_way = Obligation(kind=ObligationKind.DEFENSE, from_=(members[0],), to=(members[1],))
    return Treaty(
        id=f"t{index}",
        name=f"T{index}",
        in_force=draw(maybe_dates),
        ratification_required=draw(st.booleans()),
        ended=draw(st.none() | st.builds(TreatyEnd, date=partial_dates(), how=st.just("expired"))),
        parties=tuple(draw(parties(c, [m for m in members if m != c])) for c in members),
        articles=(Article(number="1", says="x", obligations=(*obligations, one_way)),),
        sources=(Source(id="s", title="s", supports="s"),),
    )


@st.composite
def worlds(draw: st.DrawFn) -> World:
    n = draw(st.integers(min_value=1, max_value=4))
    registry = StateRegistry(State(code=c, name=c) for c in CODES)
    return World(registry, [draw(treaties(i)) for i in range(n)])


def _start(treaty: Treaty, party: Party) -> dt.date | None:
    if party.in_force:
        return party.in_force.first_day
    if treaty.in_force is None:
        return None
    joined = party.acceded or party.ratified
    if joined:
        return max(joined.first_day, treaty.in_force.first_day)
    return None if treaty.ratification_required else treaty.in_force.first_day


def _end(date: PartialDate) -> dt.date:
    return date.first_day if date.day else date.last_day + dt.timedelta(days=1)


def _bound(treaty: Treaty, party: Party, day: dt.date) -> bool:
    start = _start(treaty, party)
    ends = [
        _end(d) for d in (treaty.ended and treaty.ended.date, party.exit and party.exit.date) if d
    ]
    return start is not None and start <= day and all(day < e for e in ends)


def _suspended(treaty: Treaty, a: Party, b: Party, day: dt.date) -> bool:
    for party, other in ((a, b), (b, a)):
        for s in party.suspensions:
            active = s.from_.first_day <= day and (s.to is None or day < _end(s.to))
            if active and (not s.towards or other.state in s.towards):
                return True
    return False


@settings(max_examples=150, deadline=None)
@given(worlds(), days)
def test_obligation_in_force_iff_both_ends_bound(world: World, day: dt.date) -> None:
    snap = world.on(day)
    found = {(e.treaty.id, e.from_, e.to, e.obligation) for e in snap.obligations()}
    for edge in world.edges:
        t = edge.treaty
        a, b = t.party(edge.from_), t.party(edge.to)
        assert a is not None
        assert b is not None
        expected = _bound(t, a, day) and _bound(t, b, day) and not _suspended(t, a, b, day)
        assert ((t.id, edge.from_, edge.to, edge.obligation) in found) == expected


@settings(max_examples=150, deadline=None)
@given(worlds(), days, days)
def test_changes_applied_to_a_snapshot_give_the_later_snapshot(
    world: World, d1: dt.date, d2: dt.date
) -> None:
    d1, d2 = min(d1, d2), max(d1, d2)
    moved = world.on(d1).apply(world.changes(d1, d2), d2)
    target = world.on(d2)
    assert moved == target
    assert moved.obligations() == target.obligations()
