"""The world: every treaty and state over time, compiled once for fast dated queries.

>>> import foedus
>>> world = foedus.load()
>>> snap = world.on("2024-12-05")
>>> [e.article.number for e in snap.obligations(from_="RUS", to="PRK", kind="defense")]
['4']
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from foedus.errors import UnknownTreatyError
from foedus.model.area import Area
from foedus.model.dates import DateLike, PartialDate, to_date
from foedus.model.registry import StateRegistry
from foedus.model.state import Spell, State
from foedus.model.treaty import Party, Suspension, Treaty
from foedus.query.changes import Change
from foedus.query.edges import ObligationEdge, expand
from foedus.query.lifecycle import (
    Interval,
    end_of,
    existence_gaps,
    party_interval,
    treaty_interval,
)
from foedus.query.snapshot import Snapshot

__all__ = ["SuspensionSpan", "World"]


@dataclass(frozen=True, slots=True)
class SuspensionSpan:
    """A suspension of ``state``'s obligations under ``treaty`` towards ``towards`` (empty: all)."""

    treaty: str
    state: str
    towards: tuple[str, ...]
    interval: Interval
    suspension: Suspension

    @property
    def keys(self) -> tuple[tuple[str, str, str], ...]:
        return tuple((self.treaty, self.state, other) for other in self.towards or ("*",))


class World:
    """All facts over time; ``world.on(date)`` gives the :class:`Snapshot` of one day."""

    def __init__(
        self,
        registry: StateRegistry,
        treaties: Iterable[Treaty],
        areas: Iterable[Area] = (),
    ) -> None:
        self.registry = registry
        self.treaties: Mapping[str, Treaty] = {t.id: t for t in treaties}
        self.areas: Mapping[str, Area] = {a.id: a for a in areas}
        self.spans: dict[tuple[str, str], Interval] = {}
        self.suspensions: list[SuspensionSpan] = []
        self.treaty_spans: dict[str, Interval | None] = {}
        self._changes: list[Change] = []
        self._compile()
        self.edges: tuple[ObligationEdge, ...] = tuple(
            edge for treaty in self.treaties.values() for edge in expand(treaty)
        )
        self.edges_from: dict[str, list[ObligationEdge]] = defaultdict(list)
        self.edges_to: dict[str, list[ObligationEdge]] = defaultdict(list)
        for edge in self.edges:
            self.edges_from[edge.from_].append(edge)
            self.edges_to[edge.to].append(edge)
        self._change_dates = [c.date for c in self._changes]

    # -- compilation -------------------------------------------------------------------------
    def _compile(self) -> None:
        for treaty in self.treaties.values():
            successor = self.treaties.get(treaty.replaced_by or "")
            nxt = successor.in_force if successor else None
            existence = {p.state: self._existence(p.state) for p in treaty.parties}
            spans = {
                p.state: span
                for p in treaty.parties
                if (span := party_interval(treaty, p, nxt, existence[p.state])) is not None
            }
            # A treaty lapses when fewer than two parties remain bound (the Dual Alliance after
            # Austria-Hungary ceased to exist): no party stays bound to no one.
            lapse = _last_pair_end(list(spans.values()))
            overall = treaty_interval(treaty, nxt)
            if overall is not None:
                overall = overall.clip(Interval(overall.start, lapse))
            self.treaty_spans[treaty.id] = overall if overall and not overall.empty else None
            for party in treaty.parties:
                span = spans.get(party.state)
                if span is None:
                    continue
                span = span.clip(Interval(span.start, lapse))
                if span.empty:
                    continue
                key = (treaty.id, party.state)
                self.spans[key] = span
                start_kind = _start_kind(treaty, party, span)
                self._changes.append(Change(span.start, treaty.id, party.state, "bind", start_kind))
                if span.end != dt.date.max:
                    end_kind = _end_kind(treaty, party, span, nxt, existence[party.state])
                    self._changes.append(
                        Change(span.end, treaty.id, party.state, "unbind", end_kind)
                    )
                gaps = [
                    Suspension(
                        from_=PartialDate.parse(gap.start),
                        to=PartialDate.parse(gap.end),
                        how="not_in_existence",
                        note=f"{party.state} did not exist as a state",
                    )
                    for gap in existence_gaps(span, existence[party.state])
                ]
                self._add_suspensions(treaty.id, party, span, gaps)
        self._changes.sort()

    def _existence(self, code: str) -> tuple[Spell, ...]:
        state = self.registry.get(code)
        return state.exists if state else ()

    def _add_suspensions(
        self, treaty_id: str, party: Party, span: Interval, extra: list[Suspension]
    ) -> None:
        """Suspension spans of ``party``, clipped to when it is bound and merged per relation
        (overlapping suspensions of one relation make one span)."""
        by_key: dict[str, list[tuple[Interval, Suspension]]] = defaultdict(list)
        for suspension in (*party.suspensions, *extra):
            end = end_of(suspension.to) if suspension.to else dt.date.max
            clipped = Interval(suspension.from_.first_day, end).clip(span)
            if not clipped.empty:
                for other in suspension.towards or ("*",):
                    by_key[other].append((clipped, suspension))
        for other, items in by_key.items():
            items.sort(key=lambda item: item[0])
            merged: list[tuple[Interval, Suspension]] = []
            for interval, suspension in items:
                if merged and interval.start <= merged[-1][0].end:
                    last, first = merged[-1]
                    merged[-1] = (Interval(last.start, max(last.end, interval.end)), first)
                else:
                    merged.append((interval, suspension))
            towards = () if other == "*" else (other,)
            for interval, suspension in merged:
                self.suspensions.append(
                    SuspensionSpan(treaty_id, party.state, towards, interval, suspension)
                )
                self._changes.append(
                    Change(
                        interval.start, treaty_id, party.state, "suspend", suspension.how, towards
                    )
                )
                if interval.end < span.end:
                    self._changes.append(
                        Change(interval.end, treaty_id, party.state, "resume", "resumed", towards)
                    )

    # -- queries -----------------------------------------------------------------------------
    def on(self, date: DateLike) -> Snapshot:
        """The facts in force on ``date`` (any date-like value)."""
        day = to_date(date)
        bound = frozenset(key for key, span in self.spans.items() if day in span)
        suspended = frozenset(
            key for item in self.suspensions if day in item.interval for key in item.keys
        )
        return Snapshot(self, day, bound, suspended)

    def changes(self, start: DateLike, end: DateLike) -> list[Change]:
        """Changes that take effect after ``start`` and on or before ``end``, in date order.

        Applying them to ``on(start)`` gives ``on(end)``.
        """
        lo, hi = to_date(start), to_date(end)
        i = bisect.bisect_right(self._change_dates, lo)
        j = bisect.bisect_right(self._change_dates, hi)
        return self._changes[i:j]

    def treaty(self, treaty_id: str) -> Treaty:
        """The treaty with this id; unknown ids get suggestions."""
        try:
            return self.treaties[treaty_id]
        except KeyError:
            close = difflib.get_close_matches(treaty_id, list(self.treaties), n=3, cutoff=0.5)
            raise UnknownTreatyError(treaty_id, close) from None

    def resolve(self, name: str | int, on: DateLike | None = None) -> State:
        """The state ``name`` means, on ``on`` if given (see :class:`StateRegistry`)."""
        return self.registry.resolve(name, to_date(on) if on is not None else None)

    def __repr__(self) -> str:
        return f"<World {len(self.treaties)} treaties, {len(self.registry)} states>"


