"""The hybrid model: treaty obligations with collective-action reliability, plus a background.

Two things the treaty-only models get wrong after 1945 (the backtest's test period):

1. **Large pacts.** Members of multilateral pacts honour far less often than bilateral allies,
   and pacts grew after 1945 (the Arab League, the OAS, NATO). Olson & Zeckhauser's free-riding
   argument says the expected *number* of members that come to help is what stays put, so each
   applicable obligation of a treaty with ``n`` parties is honoured with probability
   ``min(1, a / (n - 1))``. One parameter ``a``, the maximum-likelihood fit on the fit period's
   applicable defence and offence obligations (unit: war, obligor, protected state, kind; when
   several treaties carry the unit, the smallest treaty).
2. **Joiners without an applicable obligation.** Most joiners after 1945 (the Korean, Vietnam,
   Gulf and Afghan coalitions) had none. A background probability by covariate cell (major power,
   neighbour of an initial belligerent; :mod:`foedus.engine.backtest.covariates`) is fitted on
   the fit period's candidates that no obligation reached, Beta(1, 1) smoothed.

A state decides once per war whether to honour its obligations (its most reliable applicable
obligation sets the chance), not once per treaty: in the kernel all its edges share one random
draw. The two channels are taken as independent: P(join) = 1 - (1 - P_treaty)(1 - P_background).

References
----------
Olson, M. & Zeckhauser, R. (1966). An Economic Theory of Alliances. *Review of Economics and
Statistics* 48(3), 266-279.
Leeds, B. A., Long, A. G. & Mitchell, S. M. (2000). Reevaluating Alliance Reliability.
*Journal of Conflict Resolution* 44(5), 686-699.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from foedus.engine.backtest.covariates import Cell
from foedus.engine.backtest.fit import KINDS, Rate
from foedus.engine.backtest.history import Commitment
from foedus.engine.reliability import ReliabilityModel, ReliabilityRule
from foedus.query.edges import ObligationEdge

__all__ = ["Background", "CollectiveReliability", "combine", "fit_background", "fit_collective"]

#: Grid for the one-parameter fit (a in (0, 1], step 0.001): exact enough, deterministic.
_GRID = tuple(i / 1000 for i in range(1, 1001))


@dataclass(frozen=True)
class CollectiveReliability:
    """P(honoured) = min(1, a / (parties - 1)); decided once per state and war.

    >>> model = CollectiveReliability(a=0.4, honoured=16, applicable=64)
    >>> [round(model.of_size(n), 3) for n in (2, 3, 21)]
    [0.4, 0.2, 0.02]
    """

    a: float
    honoured: int
    applicable: int
    #: The kernel gives all edges of one obligor one random draw (one decision per war).
    per_state: bool = True

    def of_size(self, parties: int) -> float:
        return min(1.0, self.a / max(1, parties - 1))

    def p(self, edge: ObligationEdge, day: dt.date) -> float:
        return self.of_size(len(edge.treaty.parties))

    def to_model(
        self, split_year: int, sizes: Iterable[int] = (2, 3, 4, 5, 6, 10, 20)
    ) -> ReliabilityModel:
        """The curve as a parameter file: one rule per size band (the engine's rules are
        step functions of treaty size), the band's smallest size setting its rate."""
        bounds = sorted(set(sizes))
        rules = []
        for i, lo in enumerate(bounds):
            hi = bounds[i + 1] - 1 if i + 1 < len(bounds) else None
            for kind in KINDS:
                rules.append(
                    ReliabilityRule(
                        kind=kind,
                        min_parties=lo if lo > 2 else None,
                        max_parties=hi,
                        p=round(self.of_size(lo), 4),
                        note=f"a / (parties - 1) with a = {self.a} fitted on {self.applicable} "
                        f"applicable obligations in wars begun before {split_year} "
                        f"({self.honoured} honoured)",
                    )
                )
        return ReliabilityModel(
            description=(
                "Collective-action reliability fitted by `foedus backtest`: an applicable "
                "obligation of a treaty with n parties is honoured with probability a / (n - 1)."
            ),
            rules=tuple(rules),
            default=round(self.of_size(2), 4),
        )


def _units(
    commitments: Iterable[Commitment],
    onset_year: Mapping[int, int],
    parties: Mapping[str, int],
    split_year: int,
) -> dict[tuple[int, str, str, str], tuple[int, bool]]:
    """(war, obligor, protected, kind) -> (smallest treaty size, honoured), fit period only."""
    units: dict[tuple[int, str, str, str], tuple[int, bool]] = {}
    for c in commitments:
        if c.kind not in KINDS or not c.applies or c.obligor_initial:
            continue
        if onset_year[c.war] >= split_year:
            continue
        key = (c.war, c.obligor, c.protected, c.kind)
        size = parties.get(c.treaty, 2)
        old = units.get(key)
        units[key] = (min(size, old[0]) if old else size, bool(c.honoured))
    return units


def fit_collective(
    commitments: Iterable[Commitment],
    onset_year: Mapping[int, int],
    parties: Mapping[str, int],
    *,
    split_year: int,
) -> CollectiveReliability:
    """Maximum-likelihood ``a`` of :class:`CollectiveReliability` on wars begun before
    ``split_year``."""
    units = list(_units(commitments, onset_year, parties, split_year).values())
    if not units:
        return CollectiveReliability(a=0.5, honoured=0, applicable=0)

    def loglik(a: float) -> float:
        total = 0.0
        for size, honoured in units:
            p = min(1 - 1e-9, a / max(1, size - 1))
            total += math.log(p) if honoured else math.log(1 - p)
        return total

    best = max(_GRID, key=loglik)
    return CollectiveReliability(a=best, honoured=sum(h for _, h in units), applicable=len(units))


@dataclass(frozen=True)
class Background:
    """P(join without an applicable obligation) per covariate cell (major, near)."""

    rates: Mapping[Cell, Rate]
    default: float

    def p(self, cell: Cell) -> float:
        rate = self.rates.get(cell)
        return rate.smoothed if rate is not None else self.default


def fit_background(rows: Iterable[tuple[Cell, float, bool]]) -> Background:
    """Smoothed joining rates per cell among ``(cell, P_treaty, joined)`` rows with
    ``P_treaty == 0`` (pass the fit period's rows only).

    >>> bg = fit_background([((False, False), 0.0, False)] * 98 + [((False, False), 0.0, True)])
    >>> round(bg.p((False, False)), 4), round(bg.p((True, True)), 4)
    (0.0198, 0.0198)
    """
    counts: dict[Cell, list[int]] = {}
    for cell, p_treaty, joined in rows:
        if p_treaty > 0:
            continue
        c = counts.setdefault(cell, [0, 0])
        c[0] += int(joined)
        c[1] += 1
    rates = {cell: Rate(h, n) for cell, (h, n) in counts.items()}
    total = Rate(sum(r.honoured for r in rates.values()), sum(r.applicable for r in rates.values()))
    return Background(rates, total.smoothed)


def combine(p_treaty: float, p_background: float) -> float:
    """P(join) through either channel, taken as independent.

    >>> combine(0.5, 0.1)
    0.55
    """
    return 1 - (1 - p_treaty) * (1 - p_background)
