"""Plain-data records of query results: the stable JSON contract of the CLI and the REST API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from foedus.model.obligation import Obligation
from foedus.model.registry import StateRegistry
from foedus.model.source import Source
from foedus.model.treaty import Party, Treaty
from foedus.query.changes import Change
from foedus.query.edges import ObligationEdge
from foedus.query.snapshot import Snapshot, TreatyStatus

__all__ = ["change_record", "obligation_record", "source_record", "treaty_status_record"]


def source_record(source: Source) -> dict[str, Any]:
    return source.model_dump(mode="json", exclude_none=True, by_alias=True)


def _sources(treaty: Treaty, ids: tuple[str, ...]) -> list[dict[str, Any]]:
    by_id = {s.id: s for s in treaty.sources}
    return [source_record(by_id[i]) for i in ids if i in by_id]


def conditions_record(obligation: Obligation) -> dict[str, Any]:
    """Trigger, response and free-text conditions of an obligation."""
    trigger = obligation.trigger
    return {
        "event": trigger.event,
        "attackers": list(trigger.attacker.states) or "any",
        "min_attackers": trigger.attacker.min_attackers,
        "location": trigger.location.area or trigger.location.scope,
        "unprovoked_only": trigger.unprovoked_only,
        "means": obligation.response.means,
        "timing": obligation.response.timing,
        "constitutional_processes": obligation.response.constitutional_processes,
        "text": obligation.conditions,
    }


def _cow(registry: StateRegistry, code: str) -> int | None:
    state = registry.get(code)
    return state.cow if state else None


def _bound_at_the_latest(party: Party | None, start: dt.date) -> bool:
    """True when ``start`` is the party's ``bound_by`` day (its true start is unknown)."""
    return (
        party is not None
        and party.bound_by is not None
        and not (party.ratified or party.acceded or party.in_force)
        and party.bound_by.last_day == start
    )


def obligation_record(edge: ObligationEdge, snapshot: Snapshot) -> dict[str, Any]:
    """One obligation in force on the snapshot's date."""
    world = snapshot.world
    treaty = edge.treaty
    spans = [world.spans[(treaty.id, s)] for s in (edge.from_, edge.to)]
    since = max(s.start for s in spans)
    return {
        "treaty": treaty.id,
        "treaty_name": treaty.name,
        "signed": str(treaty.signed) if treaty.signed else None,
        "article": edge.article.number,
        "kind": edge.kind.value,
        "from": edge.from_,
        "to": edge.to,
        "from_cow": _cow(world.registry, edge.from_),
        "to_cow": _cow(world.registry, edge.to),
        "automatic": edge.automatic,
        "since": since.isoformat(),
        "since_at_the_latest": any(
            span.start == since and _bound_at_the_latest(treaty.party(code), since)
            for code, span in zip((edge.from_, edge.to), spans, strict=True)
        ),
        "says": edge.article.says,
        "conditions": conditions_record(edge.obligation),
        "sources": _sources(treaty, edge.article.sources),
    }


def treaty_status_record(status: TreatyStatus, snapshot: Snapshot) -> dict[str, Any]:
    treaty = status.treaty
    registry = snapshot.world.registry
    return {
        "id": treaty.id,
        "name": treaty.name,
        "signed": str(treaty.signed) if treaty.signed else None,
        "in_force": status.in_force,
        "parties": [
            {"state": p.party.state, "cow": _cow(registry, p.party.state), "status": p.status}
            for p in status.parties
        ],
    }


def change_record(change: Change, registry: StateRegistry) -> dict[str, Any]:
    return {
        "date": change.date.isoformat(),
        "treaty": change.treaty,
        "state": change.state,
        "cow": _cow(registry, change.state),
        "kind": change.kind,
        "effect": change.effect,
        "towards": list(change.towards),
    }
