"""Plain-data records of scenario results: the JSON contract of ``foedus scenario``."""

from __future__ import annotations

from typing import Any

from foedus.engine.cascade import Cascade, Entry, Reason
from foedus.engine.montecarlo import MonteCarlo
from foedus.engine.scenario import Scenario

__all__ = ["cascade_record", "monte_carlo_record"]


def _reason(r: Reason) -> dict[str, Any]:
    return {
        "treaty": r.treaty,
        "article": r.article,
        "kind": r.kind,
        "protected": r.protected,
        "attacker": list(r.attacker),
        "automatic": r.automatic,
    }


def _entry(e: Entry, names: dict[str, str]) -> dict[str, Any]:
    return {
        "state": e.state,
        "name": names.get(e.state, e.state),
        "side": e.side,
        "step": e.step,
        "because": [_reason(r) for r in e.because],
    }


def cascade_record(cascade: Cascade, scenario: Scenario) -> dict[str, Any]:
    """The deterministic result: sides (0: the side that started the war), entries in order
    with reasons, expected discretionary entries, obligations not triggered, torn states."""
    registry = cascade.compiled.world.registry
    names = {s.code: s.name for s in registry}
    return {
        "scenario": scenario.name,
        "date": cascade.compiled.day.isoformat(),
        "discretionary": scenario.discretionary,
        "sides": [list(side) for side in cascade.sides],
        "entries": [_entry(e, names) for e in cascade.entries],
        "expected": [_entry(e, names) for e in cascade.expected],
        "not_triggered": [
            {
                "state": n.state,
                "treaty": n.treaty,
                "article": n.article,
                "kind": n.kind,
                "protected": n.protected,
                "reason": n.reason,
            }
            for n in cascade.not_triggered
        ],
        "torn": [
            {
                "state": t.state,
                "side": t.side,
                "pulled_to": t.pulled_to,
                "treaty": t.treaty,
                "article": t.article,
                "protected": t.protected,
            }
            for t in cascade.torn
        ],
    }


def monte_carlo_record(mc: MonteCarlo) -> dict[str, Any]:
    """P(join) per state (overall, per side, 95% Wilson interval) and the distribution of the
    number of belligerents, with its mean and a 95% interval of the mean."""
    records = mc.records()
    sizes = mc.sizes.astype(float)
    mean = float(sizes.mean())
    half = (
        1.959963984540054 * float(sizes.std(ddof=1)) / len(sizes) ** 0.5 if len(sizes) > 1 else 0.0
    )
    distribution = {str(k): v / mc.runs for k, v in sorted(mc.belligerents().items())}
    return {
        "runs": mc.runs,
        "seed": mc.seed,
        "p_join": {r["state"]: r["p"] for r in records},
        "p_join_side": {r["state"]: r["p_side"] for r in records},
        "p_join_ci95": {r["state"]: r["ci95"] for r in records},
        "belligerents": distribution,
        "belligerents_mean": mean,
        "belligerents_mean_ci95": [mean - half, mean + half],
    }
