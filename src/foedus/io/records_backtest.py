"""The backtest as a JSON-ready record (``foedus backtest --format json``)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from foedus.engine.backtest.cases import SPLIT_YEAR, Belligerent
from foedus.engine.backtest.predict import WarPrediction
from foedus.engine.backtest.run import PERIODS, Backtest

__all__ = ["backtest_record", "war_record"]


def _state(b: Belligerent, code: str | None) -> dict[str, Any]:
    return {
        "state": code,
        "ccode": b.ccode,
        "name": b.name,
        "side": b.side,
        "entry": b.entry.isoformat(),
        "initiator": b.initiator,
        "switched": [{"date": d.isoformat(), "side": s} for d, s in b.switched],
        "fought": list(b.fought),
    }


def war_record(pred: WarPrediction, code_of: dict[int, str]) -> dict[str, Any]:
    """One war: cases, predicted and actual joiners, P(join) per model."""
    case = pred.case
    return {
        "war": case.war,
        "name": case.name,
        "onset": case.onset.isoformat(),
        "period": case.period,
        "iwd_war": case.iwd_war,
        "initial": [_state(b, code_of.get(b.ccode)) for b in case.initial],
        "joiners": [_state(b, code_of.get(b.ccode)) for b in case.joiners],
        "candidates": len(pred.candidates),
        "actual": dict(sorted(pred.actual.items())),
        "joiners_outside_candidates": list(pred.outside),
        "predicted": dict(sorted(pred.deterministic.items())),
        "predicted_because": dict(sorted(pred.reasons.items())),
        "allies_baseline": dict(sorted(pred.allies.items())),
        "p_join": {
            name: {k: round(v, 4) for k, v in sorted(ps.items())} for name, ps in pred.p.items()
        },
        "notes": list(case.notes),
    }


def backtest_record(bt: Backtest, *, files: dict[str, str] | None = None) -> dict[str, Any]:
    """Everything: wars, metrics per model and period, split, fitted parameters, fulfilment."""
    code_of = bt.code_of
    metrics: dict[str, Any] = {}
    for name, per in bt.scores.items():
        entry: dict[str, Any] = dict(per["all"].as_dict())
        entry["period"] = "all"
        for period in PERIODS:
            entry[period] = per[period].as_dict()
        metrics[name] = entry
    fit_wars = [c for c in bt.cases if c.period == "fit"]
    test_wars = [c for c in bt.cases if c.period == "test"]
    record: dict[str, Any] = {
        "runs": bt.runs,
        "seed": bt.seed,
        "files": files or {},
        "split": {
            "rule": f"wars begun before {SPLIT_YEAR} are the fit period; later wars the test",
            "fit": {
                "from": min(c.onset for c in fit_wars).isoformat() if fit_wars else None,
                "to": max(c.onset for c in fit_wars).isoformat() if fit_wars else None,
                "wars": len(fit_wars),
            },
            "test": {
                "from": min(c.onset for c in test_wars).isoformat() if test_wars else None,
                "to": max(c.onset for c in test_wars).isoformat() if test_wars else None,
                "wars": len(test_wars),
            },
        },
        "candidates": "states in the COW system on the onset date, less the initial belligerents",
        "base_rates": bt.rates,
        "metrics": metrics,
        "calibration": {
            name: {p: [asdict(b) for b in bins] for p, bins in per.items()}
            for name, per in bt.calibration.items()
            if name.startswith("model")
        },
        "reliability": {
            "fitted": bt.fitted.model_dump(mode="json", by_alias=True, exclude_none=True),
            "by_size": {
                f"{kind} {size}": {
                    "honoured": r.honoured,
                    "applicable": r.applicable,
                    "p": round(r.smoothed, 4),
                }
                for (kind, size), r in bt.sized.rates.items()
            },
            "collective": None
            if bt.collective is None
            else {
                "a": bt.collective.a,
                "honoured": bt.collective.honoured,
                "applicable": bt.collective.applicable,
                "rule": "P(honoured) = min(1, a / (parties - 1)), one decision per state and war",
            },
            "background": None
            if bt.background is None
            else {
                f"major={major} near={near}": {
                    "joined": r.honoured,
                    "candidates": r.applicable,
                    "p": round(r.smoothed, 4),
                }
                for (major, near), r in sorted(bt.background.rates.items())
            },
            "honour_rates": {
                period: {k: {"honoured": h, "applicable": n} for k, (h, n) in per.items()}
                for period, per in bt.honour.items()
            },
        },
        "wars": [war_record(p, code_of) for p in bt.predictions],
        "notes": bt.notes,
    }
    if bt.fulfilment is not None:
        f = bt.fulfilment
        record["fulfilment"] = {
            "agreement": f.agreement,
            "matched": f.matched,
            "confusion": f.confusion,
            "honour_agreement": f.honour_agreement,
            "honour_n": f.honour_n,
            "unmatched_theirs": f.theirs_only,
            "unmatched_theirs_causes": f.theirs_only_causes,
            "unmatched_ours": f.ours_only,
            "disagreement_causes": f.causes,
            "examples": f.examples,
            "our_rates": f.rates,
        }
    return record
