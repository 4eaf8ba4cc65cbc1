"""The facts of one day: which parties are bound, and the obligations that follow.

A snapshot is two sets — bound ``(treaty, state)`` pairs and suspended relations — from which
every query derives, so applying the world's :class:`Change` list to one snapshot gives the next.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from foedus.model.obligation import ObligationKind
from foedus.model.treaty import Party, Treaty
from foedus.query.changes import Change
from foedus.query.edges import ObligationEdge

if TYPE_CHECKING:
    from foedus.query.world import World

__all__ = ["PartyStatus", "Snapshot", "TreatyStatus"]


@dataclass(frozen=True, slots=True)
class PartyStatus:
    """Where one party stands on the snapshot's date."""

    party: Party
    status: str  # not_yet_signed | signed | ratified | in_force | partly_suspended | suspended
    # | <exit.how> | ended | undated (a party whose joining date no source gives, not yet bound)


@dataclass(frozen=True, slots=True)
class TreatyStatus:
    """A treaty on the snapshot's date: in force overall or not, and each party's status."""

    treaty: Treaty
    in_force: bool
    parties: tuple[PartyStatus, ...]


class Snapshot:
    """Everything in force on ``date``; obtain it with ``world.on(date)``."""

    __slots__ = ("bound", "date", "suspended", "world")

    def __init__(
        self,
        world: World,
        date: dt.date,
        bound: frozenset[tuple[str, str]],
        suspended: frozenset[tuple[str, str, str]],
    ) -> None:
        self.world = world
        self.date = date
        self.bound = bound
        self.suspended = suspended

    def __repr__(self) -> str:
        return f"<Snapshot {self.date}: {len(self.bound)} bound parties>"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Snapshot)
            and self.world is other.world
            and (self.bound, self.suspended) == (other.bound, other.suspended)
        )

    def __hash__(self) -> int:
        return hash((self.bound, self.suspended))

    # -- the relation between two parties ----------------------------------------------------
    def _suspended(self, treaty: str, a: str, b: str) -> bool:
        s = self.suspended
        return bool(s) and (
            (treaty, a, "*") in s
            or (treaty, b, "*") in s
            or (treaty, a, b) in s
            or (treaty, b, a) in s
        )

    def binds(self, edge: ObligationEdge) -> bool:
        """True when both ends are bound by the treaty and their relation is not suspended."""
        t = edge.treaty.id
        return (
            (t, edge.from_) in self.bound
            and (t, edge.to) in self.bound
            and not self._suspended(t, edge.from_, edge.to)
        )

    # -- queries -------------------------------------------------------------------------------
    def obligations(
        self,
        *,
        from_: str | None = None,
        to: str | None = None,
        kind: ObligationKind | str | None = None,
        treaty: str | None = None,
    ) -> list[ObligationEdge]:
        """Obligations in force, optionally owed by ``from_``, to ``to``, of ``kind``, in a treaty.

        States may be given by any name the registry resolves.
        """
        debtor = self.world.resolve(from_, self.date).code if from_ else None
        creditor = self.world.resolve(to, self.date).code if to else None
        wanted = ObligationKind(kind) if kind is not None else None
        if debtor is not None:
            pool: Iterable[ObligationEdge] = self.world.edges_from.get(debtor, ())
        elif creditor is not None:
            pool = self.world.edges_to.get(creditor, ())
        else:
            pool = self.world.edges
        return [
            e
            for e in pool
            if (creditor is None or e.to == creditor)
            and (wanted is None or e.obligation.kind is wanted)
            and (treaty is None or e.treaty.id == treaty)
            and self.binds(e)
        ]

    def defenders_of(self, state: str) -> list[ObligationEdge]:
        """Defence obligations owed *to* ``state``: who must defend it, under which article."""
        return self.obligations(to=state, kind=ObligationKind.DEFENSE)

    def commitments_of(
        self, state: str, kind: ObligationKind | str | None = None
    ) -> list[ObligationEdge]:
        """Obligations owed *by* ``state`` (all kinds unless ``kind`` is given)."""
        return self.obligations(from_=state, kind=kind)

    def party_status(self, treaty: Treaty, party: Party) -> str:
        """One word for where ``party`` stands in ``treaty`` on this date."""
        key = (treaty.id, party.state)
        if key in self.bound:
            if (treaty.id, party.state, "*") in self.suspended:
                return "suspended"
            partly = any(s[:2] == key for s in self.suspended) or any(
                s[0] == treaty.id and s[2] == party.state for s in self.suspended
            )
            return "partly_suspended" if partly else "in_force"
        span = self.world.spans.get(key)
        if span is not None and self.date >= span.end:
            if party.exit is not None and self.date >= party.exit.date.first_day:
                return party.exit.how
            return "ended"
        if party.ratified is not None and party.ratified.first_day <= self.date:
            return "ratified"
        if party.acceded is not None and party.acceded.first_day <= self.date:
            return "acceded"
        if party.signed is not None and party.signed.first_day <= self.date:
            return "signed"
        treaty_signed = treaty.signed is None or treaty.signed.first_day <= self.date
        if treaty_signed and not (
            party.signed or party.ratified or party.acceded or party.in_force
        ):
            return "undated"
        return "not_yet_signed"

    def treaties(self, *, state: str | None = None) -> list[TreatyStatus]:
        """Treaties signed by this date (of which ``state`` is a party, if given)."""
        code = self.world.resolve(state, self.date).code if state else None
        out = []
        for treaty in self.world.treaties.values():
            if treaty.signed is not None and treaty.signed.first_day > self.date:
                continue
            if code is not None and treaty.party(code) is None:
                continue
            span = self.world.treaty_spans.get(treaty.id)
            statuses = tuple(PartyStatus(p, self.party_status(treaty, p)) for p in treaty.parties)
            out.append(TreatyStatus(treaty, span is not None and self.date in span, statuses))
        return out

    def apply(self, changes: Iterable[Change], date: dt.date | None = None) -> Snapshot:
        """The snapshot after ``changes`` (in date order) take effect."""
        bound, suspended = set(self.bound), set(self.suspended)
        last = self.date
        for change in changes:
            last = change.date
            keys = [(change.treaty, change.state, o) for o in change.towards or ("*",)]
            if change.effect == "bind":
                bound.add((change.treaty, change.state))
            elif change.effect == "unbind":
                bound.discard((change.treaty, change.state))
                suspended.difference_update(
                    k for k in list(suspended) if k[:2] == (change.treaty, change.state)
                )
            elif change.effect == "suspend":
                suspended.update(keys)
            else:
                suspended.difference_update(keys)
        return Snapshot(self.world, date or last, frozenset(bound), frozenset(suspended))
