"""Compile a world on a date and a scenario's events into flat arrays for the cascade.

The same compiled form feeds the explaining deterministic cascade and the Monte Carlo kernel,
so both follow one semantics. Only obligations that can bring a state into a war (``defense``
and ``offense``) become edges; they are sorted by the treaty's signature date, which is also the
order in which a state torn between two sides decides (the older commitment first).
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from foedus.engine.locations import location_applies
from foedus.engine.scenario import Attack, Intervene, Scenario
from foedus.errors import InputError
from foedus.model.obligation import LocationScope, ObligationKind
from foedus.query.edges import ObligationEdge
from foedus.query.snapshot import Snapshot
from foedus.query.world import World

__all__ = ["Compiled", "InitialEvent", "SnapshotArrays", "compile_scenario", "compile_snapshot"]

IntArray = npt.NDArray[np.int32]
BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]
JOINING_KINDS = (ObligationKind.DEFENSE, ObligationKind.OFFENSE)


@dataclass(frozen=True, slots=True)
class InitialEvent:
    """An initiating event with state indices: ``a`` attacks ``b`` at ``place``, or ``a``
    intervenes on ``b``'s side (``place`` is then -1)."""

    attack: bool
    a: int
    b: int
    place: int
    date: dt.date | None


def _sort_key(edge: ObligationEdge) -> tuple[str, str, str, str]:
    signed = edge.treaty.signed.first_day.isoformat() if edge.treaty.signed else "9999"
    return (signed, edge.treaty.id, edge.from_, edge.to)


@dataclass(frozen=True, slots=True)
class SnapshotArrays:
    """The scenario-independent part: a day's joining obligations as arrays (cached per day)."""

    snapshot: Snapshot
    edges: tuple[ObligationEdge, ...]
    codes: tuple[str, ...]
    index: dict[str, int]
    e_from: IntArray
    e_to: IntArray
    e_offense: BoolArray
    e_unprovoked: BoolArray
    e_automatic: BoolArray
    e_group: IntArray  # one id per (obligor, treaty): they share one random draw
    e_min: IntArray
    scope_ptr: IntArray
    scope_idx: IntArray
    in_ptr: IntArray
    in_idx: IntArray
    e_territorial: BoolArray  # the obligation covers attacks on the protected state's territory
    e_area: IntArray  # index into ``areas`` of the obligation's named area, or -1
    areas: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Compiled:
    """A scenario as arrays: the day's obligations (``base``, shared between scenarios of that
    day), plus the scenario's states, places and initial events."""

    world: World
    day: dt.date
    base: SnapshotArrays
    codes: tuple[str, ...]  # the base's states, then states named only by events
    places: tuple[str, ...]
    e_place_ok: BoolArray  # [edge, place]: does the obligation cover fighting at that place?
    in_ptr: IntArray  # the base's, extended to the event-only states
    events: tuple[InitialEvent, ...]

    snapshot = property(lambda self: self.base.snapshot)
    edges = property(lambda self: self.base.edges)
    e_from = property(lambda self: self.base.e_from)
    e_to = property(lambda self: self.base.e_to)
    e_offense = property(lambda self: self.base.e_offense)
    e_unprovoked = property(lambda self: self.base.e_unprovoked)
    e_automatic = property(lambda self: self.base.e_automatic)
    e_group = property(lambda self: self.base.e_group)
    e_min = property(lambda self: self.base.e_min)
    scope_ptr = property(lambda self: self.base.scope_ptr)
    scope_idx = property(lambda self: self.base.scope_idx)
    in_idx = property(lambda self: self.base.in_idx)

    @property
    def n_states(self) -> int:
        return len(self.codes)

    def probabilities(self, p_of: Callable[[ObligationEdge], float]) -> FloatArray:
        """Per-edge probability of being honoured, from a function of the edge."""
        return np.array([p_of(e) for e in self.edges], dtype=np.float64)


_CACHE: weakref.WeakKeyDictionary[World, OrderedDict[dt.date, SnapshotArrays]] = (
    weakref.WeakKeyDictionary()
)
_CACHE_DAYS = 256


