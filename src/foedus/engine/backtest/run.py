"""Run the whole backtest: fit on the fit period, predict every war, score against baselines.

Models and baselines, each scored on the same candidates (per period: ``fit``, ``test``, ``all``):

* ``model``: the engine with reliability fitted on the fit period only
  (:mod:`foedus.engine.backtest.fit`); joiners = the deterministic cascade (every applicable
  obligation fires), P(join) = Monte Carlo;
* ``model_size``: the same with reliability by kind and alliance size class, fitted on the fit
  period (:mod:`foedus.engine.backtest.sized`);
* ``model_default``: the same with the bundled reliability (Berkemeier & Fuhrmann's published
  rates — their post-1945 rate comes from wars that overlap our test period, so it is not an
  out-of-sample figure);
* ``baseline_none``: no one joins, P(join) = 0;
* ``baseline_allies``: every candidate with any ATOP obligation in force with an initial
  belligerent joins its side, P(join) = 1 for them, 0 otherwise;
* ``baseline_rate``: P(join) = the fit period's share of candidates that joined (no joiners
  predicted);
* ``baseline_allies_rate``: P(join) = the fit period's share of *allied* candidates that joined
  for allied candidates, of the others for the others.

References
----------
Berkemeier, M. & Fuhrmann, M. (2018). Reassessing the Fulfillment of Alliance Commitments in War.
*Research & Politics* 5(2).
Reiter, D., Stam, A. C. & Horowitz, M. C. (2016). A Revised Look at Interstate Wars, 1816-2007.
*Journal of Conflict Resolution* 60(5), 956-976.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from foedus.engine.backtest.cases import SPLIT_YEAR, WarCase
from foedus.engine.backtest.fit import fit_reliability, honour_rates
from foedus.engine.backtest.fulfilment import (
    AllianceCase,
    BfRow,
    Comparison,
    alliance_cases,
    compare,
)
from foedus.engine.backtest.history import Commitment, commitments, fought_war
from foedus.engine.backtest.metrics import Bin, Row, Scores, calibration, score
from foedus.engine.backtest.predict import EdgeReliability, WarPrediction, codes_of, predict_war
from foedus.engine.backtest.sized import SizedReliability, fit_sized
from foedus.engine.reliability import ReliabilityModel
from foedus.query.world import World

__all__ = ["MODELS", "PERIODS", "Backtest", "rows_for", "run_backtest"]

MODELS = (
    "model",
    "model_size",
    "model_default",
    "baseline_none",
    "baseline_allies",
    "baseline_rate",
    "baseline_allies_rate",
)
PERIODS = ("fit", "test", "all")


@dataclass
class Backtest:
    """Everything the report shows."""

    cases: list[WarCase]
    predictions: list[WarPrediction]
    fitted: ReliabilityModel
    sized: SizedReliability
    default: ReliabilityModel
    rates: dict[str, float]
    scores: dict[str, dict[str, Scores]]
    calibration: dict[str, dict[str, list[Bin]]]
    commitments: list[Commitment]
    alliances: list[AllianceCase]
    fulfilment: Comparison | None
    honour: dict[str, dict[str, tuple[int, int]]]
    runs: int
    seed: int
    code_of: dict[int, str] = field(default_factory=dict)
    split_year: int = SPLIT_YEAR
    notes: list[str] = field(default_factory=list)


def rows_for(pred: WarPrediction, model: str, rates: dict[str, float]) -> list[Row]:
    """The scored rows of one war under one model or baseline."""
    out = []
    for code in pred.candidates:
        actual = pred.actual.get(code)
        if model in ("model", "model_size", "model_default"):
            row = Row(pred.deterministic.get(code), actual, pred.p[model].get(code, 0.0))
        elif model == "baseline_none":
            row = Row(None, actual, 0.0)
        elif model == "baseline_allies":
            side = pred.allies.get(code)
            row = Row(side, actual, 1.0 if side is not None else 0.0)
        elif model == "baseline_rate":
            row = Row(None, actual, rates["all"])
        else:
            allied = code in pred.allies
            row = Row(None, actual, rates["allied"] if allied else rates["not_allied"])
        out.append(row)
    return out


def _base_rates(preds: Sequence[WarPrediction]) -> dict[str, float]:
    fit = [p for p in preds if p.case.period == "fit"]
    n = sum(len(p.candidates) for p in fit)
    joined = sum(len(p.actual) for p in fit)
    allied = [(c in p.actual) for p in fit for c in p.candidates if c in p.allies]
    other = [(c in p.actual) for p in fit for c in p.candidates if c not in p.allies]
    return {
        "all": joined / n if n else 0.0,
        "allied": sum(allied) / len(allied) if allied else 0.0,
        "not_allied": sum(other) / len(other) if other else 0.0,
    }


def run_backtest(
    world: World,
    cases: Sequence[WarCase],
    *,
    members_on: Callable[[dt.date], set[int]],
    default: ReliabilityModel,
    runs: int = 2000,
    seed: int = 0,
    bf_rows: Sequence[BfRow] = (),
    progress: Callable[[str], None] | None = None,
) -> Backtest:
    """Fit on wars begun before :data:`SPLIT_YEAR`, predict every war, score, compare."""
    ccodes = sorted({b.ccode for c in cases for b in c.belligerents})
    members = {c.war: members_on(c.onset) for c in cases}
    code_of = codes_of(world, sorted(set(ccodes) | {m for s in members.values() for m in s}))
    notes = [
        f"{n} COW codes have no registry state" for n in [len(set(ccodes) - set(code_of))] if n
    ]
    found: list[Commitment] = []
    for case in cases:
        snap = world.on(case.onset)
        war = fought_war(case, code_of)
        edges = [e for code in war.sides for e in world.edges_from.get(code, ()) if snap.binds(e)]
        edges += [
            e
            for code in war.sides
            for e in world.edges_to.get(code, ())
            if e.from_ not in war.sides and snap.binds(e)
        ]
        initial = {code_of[b.ccode] for b in case.initial if b.ccode in code_of}
        found += commitments(case, edges, war, initial=initial)
    years = {c.war: c.onset.year for c in cases}
    fitted = fit_reliability(found, years, split_year=SPLIT_YEAR)
    parties = {t.id: len(t.parties) for t in world.treaties.values()}
    sized = fit_sized(found, years, parties, split_year=SPLIT_YEAR)
    models: dict[str, EdgeReliability] = {
        "model": fitted,
        "model_size": sized,
        "model_default": default,
    }
    preds = []
    for case in cases:
        if progress is not None:
            progress(f"war {case.war} {case.name} ({case.onset})")
        preds.append(
            predict_war(
                world,
                case,
                code_of=code_of,
                members=members[case.war],
                models=models,
                runs=runs,
                seed=seed,
            )
        )
    rates = _base_rates(preds)
    scores: dict[str, dict[str, Scores]] = {}
    calib: dict[str, dict[str, list[Bin]]] = {}
    for name in MODELS:
        scores[name], calib[name] = {}, {}
        for period in PERIODS:
            rows = [
                r
                for p in preds
                if period in ("all", p.case.period)
                for r in rows_for(p, name, rates)
            ]
            scores[name][period] = score(rows)
            calib[name][period] = calibration(rows)
    alliances = alliance_cases(found)
    comparison = None
    if bf_rows:
        begins: dict[int, dt.date | None] = {}
        for t in world.treaties.values():
            if t.atop:
                first = t.signed.first_day if t.signed else None
                old = begins.get(t.atop[0])
                begins[t.atop[0]] = first if old is None else min(old, first or old)
        onsets = {c.war: c.onset for c in cases}
        comparison = compare(alliances, bf_rows, wars=onsets, begins=begins)
    honour = {
        period: {
            k: (r.honoured, r.applicable)
            for k, r in honour_rates(found, years, first=lo, last=hi).items()
        }
        for period, (lo, hi) in (("fit", (0, SPLIT_YEAR - 1)), ("test", (SPLIT_YEAR, 9999)))
    }
    return Backtest(
        cases=list(cases),
        predictions=preds,
        fitted=fitted,
        sized=sized,
        default=default,
        rates=rates,
        scores=scores,
        calibration=calib,
        commitments=found,
        alliances=alliances,
        fulfilment=comparison,
        honour=honour,
        runs=runs,
        seed=seed,
        code_of=code_of,
        notes=notes,
    )
