"""The compiled location table agrees with the location rules, edge by edge."""

from __future__ import annotations

import datetime as dt

import pytest

import foedus
from foedus.engine.compile import _place_ok, compile_snapshot
from foedus.engine.locations import location_applies


@pytest.mark.parametrize("day", ["1914-07-28", "1960-01-01", "2025-06-01"])
def test_place_table_matches_location_rules(world: foedus.World, day: str) -> None:
    base = compile_snapshot(world, dt.date.fromisoformat(day))
    places = sorted({e.to for e in base.edges}) + sorted(world.areas)
    for place in places:
        table = _place_ok(world, base, place)
        for k, edge in enumerate(base.edges):
            want = location_applies(edge.obligation.trigger.location, edge.to, place, world.areas)
            assert table[k] == want, (edge.treaty.id, edge.to, place)
