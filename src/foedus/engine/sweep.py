"""Sweeps: every ordered pair of states, "A attacks B" on one day, through the cascade.

Each day's obligations are compiled once (:func:`~foedus.engine.compile.compile_snapshot`) and
every pair runs through the numba kernel: once with the deterministic rule (p = 1 for the
obligations that fire, 0 for the others) and, with ``runs``, by Monte Carlo. Useful to ask which
attacks would draw in the most states on a date, and how that changed over the years.

>>> import foedus
>>> from foedus.engine.reliability import ReliabilityModel
>>> rows = sweep(foedus.load(), "2025-06-01", states=["PRK", "KOR", "USA"],
...              reliability=ReliabilityModel.constant(0.5), runs=200)
>>> next(r for r in rows if (r.attacker, r.target) == ("KOR", "PRK")).belligerents
4
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from foedus.engine.compile import FloatArray, compile_scenario, compile_snapshot
from foedus.engine.kernel import simulate_sides
from foedus.engine.montecarlo import arrays_of
from foedus.engine.reliability import ReliabilityModel
from foedus.engine.scenario import Attack, Scenario
from foedus.model.dates import DateLike, to_date
from foedus.query.world import World

__all__ = ["PairOutcome", "sweep"]


@dataclass(frozen=True, slots=True)
class PairOutcome:
    """What follows from ``attacker`` attacking ``target``."""

    attacker: str
    target: str
    belligerents: int  # deterministic cascade
    joiners: tuple[str, ...]  # deterministic joiners, in order of entry
    mean_belligerents: float | None  # Monte Carlo (None without runs)
    p_spread: float | None  # P(at least one state joins the two), Monte Carlo


def sweep(
    world: World,
    day: DateLike,
    *,
    reliability: ReliabilityModel,
    states: Sequence[str] | None = None,
    runs: int = 0,
    seed: int = 0,
    discretionary: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> list[PairOutcome]:
    """Every ordered pair of ``states`` (default: every state existing on ``day``)."""
    when = to_date(day)
    codes = (
        [world.resolve(s, when).code for s in states]
        if states is not None
        else [s.code for s in world.registry if s.exists_on(when)]
    )
    pairs = [(a, b) for a in codes for b in codes if a != b]
    base = compile_snapshot(world, when)
    fires = np.where(base.e_automatic | discretionary, 1.0, 0.0)
    p = np.array([reliability.p(e, when) for e in base.edges], dtype=np.float64)
    out = []
    for i, (a, b) in enumerate(pairs):
        out.append(_pair(world, when, a, b, fires, p, runs, seed))
        if progress is not None:
            progress(i + 1, len(pairs))
    return out


def _pair(
    world: World,
    day: dt.date,
    attacker: str,
    target: str,
    fires: FloatArray,
    p: FloatArray,
    runs: int,
    seed: int,
) -> PairOutcome:
    scenario = Scenario(date=day, events=(Attack(by=attacker, on=target),))
    compiled = compile_scenario(world, scenario)
    arrays = arrays_of(compiled)
    _, sizes, sides = simulate_sides(arrays, fires, runs=1, seed=seed, keep=True, chunks=1)
    joined = [
        compiled.codes[i]
        for i in np.flatnonzero(sides[0] >= 0)
        if compiled.codes[i] not in (attacker, target)
    ]
    mean = spread = None
    if runs:
        _, draws, _ = simulate_sides(arrays, p, runs=runs, seed=seed)
        mean = float(draws.mean())
        spread = float((draws > 2).mean())
    return PairOutcome(attacker, target, int(sizes[0]), tuple(joined), mean, spread)
