"""When a treaty binds each party: per-party intervals of force and suspension.

Intervals are half-open ``[start, end)``. A partial date that *starts* an interval counts from its
first day; one that *ends* an interval counts to its last day (DESIGN.md §3). A party is bound from
its own ``in_force`` date if given; otherwise from the later of the treaty's entry into force and
its ratification or accession; failing those, from its ``bound_by`` date (bound no later than: the
last day that date can mean, a conservative start; it also shows the treaty in force by then when
no source dates its entry into force); a party that only signed is not bound (unless
the treaty says that no ratification is required).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from foedus.model.dates import PartialDate
from foedus.model.state import Spell
from foedus.model.treaty import Party, Treaty

__all__ = [
    "FOREVER",
    "Interval",
    "end_of",
    "existence_gaps",
    "party_interval",
    "treaty_end",
    "treaty_interval",
    "treaty_start",
]

FOREVER = dt.date.max


@dataclass(frozen=True, slots=True, order=True)
class Interval:
    """Days ``start <= d < end``."""

    start: dt.date
    end: dt.date = FOREVER

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day < self.end

    @property
    def empty(self) -> bool:
        return self.end <= self.start

    def clip(self, other: Interval) -> Interval:
        return Interval(max(self.start, other.start), min(self.end, other.end))


def end_of(date: PartialDate) -> dt.date:
    """Exclusive end for a date that ends an interval (see :attr:`PartialDate.as_end`)."""
    return date.as_end


def treaty_end(treaty: Treaty, successor_in_force: PartialDate | None = None) -> dt.date:
    """The first day the treaty binds no one (``FOREVER`` while it stands)."""
    ends = []
    if treaty.ended is not None:
        ends.append(end_of(treaty.ended.date))
    if successor_in_force is not None:
        ends.append(successor_in_force.first_day)
    return min(ends, default=FOREVER)


def treaty_interval(
    treaty: Treaty, successor_in_force: PartialDate | None = None
) -> Interval | None:
    """When the treaty is in force overall, or ``None`` if it never entered into force."""
    start = treaty_start(treaty)
    if start is None:
        return None
    interval = Interval(start, treaty_end(treaty, successor_in_force))
    return None if interval.empty else interval


def treaty_start(treaty: Treaty) -> dt.date | None:
    """The treaty's entry into force; when no source dates it, the earliest day a party is shown
    bound (``bound_by``: a party bound by a day means the treaty was in force by then)."""
    if treaty.in_force is not None:
        return treaty.in_force.first_day
    latest = [p.bound_by.last_day for p in treaty.parties if p.bound_by and _bound_by_only(p)]
    return min(latest, default=None)


def _bound_by_only(party: Party) -> bool:
    """The party's start is known only as a ``bound_by`` day (no joining date is given)."""
    return party.bound_by is not None and not (party.in_force or party.acceded or party.ratified)


def party_start(treaty: Treaty, party: Party) -> dt.date | None:
    """The first day the treaty binds ``party``, or ``None`` if it never did."""
    if party.in_force is not None:
        start = party.in_force.first_day
    elif _bound_by_only(party):
        assert party.bound_by is not None
        latest = party.bound_by.last_day
        start = latest if treaty.in_force is None else max(treaty.in_force.first_day, latest)
    elif treaty.in_force is None:
        return None
    elif (joined := party.acceded or party.ratified) is not None:
        start = max(treaty.in_force.first_day, joined.first_day)
    elif treaty.ratification_required:
        return None
    else:
        start = treaty.in_force.first_day
    # A treaty binds no one before it is signed, however coarse its entry-into-force date.
    signed = treaty.signed.first_day if treaty.signed else start
    return max(start, signed)


def party_interval(
    treaty: Treaty,
    party: Party,
    successor_in_force: PartialDate | None = None,
    existence: Sequence[Spell] = (),
) -> Interval | None:
    """When ``party`` is bound by ``treaty`` (ignoring suspensions), or ``None``.

    With the state's ``existence`` spells, the interval is also cut to the spells it overlaps:
    a treaty binds no state before it exists nor after it has ceased for good. Gaps between
    spells (a state extinguished and restored) are :func:`existence_gaps`, treated as suspensions.
    """
    start = party_start(treaty, party)
    if start is None:
        return None
    end = treaty_end(treaty, successor_in_force)
    if party.exit is not None:
        end = min(end, end_of(party.exit.date))
    interval = Interval(start, end)
    if existence:
        alive = [s for s in existence if s.start < interval.end and interval.start < s.end]
        if not alive:
            return None
        interval = interval.clip(Interval(alive[0].start, alive[-1].end))
    return None if interval.empty else interval


def existence_gaps(interval: Interval, existence: Sequence[Spell]) -> list[Interval]:
    """The parts of ``interval`` in which the state did not exist (between its spells)."""
    spells = sorted(existence, key=lambda s: s.start)
    gaps = [Interval(a.end, b.start) for a, b in itertools.pairwise(spells)]
    return [g.clip(interval) for g in gaps if not g.clip(interval).empty]
