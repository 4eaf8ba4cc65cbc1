"""Reliability by obligation kind and alliance size, fitted on the fit period.

The backtest's investigation of the test period's false positives: in wars begun before 1946,
applicable obligations of bilateral alliances were honoured far more often than those of large
multilateral ones (the collective-action argument of Olson & Zeckhauser 1966). This model gives
each obligation the smoothed fit-period honour rate of its kind and its treaty's size class
(2 parties, 3–5, 6 or more). :meth:`SizedReliability.to_model` writes it as a parameter file
(rules with ``min_parties``/``max_parties``) that ``foedus scenario --reliability`` loads.

References
----------
Olson, M. & Zeckhauser, R. (1966). An Economic Theory of Alliances. *Review of Economics and
Statistics* 48(3), 266-279.
Leeds, B. A., Long, A. G. & Mitchell, S. M. (2000). Reevaluating Alliance Reliability.
*Journal of Conflict Resolution* 44(5), 686-699.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from foedus.engine.backtest.fit import KINDS, Rate
from foedus.engine.backtest.history import Commitment
from foedus.engine.reliability import ReliabilityModel, ReliabilityRule
from foedus.query.edges import ObligationEdge

__all__ = ["SIZES", "SizedReliability", "fit_sized", "size_class"]

SIZES = ("2", "3-5", "6+")


def size_class(parties: int) -> str:
    """The size class of a treaty with ``parties`` parties.

    >>> [size_class(n) for n in (2, 4, 30)]
    ['2', '3-5', '6+']
    """
    return "2" if parties <= 2 else ("3-5" if parties <= 5 else "6+")


@dataclass(frozen=True)
class SizedReliability:
    """P(honoured) per (kind, size class); ``default`` for anything else."""

    rates: Mapping[tuple[str, str], Rate]
    default: float

    def p(self, edge: ObligationEdge, day: dt.date) -> float:
        rate = self.rates.get((edge.kind.value, size_class(len(edge.treaty.parties))))
        return rate.smoothed if rate is not None else self.default

    def to_model(self, split_year: int) -> ReliabilityModel:
        """The same rates as a :class:`ReliabilityModel` (the engine's parameter file)."""
        bounds = {"2": (None, 2), "3-5": (3, 5), "6+": (6, None)}
        rules = tuple(
            ReliabilityRule(
                kind=kind,
                min_parties=bounds[cls][0],
                max_parties=bounds[cls][1],
                p=rate.smoothed,
                note=f"{rate.honoured} of {rate.applicable} applicable obligations honoured in "
                f"wars begun before {split_year} (Beta(1, 1) smoothed)",
            )
            for (kind, cls), rate in sorted(self.rates.items())
        )
        return ReliabilityModel(
            description="Fitted by `foedus backtest` by obligation kind and alliance size.",
            rules=rules,
            default=self.default,
        )


def fit_sized(
    commitments: Iterable[Commitment],
    onset_year: Mapping[int, int],
    parties: Mapping[str, int],
    *,
    split_year: int,
) -> SizedReliability:
    """Honoured / applicable per (kind, size class) in wars begun before ``split_year`` (the
    unit of :func:`foedus.engine.backtest.fit.honour_rates`), Beta(1, 1) smoothed."""
    seen: dict[tuple[int, str, str, str, str], bool] = {}
    for c in commitments:
        if c.kind not in KINDS or not c.applies or c.obligor_initial:
            continue
        if onset_year[c.war] >= split_year:
            continue
        cls = size_class(parties.get(c.treaty, 2))
        seen[(c.war, c.obligor, c.protected, c.kind, cls)] = bool(c.honoured)
    rates = {}
    for kind in KINDS:
        for cls in SIZES:
            outcomes = [h for k, h in seen.items() if k[3] == kind and k[4] == cls]
            rates[(kind, cls)] = Rate(sum(outcomes), len(outcomes))
    total = Rate(sum(seen.values()), len(seen))
    return SizedReliability(rates, total.smoothed)
