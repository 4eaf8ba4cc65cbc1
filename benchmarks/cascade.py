"""Monte Carlo cascade benchmark: the numba kernel against a plain reference implementation.

The reference builds a networkx graph of the obligations and runs each draw as a Python loop,
written straightforwardly from DESIGN.md §5, with the same counter-based random numbers; both
must give identical sides in every draw on fixed seeds before any time is reported.

Run: ``python benchmarks/cascade.py`` (``--json`` for machines). Figures are ratios measured in
the same run, plus cascades per second on one core.
"""

# The closures below are called only within the loop iteration that defines them.
# ruff: noqa: B023
from __future__ import annotations

import json
import statistics
import sys
import time
from typing import Any

import networkx as nx
import numba
import numpy as np

import foedus
from foedus.engine import prepare, run_cascade
from foedus.engine.compile import Compiled
from foedus.engine.montecarlo import run_monte_carlo
from foedus.engine.rng import uniform
from foedus.io.scenarios import find_scenario, load_reliability, load_scenario

SCENARIOS = ("russia-attacks-estonia-2025", "korea-north-attacks-south-2025")


def reference(c: Compiled, p: np.ndarray, runs: int, seed: int) -> np.ndarray:
    """Sides per draw, by a straightforward Python loop over a networkx multigraph."""
    graph = nx.MultiDiGraph()
    for e in range(len(c.edges)):
        lo, hi = int(c.scope_ptr[e]), int(c.scope_ptr[e + 1])
        graph.add_edge(
            int(c.e_to[e]),
            int(c.e_from[e]),
            key=e,
            offense=bool(c.e_offense[e]),
            unprovoked=bool(c.e_unprovoked[e]),
            need=int(c.e_min[e]),
            scope={int(x) for x in c.scope_idx[lo:hi]},
            where=c.e_place_ok[e],
            p=float(p[e]),
            group=int(c.e_group[e]),
        )
    phases: list[list[Any]] = []
    for ev in c.events:
        if not phases or ev.date != phases[-1][0].date:
            phases.append([])
        phases[-1].append(ev)
    out = np.full((runs, c.n_states), -1, dtype=np.int8)
    for d in range(runs):
        side: dict[int, int] = {}
        order: list[int] = []
        attackers: dict[int, list[int]] = {}
        place: dict[int, int] = {}

        def enter(s: int, x: int) -> None:
            side[s] = x
            order.append(s)

        def attack(a: int, t: int, where: int) -> None:
            attackers.setdefault(t, [])
            if a not in attackers[t]:
                attackers[t].append(a)
            place.setdefault(t, where)

        def victims(a: int) -> list[int]:
            return [v for v in order if a in attackers.get(v, [])]

        for phase in phases:
            for ev in phase:
                if ev.attack:
                    if ev.a not in side:
                        enter(ev.a, 1 - side[ev.b] if ev.b in side else 0)
                    if ev.b not in side:
                        enter(ev.b, 1 - side[ev.a])
                    attack(ev.a, ev.b, ev.place)
                elif ev.b in side:
                    if ev.a not in side:
                        enter(ev.a, side[ev.b])
                    for enemy in list(attackers.get(ev.b, [])):
                        attack(ev.a, enemy, place.get(ev.b, -1))
            while True:
                fires, chosen = [], {}
                for t in list(order):
                    if t not in graph:
                        continue
                    for _, f, e, data in graph.out_edges(t, keys=True, data=True):
                        if f in side:
                            continue
                        if data["offense"]:
                            if side[t] != 0:
                                continue
                            enemies = victims(t)
                        else:
                            enemies = attackers.get(t, [])
                            if not enemies or (data["unprovoked"] and side[t] == 0):
                                continue
                        hits = [x for x in enemies if not data["scope"] or x in data["scope"]]
                        if not hits or len(hits) < data["need"]:
                            continue
                        at = place.get(t, -1)
                        if not data["offense"] and at >= 0 and not data["where"][at]:
                            continue
                        if uniform(seed, d, data["group"]) >= data["p"]:
                            continue
                        fires.append((f, e, t, data["offense"]))
                        chosen.setdefault(f, side[t])
                if not fires:
                    break
                for f, x in chosen.items():
                    enter(f, x)
                for f, _e, t, offense in fires:
                    if side[f] != side[t]:
                        continue
                    targets = victims(t) if offense else list(attackers.get(t, []))
                    for enemy in targets:
                        attack(f, enemy, place.get(enemy, -1) if offense else place.get(t, -1))
        for s, x in side.items():
            out[d, s] = x
    return out


def _median(fn: Any, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    numba.set_num_threads(1)
    world = foedus.load()
    model = load_reliability()
    results: dict[str, Any] = {}
    for name in SCENARIOS:
        sc = load_scenario(find_scenario(name), world).scenario
        c = prepare(world, sc)
        p = c.probabilities(lambda e, c=c: model.p(e, c.day))
        seed = 2025
        check = run_monte_carlo(c, model, runs=2000, seed=seed, keep_draws=True)
        ref = reference(c, p, 2000, seed)
        assert np.array_equal(check.sides, ref), f"{name}: kernel and reference disagree"
        runs = 200_000
        run_monte_carlo(c, model, runs=1000, seed=seed)  # warm (JIT)
        kernel_s = _median(lambda: run_monte_carlo(c, model, runs=runs, seed=seed))
        ref_runs = 2000
        ref_s = _median(lambda: reference(c, p, ref_runs, seed), repeat=3)
        det_s = _median(lambda: run_cascade(prepare(world, sc), discretionary=sc.discretionary), 50)
        results[name] = {
            "edges": len(c.edges),
            "kernel_cascades_per_s_one_core": runs / kernel_s,
            "reference_cascades_per_s": ref_runs / ref_s,
            "speedup_vs_reference": (runs / kernel_s) / (ref_runs / ref_s),
            "deterministic_ms": det_s * 1000,
            "identical_on_2000_draws": True,
        }
    if "--json" in sys.argv:
        print(json.dumps(results, indent=2))
        return
    for name, row in results.items():
        print(name)
        for key, value in row.items():
            print(f"  {key:34} {value:.6g}" if isinstance(value, float) else f"  {key:34} {value}")


if __name__ == "__main__":
    main()