def _start_kind(treaty: Treaty, party: Party, span: Interval) -> str:
    if treaty.in_force is not None and span.start == treaty.in_force.first_day:
        return "entry_into_force"
    if party.acceded:
        return "accession"
    if party.bound_by is not None and not (party.ratified or party.in_force):
        return "bound_at_the_latest"  # the true start is earlier and unknown
    return "entry_into_force_for_party"


def _end_kind(
    treaty: Treaty,
    party: Party,
    span: Interval,
    successor_in_force: PartialDate | None,
    existence: tuple[Spell, ...],
) -> str:
    """Why ``party`` stopped being bound on ``span.end``, in the words of treaty law."""
    if party.exit is not None and span.end == end_of(party.exit.date):
        return party.exit.how
    if treaty.ended is not None and span.end == end_of(treaty.ended.date):
        return treaty.ended.how
    if successor_in_force is not None and span.end == successor_in_force.first_day:
        return "replaced"
    if any(spell.end == span.end for spell in existence):
        return "state_ceased"
    return "lapsed"


def _last_pair_end(spans: list[Interval]) -> dt.date:
    """The first day on which fewer than two of ``spans`` can still overlap (their second-latest
    end); ``FOREVER`` if two never end."""
    ends = sorted((s.end for s in spans), reverse=True)
    return ends[1] if len(ends) >= 2 else (ends[0] if ends else dt.date.max)
