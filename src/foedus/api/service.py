"""The loaded World, once per process, and the cached answers the routers serve.

Answers to dated queries are cached as serialized JSON bytes per (date, filters), so a repeated
query costs a dictionary look-up: the load benchmark (``benchmarks/api_load.py``) depends on it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import anyio
import orjson

from foedus.api.limits import Limits
from foedus.api.params import parse_kind, resolve_state
from foedus.engine.reliability import ReliabilityModel
from foedus.io.records import change_record, obligation_record, treaty_status_record
from foedus.io.scenarios import load_reliability
from foedus.query.world import World

__all__ = ["Service", "dumps"]

CACHE_SIZE = 4096


def dumps(data: Any) -> bytes:
    """JSON bytes (UTF-8, not ASCII-escaped), as the CLI's ``--format json`` prints them."""
    return orjson.dumps(data)


class Service:
    """What the routers need: the world, the limits, and memoised query answers."""

    def __init__(self, world: World, limits: Limits, corpus: Sequence[Path] = ()) -> None:
        self.world = world
        self.limits = limits
        self.corpus = tuple(corpus)
        self.obligations = lru_cache(maxsize=CACHE_SIZE)(self._obligations)
        self.network = lru_cache(maxsize=CACHE_SIZE)(self._network)
        self.treaties = lru_cache(maxsize=CACHE_SIZE)(self._treaties)
        self.changes = lru_cache(maxsize=CACHE_SIZE)(self._changes)
        self._reliability: ReliabilityModel | None = None
        self._limiter: anyio.CapacityLimiter | None = None

    def reliability(self) -> ReliabilityModel:
        """The bundled reliability model (read once)."""
        if self._reliability is None:
            self._reliability = load_reliability()
        return self._reliability

    def scenario_limiter(self) -> anyio.CapacityLimiter:
        """At most one scenario run at a time per process (Monte Carlo uses every core)."""
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(1)
        return self._limiter

    def _obligations(
        self,
        day: dt.date,
        from_: str | None,
        to: str | None,
        kind: str | None,
        treaty: str | None,
    ) -> bytes:
        world = self.world
        debtor = resolve_state(world, from_, day, "from") if from_ else None
        creditor = resolve_state(world, to, day, "to") if to else None
        wanted = parse_kind(kind)
        if treaty is not None:
            world.treaty(treaty)
        snap = world.on(day)
        found = snap.obligations(from_=debtor, to=creditor, kind=wanted, treaty=treaty)
        return dumps([obligation_record(e, snap) for e in found])

    def _treaties(self, day: dt.date, state: str | None) -> bytes:
        code = resolve_state(self.world, state, day, "state") if state else None
        snap = self.world.on(day)
        return dumps([treaty_status_record(s, snap) for s in snap.treaties(state=code)])

    def _changes(self, start: dt.date, end: dt.date) -> bytes:
        registry = self.world.registry
        return dumps([change_record(c, registry) for c in self.world.changes(start, end)])

    def _network(self, day: dt.date, kind: str | None) -> bytes:
        """States linked by obligations in force (aggregated per ordered pair), and the treaties
        that create them with the states they link (``members``) and those owed the obligation
        (``protected``), most protected first."""
        world = self.world
        snap = world.on(day)
        edges = snap.obligations(kind=parse_kind(kind))
        pairs: dict[tuple[str, str], dict[str, Any]] = {}
        members: dict[str, set[str]] = defaultdict(set)
        protected: dict[str, set[str]] = defaultdict(set)
        for e in edges:
            key = (e.from_, e.to)
            item = pairs.setdefault(
                key, {"from": e.from_, "to": e.to, "treaties": [], "automatic": False}
            )
            if e.treaty.id not in item["treaties"]:
                item["treaties"].append(e.treaty.id)
            item["automatic"] = item["automatic"] or e.automatic
            members[e.treaty.id].update((e.from_, e.to))
            protected[e.treaty.id].add(e.to)
        codes = sorted({c for key in pairs for c in key})
        nodes = []
        for code in codes:
            state = world.registry.get(code)
            nodes.append(
                {
                    "code": code,
                    "name": state.name if state else code,
                    "iso3": state.iso3 if state else None,
                    "cow": state.cow if state else None,
                }
            )
        treaties = [
            {
                "id": tid,
                "name": world.treaties[tid].name,
                "short_name": world.treaties[tid].short_name,
                "members": sorted(parties),
                "protected": sorted(protected[tid]),
            }
            for tid, parties in sorted(
                members.items(), key=lambda kv: (-len(protected[kv[0]]), -len(kv[1]), kv[0])
            )
        ]
        return dumps(
            {
                "date": day.isoformat(),
                "kind": kind,
                "nodes": nodes,
                "edges": list(pairs.values()),
                "treaties": treaties,
            }
        )
