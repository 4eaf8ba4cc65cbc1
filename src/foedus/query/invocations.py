"""Formal invocations of treaty articles recorded in the corpus, as of a date.

An invocation is a dated event (``Treaty.invocations``): NATO's Article 5 on 2001-09-12, the EU's
Article 42(7) on 2015-11-17, … A query returns those *made on or before* a date. A partial date
counts from its first possible day (DESIGN.md §3): an invocation known only as ``2011-03`` is
listed from 2011-03-01 on, as a start known to the month is.

>>> import foedus
>>> world = foedus.load()
>>> nato = "north-atlantic-treaty"
>>> [(str(e.date), e.invocation.article) for e in invocations(world, on="2001-09-12", treaty=nato)]
[('2001-09-12', '5')]
>>> invocations(world, on="2001-09-11", treaty=nato)
[]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from foedus.errors import UnknownStateError
from foedus.model.dates import DateLike, PartialDate, to_date
from foedus.model.treaty import Invocation, Treaty

if TYPE_CHECKING:
    from foedus.query.world import World

__all__ = ["InvocationEvent", "invocations"]


@dataclass(frozen=True, slots=True)
class InvocationEvent:
    """One recorded invocation of an article of ``treaty``."""

    treaty: Treaty
    invocation: Invocation

    @property
    def date(self) -> PartialDate:
        return self.invocation.date

    @property
    def by(self) -> tuple[str, ...]:
        return self.invocation.by

    def sort_key(self) -> tuple[dt.date, str, str]:
        return (self.date.first_day, self.treaty.id, self.invocation.article)


def _state_code(world: World, name: str, day: dt.date) -> str:
    """The registry code of ``name`` on ``day``, or, for a state gone by then, in any period."""
    try:
        return world.resolve(name, day).code
    except UnknownStateError:
        return world.resolve(name).code


def invocations(
    world: World,
    *,
    on: DateLike | None = None,
    treaty: str | None = None,
    state: str | None = None,
) -> list[InvocationEvent]:
    """Invocations made on or before ``on`` (default today), in date order.

    Parameters
    ----------
    world
        The loaded corpus.
    on
        Any date-like value; an invocation counts from the first day its (possibly partial)
        date can mean.
    treaty
        Only invocations of this treaty id (an unknown id raises
        :class:`~foedus.errors.UnknownTreatyError` with suggestions).
    state
        Only invocations made by this state (any name the registry resolves, on ``on``; a state
        that no longer exists then is resolved over all periods).
    """
    day = to_date(on) if on is not None else dt.date.today()
    chosen = [world.treaty(treaty)] if treaty is not None else list(world.treaties.values())
    code = _state_code(world, state, day) if state is not None else None
    found = [
        InvocationEvent(t, inv)
        for t in chosen
        for inv in t.invocations
        if inv.date.first_day <= day and (code is None or code in inv.by)
    ]
    return sorted(found, key=InvocationEvent.sort_key)
