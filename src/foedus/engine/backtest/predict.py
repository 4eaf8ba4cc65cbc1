"""Predict each war's joiners from its onset: the engine's cascade, Monte Carlo and baselines.

For a :class:`~foedus.engine.backtest.cases.WarCase` the scenario is the onset only: every
initial belligerent of the initiators' side attacks every initial belligerent of the other side on
the onset date, initiators first (so side 0 is the side that started the war). The world is the one
given (the ATOP import) as of the onset date; nothing that happened later is known to it.

* **Deterministic**: the cascade with every applicable obligation firing (``discretionary=True``:
  ATOP codes no obligation as automatic, so without it nothing would fire).
* **Monte Carlo**: P(join) and P(join on each side) per state, with obligations honoured per a
  :class:`~foedus.engine.reliability.ReliabilityModel`.
* **Allies baseline**: every candidate with any ATOP obligation in force (any kind, either
  direction) with an initial belligerent joins that belligerent's side; tied to both sides, it takes
  the side of its oldest treaty (the engine's rule for torn states).

Candidates are the states in the COW system on the onset date, less the initial belligerents.

References
----------
Leeds, B. A., Long, A. G. & Mitchell, S. M. (2000). Reevaluating Alliance Reliability.
*Journal of Conflict Resolution* 44(5), 686-699.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from foedus.engine.backtest.cases import WarCase
from foedus.engine.cascade import run_cascade
from foedus.engine.compile import compile_scenario
from foedus.engine.montecarlo import arrays_of
from foedus.engine.scenario import Attack, Scenario
from foedus.query.edges import ObligationEdge
from foedus.query.world import World

__all__ = [
    "EdgeReliability",
    "WarPrediction",
    "allies_baseline",
    "codes_of",
    "predict_war",
    "scenario_of",
]


class EdgeReliability(Protocol):
    """Anything that gives an applicable obligation's probability of being honoured (a
    :class:`~foedus.engine.reliability.ReliabilityModel` does). A model with a true
    ``per_state`` attribute is simulated with one decision per state and war (all of a state's
    obligations share one random draw) instead of one per state and treaty."""

    def p(self, edge: ObligationEdge, day: dt.date) -> float: ...


@dataclass(frozen=True)
class WarPrediction:
    """Predicted and actual joiners of one war among its candidates (registry codes)."""

    case: WarCase
    candidates: tuple[str, ...]
    initial: Mapping[str, int]
    actual: Mapping[str, int]
    deterministic: Mapping[str, int]
    allies: Mapping[str, int]
    p: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    p_side: Mapping[str, Mapping[str, tuple[float, float]]] = field(default_factory=dict)
    outside: tuple[str, ...] = ()
    reasons: Mapping[str, str] = field(default_factory=dict)


def scenario_of(case: WarCase, code_of: Mapping[int, str]) -> Scenario:
    """The onset as a scenario: initial side-0 states attack initial side-1 states."""
    side0 = [b for b in case.initial if b.side == 0]
    side1 = [b for b in case.initial if b.side == 1]
    events = [
        Attack(by=code_of[a.ccode], on=code_of[b.ccode], date=None) for a in side0 for b in side1
    ]
    return Scenario(name=f"COW war {case.war}: {case.name}", date=case.onset, events=events)


def allies_baseline(world: World, case: WarCase, code_of: Mapping[int, str]) -> dict[str, int]:
    """State -> side for every state tied by any ATOP obligation to an initial belligerent."""
    snap = world.on(case.onset)
    initial = {code_of[b.ccode]: b.side for b in case.initial if b.ccode in code_of}
    ties: dict[str, list[tuple[str, int]]] = {}
    for code, side in initial.items():
        for edge in (*world.edges_from.get(code, ()), *world.edges_to.get(code, ())):
            other = edge.to if edge.from_ == code else edge.from_
            if other in initial or not snap.binds(edge):
                continue
            signed = edge.treaty.signed.first_day.isoformat() if edge.treaty.signed else "9999"
            ties.setdefault(other, []).append((signed, side))
    return {state: min(sides)[1] for state, sides in ties.items()}


def predict_war(
    world: World,
    case: WarCase,
    *,
    code_of: Mapping[int, str],
    members: set[int],
    models: Mapping[str, EdgeReliability],
    runs: int,
    seed: int,
) -> WarPrediction:
    """Deterministic, Monte Carlo (one per reliability model) and allies-baseline predictions."""
    initial = {code_of[b.ccode]: b.side for b in case.initial}
    candidates = tuple(
        sorted(code_of[c] for c in members if c in code_of and code_of[c] not in initial)
    )
    pool = set(candidates)
    actual = {
        code_of[b.ccode]: b.side
        for b in case.joiners
        if b.ccode in code_of and code_of[b.ccode] in pool
    }
    outside = tuple(
        code_of.get(b.ccode, str(b.ccode)) for b in case.joiners if code_of.get(b.ccode) not in pool
    )
    compiled = compile_scenario(world, scenario_of(case, code_of))
    cascade = run_cascade(compiled, discretionary=True)
    deterministic = {e.state: e.side for e in cascade.entries if e.state in pool}
    reasons = {
        e.state: "; ".join(
            f"{r.treaty} {r.kind} for {r.protected}" for r in e.because if r.treaty is not None
        )
        for e in cascade.entries
        if e.state in pool
    }
    p: dict[str, dict[str, float]] = {}
    p_side: dict[str, dict[str, tuple[float, float]]] = {}
    from foedus.engine.kernel import simulate_sides

    for name, model in models.items():
        probs = np.array([model.p(edge, compiled.day) for edge in compiled.edges], dtype=float)
        arrays = arrays_of(compiled)
        if getattr(model, "per_state", False):
            arrays = {**arrays, "e_group": arrays["e_from"]}
        joined, _, _ = simulate_sides(arrays, probs, runs=runs, seed=seed)
        p[name], p_side[name] = {}, {}
        for i, code in enumerate(compiled.codes):
            total = int(joined[:, i].sum())
            if code in pool and total:
                p[name][code] = total / runs
                p_side[name][code] = (int(joined[0, i]) / runs, int(joined[1, i]) / runs)
    return WarPrediction(
        case=case,
        candidates=candidates,
        initial=initial,
        actual=actual,
        deterministic=deterministic,
        allies={k: v for k, v in allies_baseline(world, case, code_of).items() if k in pool},
        p=p,
        p_side=p_side,
        outside=outside,
        reasons=reasons,
    )


def codes_of(world: World, ccodes: Sequence[int]) -> dict[int, str]:
    """COW number -> registry code, for the numbers the registry knows."""
    out = {}
    for c in ccodes:
        state = world.registry.by_cow(c)
        if state is not None:
            out[c] = state.code
    return out