def compile_snapshot(world: World, day: dt.date) -> SnapshotArrays:
    """The joining obligations in force on ``day`` as arrays; computed once per world and day."""
    per_world = _CACHE.setdefault(world, OrderedDict())
    if day in per_world:
        per_world.move_to_end(day)
        return per_world[day]
    snap = world.on(day)
    edges = tuple(sorted((e for e in snap.obligations() if e.kind in JOINING_KINDS), key=_sort_key))
    index: dict[str, int] = {}
    for edge in edges:
        for code in (edge.from_, edge.to, *edge.obligation.trigger.attacker.states):
            index.setdefault(code, len(index))
    e_to = np.array([index[e.to] for e in edges], dtype=np.int32)
    scope_ptr = np.zeros(len(edges) + 1, dtype=np.int32)
    scope: list[int] = []
    for k, edge in enumerate(edges):
        scope += [index[code] for code in edge.obligation.trigger.attacker.states]
        scope_ptr[k + 1] = len(scope)
    locations = [e.obligation.trigger.location for e in edges]
    area_ids = tuple(sorted({loc.area for loc in locations if loc.area is not None}))
    counts = np.zeros(len(index) + 1, dtype=np.int32)
    np.add.at(counts, e_to + 1, 1)
    arrays = SnapshotArrays(
        snapshot=snap,
        edges=edges,
        codes=tuple(index),
        index=index,
        e_from=np.array([index[e.from_] for e in edges], dtype=np.int32),
        e_to=e_to,
        e_offense=np.array([e.kind is ObligationKind.OFFENSE for e in edges], dtype=np.bool_),
        e_unprovoked=np.array(
            [e.obligation.trigger.unprovoked_only for e in edges], dtype=np.bool_
        ),
        e_automatic=np.array([e.automatic for e in edges], dtype=np.bool_),
        e_group=_groups(edges),
        e_min=np.array(
            [e.obligation.trigger.attacker.min_attackers for e in edges], dtype=np.int32
        ),
        scope_ptr=scope_ptr,
        scope_idx=np.array(scope, dtype=np.int32),
        in_ptr=np.cumsum(counts, dtype=np.int32),
        in_idx=np.argsort(e_to, kind="stable").astype(np.int32),
        e_territorial=np.array(
            [loc.scope in ("territory", "administered_territory") for loc in locations],
            dtype=np.bool_,
        ),
        e_area=np.array(
            [area_ids.index(loc.area) if loc.area is not None else -1 for loc in locations],
            dtype=np.int32,
        ),
        areas=area_ids,
    )
    per_world[day] = arrays
    if len(per_world) > _CACHE_DAYS:
        per_world.popitem(last=False)
    return arrays


def _groups(edges: Sequence[ObligationEdge]) -> IntArray:
    """Edge -> id of its (obligor, treaty) pair, in order of first appearance."""
    ids: dict[tuple[str, str], int] = {}
    return np.array(
        [ids.setdefault((e.from_, e.treaty.id), len(ids)) for e in edges], dtype=np.int32
    )


def _place_ok(world: World, base: SnapshotArrays, place: str) -> BoolArray:
    """For every edge: does its location scope cover fighting at ``place``? (The rules of
    :func:`~foedus.engine.locations.location_applies`, applied per distinct scope.)"""
    ok = np.ones(len(base.edges), dtype=np.bool_)
    if base.e_territorial.any():
        area = world.areas.get(place)
        owner = area.part_of if area is not None and area.part_of else place
        owner_idx = base.index.get(owner, -1)
        ok[base.e_territorial] = base.e_to[base.e_territorial] == owner_idx
    if base.areas:
        covered = np.array(
            [
                location_applies(LocationScope(scope="area", area=a), "", place, world.areas)
                for a in base.areas
            ],
            dtype=np.bool_,
        )
        named = base.e_area >= 0
        ok[named] = covered[base.e_area[named]]
    return ok


def compile_scenario(world: World, scenario: Scenario, *, day: dt.date | None = None) -> Compiled:
    """Compile ``scenario`` on ``world`` (already edited) as of ``day`` (default: its date)."""
    when = day or scenario.day
    base = compile_snapshot(world, when)
    codes = list(base.codes)
    index = dict(base.index)

    def idx(code: str) -> int:
        if code not in index:
            index[code] = len(codes)
            codes.append(code)
        return index[code]

    places: list[str] = []
    events = []
    for i, event in enumerate(_ordered(scenario)):
        if isinstance(event, Attack):
            a = world.resolve(event.by, when).code
            b = world.resolve(event.on, when).code
            if a == b:
                raise InputError(f"events[{i}]: {a} cannot attack itself; name two states")
            place = event.at or b
            if place not in places:
                places.append(place)
            events.append(InitialEvent(True, idx(a), idx(b), places.index(place), _d(event)))
        else:
            a = world.resolve(event.state, when).code
            b = world.resolve(event.side, when).code
            if a == b:
                raise InputError(f"events[{i}]: {a} cannot intervene on its own side")
            events.append(InitialEvent(False, idx(a), idx(b), -1, _d(event)))
    place_ok = np.ones((len(base.edges), max(len(places), 1)), dtype=np.bool_)
    for j, place in enumerate(places):
        place_ok[:, j] = _place_ok(world, base, place)
    extra = len(codes) - len(base.codes)
    in_ptr = np.concatenate([base.in_ptr, np.full(extra, base.in_ptr[-1], dtype=np.int32)])
    return Compiled(
        world=world,
        day=when,
        base=base,
        codes=tuple(codes),
        places=tuple(places),
        e_place_ok=place_ok,
        in_ptr=in_ptr,
        events=tuple(events),
    )


def _d(event: object) -> dt.date | None:
    date = getattr(event, "date", None)
    return date.first_day if date is not None else None


def _ordered(scenario: Scenario) -> Sequence[Attack | Intervene]:
    """Events by date (undated ones at the scenario date), keeping file order on ties."""
    base = scenario.day
    keyed = [((e.date.first_day if e.date else base), i, e) for i, e in enumerate(scenario.events)]
    return [e for _, _, e in sorted(keyed, key=lambda x: (x[0], x[1]))]
