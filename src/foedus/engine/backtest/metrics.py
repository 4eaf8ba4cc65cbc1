"""Scores of joiner predictions: precision, recall, F1, side accuracy, Brier, log loss, calibration.

The unit is a candidate in a war (a state in the system on the onset date that was not an initial
belligerent). Each row gives the predicted side (``None``: predicted to stay out), the actual side
(``None``: stayed out) and a probability of joining.

* precision = TP / (TP + FP), recall = TP / (TP + FN), F1 their harmonic mean, where a true
  positive is a candidate predicted to join that joined (on either side); with no predicted
  joiners precision is 0 (as is F1), and recall is 0 with no actual joiners;
* side accuracy = share of true positives predicted on the side they joined (``None`` without
  true positives);
* Brier score = mean of (p - y)², log loss = mean of -[y log p + (1-y) log(1-p)] with p clipped to
  [ε, 1-ε], ε = :data:`EPS` (a probability of exactly 0 for a joiner would make it infinite).

>>> rows = [Row(0, 0, 0.9), Row(1, None, 0.6), Row(None, 1, 0.1), Row(None, None, 0.0)]
>>> s = score(rows)
>>> (s.tp, s.fp, s.fn, s.precision, s.recall, s.side_accuracy)
(1, 1, 1, 0.5, 0.5, 1.0)
>>> round(s.brier, 4)
0.295

References
----------
Brier, G. W. (1950). Verification of Forecasts Expressed in Terms of Probability.
*Monthly Weather Review* 78(1), 1-3.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["EPS", "Bin", "Row", "Scores", "calibration", "score"]

#: Probabilities are clipped to [EPS, 1 - EPS] for the log loss.
EPS = 1e-3


@dataclass(frozen=True, slots=True)
class Row:
    """One candidate in one war: predicted side, actual side (None: out) and P(join)."""

    predicted: int | None
    actual: int | None
    p: float


@dataclass(frozen=True, slots=True)
class Scores:
    n: int
    joiners: int
    predicted: int
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float
    side_accuracy: float | None
    brier: float | None
    log_loss: float | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Bin:
    """A calibration bin: probabilities in (lo, hi] (``lo == hi == 0``: exactly zero)."""

    lo: float
    hi: float
    n: int
    mean_p: float
    observed: float


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def score(rows: Sequence[Row]) -> Scores:
    """All scores of ``rows`` (see the module docstring for the definitions)."""
    tp = sum(1 for r in rows if r.predicted is not None and r.actual is not None)
    fp = sum(1 for r in rows if r.predicted is not None and r.actual is None)
    fn = sum(1 for r in rows if r.predicted is None and r.actual is not None)
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    right = sum(1 for r in rows if r.predicted is not None and r.predicted == r.actual)
    n = len(rows)
    brier = sum((r.p - (r.actual is not None)) ** 2 for r in rows) / n if n else None
    loss = None
    if n:
        total = 0.0
        for r in rows:
            p = min(max(r.p, EPS), 1 - EPS)
            total -= math.log(p) if r.actual is not None else math.log(1 - p)
        loss = total / n
    return Scores(
        n=n,
        joiners=tp + fn,
        predicted=tp + fp,
        tp=tp,
        fp=fp,
        fn=fn,
        precision=precision,
        recall=recall,
        f1=f1,
        side_accuracy=right / tp if tp else None,
        brier=brier,
        log_loss=loss,
    )


def calibration(rows: Sequence[Row], bins: int = 10) -> list[Bin]:
    """Reliability diagram data: a bin for p = 0, then ``bins`` equal bins over (0, 1].

    >>> [(b.lo, b.hi, b.n, b.observed) for b in calibration([Row(None, 0, 0.0), Row(0, 0, 0.95),
    ...                                                       Row(0, None, 0.9)], bins=2)]
    [(0.0, 0.0, 1, 1.0), (0.5, 1.0, 2, 0.5)]
    """
    out = []
    edges = [(0.0, 0.0)] + [(i / bins, (i + 1) / bins) for i in range(bins)]
    for lo, hi in edges:
        inside = [r for r in rows if (r.p == 0.0 if hi == 0.0 else lo < r.p <= hi)]
        if inside:
            out.append(
                Bin(
                    lo=lo,
                    hi=hi,
                    n=len(inside),
                    mean_p=sum(r.p for r in inside) / len(inside),
                    observed=sum(r.actual is not None for r in inside) / len(inside),
                )
            )
    return out
