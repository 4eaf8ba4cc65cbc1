"""Run the whole backtest: fit on the fit period, predict every war, score against baselines.

Models and baselines, each scored on the same candidates (per period: ``fit``, ``test``, ``all``):

* ``model``: the engine with reliability fitted on the fit period only
  (:mod:`foedus.engine.backtest.fit`); joiners = the deterministic cascade (every applicable
  obligation fires), P(join) = Monte Carlo;
* ``model_size``: the same with reliability by kind and alliance size class, fitted on the fit
  period (:mod:`foedus.engine.backtest.sized`);
* ``model_hybrid``: collective-action reliability (honour rate a / (parties - 1), one decision
  per state and war) plus a background joining rate by covariate cell (major power, neighbour of
  an initial belligerent), both fitted on the fit period
  (:mod:`foedus.engine.backtest.hybrid`); needs the COW major-power and contiguity files;
* ``model_default``: the same with the bundled reliability (Berkemeier & Fuhrmann's published
  rates — their post-1945 rate comes from wars that overlap our test period, so it is not an
  out-of-sample figure);
* ``baseline_none``: no one joins, P(join) = 0;
* ``baseline_allies``: every candidate with any ATOP obligation in force with an initial
  belligerent joins its side, P(join) = 1 for them, 0 otherwise;
* ``baseline_rate``: P(join) = the fit period's share of candidates that joined (no joiners
  predicted);
* ``baseline_allies_rate``: P(join) = the fit period's share of *allied* candidates that joined
  for allied candidates, of the others for the others;
* ``baseline_covariates``: P(join) = the fit period's share of joiners in the candidate's
  covariate cell (major power, neighbour of an initial belligerent), no treaties at all.

References
----------
Berkemeier, M. & Fuhrmann, M. (2018). Reassessing the Fulfillment of Alliance Commitments in War.
*Research & Politics* 5(2).
Reiter, D., Stam, A. C. & Horowitz, M. C. (2016). A Revised Look at Interstate Wars, 1816-2007.
*Journal of Conflict Resolution* 60(5), 956-976.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from foedus.engine.backtest.cases import SPLIT_YEAR, WarCase
from foedus.engine.backtest.covariates import Cell, Covariates
from foedus.engine.backtest.fit import fit_reliability, honour_rates
from foedus.engine.backtest.fulfilment import (
    AllianceCase,
    BfRow,
    Comparison,
    alliance_cases,
    compare,
)
from foedus.engine.backtest.history import Commitment, commitments, fought_war
from foedus.engine.backtest.hybrid import (
    Background,
    CollectiveReliability,
    combine,
    fit_background,
    fit_collective,
)
from foedus.engine.backtest.metrics import Bin, Row, Scores, calibration, score
from foedus.engine.backtest.predict import EdgeReliability, WarPrediction, codes_of, predict_war
from foedus.engine.backtest.sized import SizedReliability, fit_sized
from foedus.engine.reliability import ReliabilityModel
from foedus.query.world import World

__all__ = ["MODELS", "PERIODS", "Backtest", "rows_for", "run_backtest"]

MODELS = (
    "model",
    "model_size",
    "model_hybrid",
    "model_default",
    "baseline_none",
    "baseline_allies",
    "baseline_rate",
    "baseline_allies_rate",
    "baseline_covariates",
)
#: Models whose P(join) comes from the predictions (the rest are computed from rates).
PREDICTED = ("model", "model_size", "model_hybrid", "model_default", "baseline_covariates")
_TREATY_PART = "hybrid_treaty"
PERIODS = ("fit", "test", "all")


@dataclass
class Backtest:
    """Everything the report shows."""

    cases: list[WarCase]
    predictions: list[WarPrediction]
    fitted: ReliabilityModel
    sized: SizedReliability
    default: ReliabilityModel
    collective: CollectiveReliability | None
    background: Background | None
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
        if model in PREDICTED:
            predicted = None if model == "baseline_covariates" else pred.deterministic.get(code)
            row = Row(predicted, actual, pred.p[model].get(code, 0.0))
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


def _cells(
    preds: Sequence[WarPrediction], covariates: Covariates, code_of: Mapping[int, str]
) -> list[dict[str, Cell]]:
    """Each war's candidates' covariate cells on its onset date."""
    cow = {code: ccode for ccode, code in code_of.items()}
    out = []
    for p in preds:
        initial = [cow[c] for c in p.initial if c in cow]
        out.append(
            {c: covariates.cell(cow[c], initial, p.case.onset) for c in p.candidates if c in cow}
        )
    return out


def _with_background(
    preds: Sequence[WarPrediction], covariates: Covariates, code_of: Mapping[int, str]
) -> tuple[list[WarPrediction], Background]:
    """Add ``model_hybrid`` (treaty part + background) and ``baseline_covariates`` to each
    prediction's P(join); both backgrounds are fitted on the fit period only."""
    cells = _cells(preds, covariates, code_of)
    fit_rows = [
        (cell, p.p[_TREATY_PART].get(code, 0.0), code in p.actual)
        for p, war_cells in zip(preds, cells, strict=True)
        if p.case.period == "fit"
        for code, cell in war_cells.items()
    ]
    background = fit_background(fit_rows)
    everyone = fit_background((cell, 0.0, joined) for cell, _, joined in fit_rows)
    out = []
    for p, war_cells in zip(preds, cells, strict=True):
        treaty = p.p[_TREATY_PART]
        hybrid = {
            c: combine(treaty.get(c, 0.0), background.p(cell)) for c, cell in war_cells.items()
        }
        plain = {c: everyone.p(cell) for c, cell in war_cells.items()}
        probs = {k: v for k, v in p.p.items() if k != _TREATY_PART}
        probs.update(model_hybrid=hybrid, baseline_covariates=plain)
        sides = {k: v for k, v in p.p_side.items() if k != _TREATY_PART}
        if _TREATY_PART in p.p_side:
            sides["model_hybrid"] = p.p_side[_TREATY_PART]
        out.append(replace(p, p=probs, p_side=sides))
    return out, background


def run_backtest(
    world: World,
    cases: Sequence[WarCase],
    *,
    members_on: Callable[[dt.date], set[int]],
    default: ReliabilityModel,
    runs: int = 2000,
    seed: int = 0,
    bf_rows: Sequence[BfRow] = (),
    covariates: Covariates | None = None,
    progress: Callable[[str], None] | None = None,
) -> Backtest:
    """Fit on wars begun before :data:`SPLIT_YEAR`, predict every war, score, compare.

    Without ``covariates`` (COW major powers and contiguity) the hybrid model and the covariate
    baseline are left out."""
    ccodes = sorted({b.ccode for c in cases for b in c.belligerents})
    members = {c.war: members_on(c.onset) for c in cases}
    code_of = codes_of(world, sorted(set(ccodes) | {m for s in members.values() for m in s}))
    notes = [
        f"{n} COW codes have no registry state" for n in [len(set(ccodes) - set(code_of))] if n
    ]
    if covariates is None:
        notes.append("no COW major-power or contiguity data: model_hybrid left out")
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
    collective = (
        fit_collective(found, years, parties, split_year=SPLIT_YEAR) if covariates else None
    )
    models: dict[str, EdgeReliability] = {
        "model": fitted,
        "model_size": sized,
        "model_default": default,
    }
    if collective is not None:
        models[_TREATY_PART] = collective
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
    background = None
    if covariates is not None:
        preds, background = _with_background(preds, covariates, code_of)
    rates = _base_rates(preds)
    scores: dict[str, dict[str, Scores]] = {}
    calib: dict[str, dict[str, list[Bin]]] = {}
    for name in MODELS:
        if name in PREDICTED and any(name not in p.p for p in preds):
            continue
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
        collective=collective,
        background=background,
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
