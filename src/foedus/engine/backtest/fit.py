"""Fit reliability parameters (P(an applicable obligation is honoured)) on the fit period.

Moment matching, as the fulfilment literature measures reliability: among the *defense* and
*offense* obligations whose casus foederis was met in a war as fought
(:mod:`foedus.engine.backtest.history`), the share whose obligor fought on the protected state's
side. The unit is (war, obligor, protected state, kind), counted once however many treaties carry
it; obligors that were initial belligerents are left out (they had no choice left to make). Rates
are smoothed with a uniform Beta(1, 1) prior, (honoured + 1) / (applicable + 2), so a kind with
few cases stays near one half.

Rules, in the :class:`~foedus.engine.reliability.ReliabilityModel` format: one per kind and era
inside the fit period (1816–1913, 1914–1945), then one per kind pooled over the whole fit period
with no year bounds — the rule that applies to the test period. Only fit-period wars are used.

References
----------
Leeds, B. A., Long, A. G. & Mitchell, S. M. (2000). Reevaluating Alliance Reliability.
*Journal of Conflict Resolution* 44(5), 686-699.
Berkemeier, M. & Fuhrmann, M. (2018). Reassessing the Fulfillment of Alliance Commitments in War.
*Research & Politics* 5(2).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from foedus.engine.backtest.history import Commitment
from foedus.engine.reliability import ReliabilityModel, ReliabilityRule
from foedus.model.source import Source

__all__ = ["ERAS", "Rate", "fit_reliability", "honour_rates"]

#: Eras inside the fit period: (first year, last year).
ERAS: tuple[tuple[int, int], ...] = ((1816, 1913), (1914, 1945))
KINDS = ("defense", "offense")


@dataclass(frozen=True, slots=True)
class Rate:
    honoured: int
    applicable: int

    @property
    def raw(self) -> float | None:
        return self.honoured / self.applicable if self.applicable else None

    @property
    def smoothed(self) -> float:
        return (self.honoured + 1) / (self.applicable + 2)


def honour_rates(
    commitments: Iterable[Commitment], onset_year: Mapping[int, int], *, first: int, last: int
) -> dict[str, Rate]:
    """Honoured / applicable per kind for wars beginning ``first``..``last`` (unit: war,
    obligor, protected, kind; initial belligerents left out)."""
    seen: dict[tuple[int, str, str, str], bool] = {}
    for c in commitments:
        if c.kind not in KINDS or not c.applies or c.obligor_initial:
            continue
        if not first <= onset_year[c.war] <= last:
            continue
        seen[(c.war, c.obligor, c.protected, c.kind)] = bool(c.honoured)
    out = {}
    for kind in KINDS:
        outcomes = [h for key, h in seen.items() if key[3] == kind]
        out[kind] = Rate(sum(outcomes), len(outcomes))
    return out


def fit_reliability(
    commitments: Iterable[Commitment], onset_year: Mapping[int, int], *, split_year: int
) -> ReliabilityModel:
    """A reliability model fitted on wars beginning before ``split_year`` (see module doc)."""
    items = list(commitments)
    source = Source(
        id="foedus-backtest",
        title="foedus backtest: fulfilment of applicable ATOP 4.01 obligations in COW wars",
        supports=f"honour rates of applicable obligations in COW wars begun before {split_year}",
    )
    rules = []
    for lo, hi in ERAS:
        hi = min(hi, split_year - 1)
        rates = honour_rates(items, onset_year, first=lo, last=hi)
        for kind, rate in rates.items():
            rules.append(
                ReliabilityRule.model_validate(
                    {
                        "kind": kind,
                        "from": lo,
                        "to": hi,
                        "p": round(rate.smoothed, 4),
                        "note": f"{rate.honoured} of {rate.applicable} applicable {kind} "
                        f"obligations honoured in wars begun {lo}-{hi} (Beta(1,1) smoothed)",
                        "sources": ["foedus-backtest"],
                    }
                )
            )
    pooled = honour_rates(items, onset_year, first=0, last=split_year - 1)
    for kind, rate in pooled.items():
        rules.append(
            ReliabilityRule(
                kind=kind,
                p=round(rate.smoothed, 4),
                note=f"{rate.honoured} of {rate.applicable} applicable {kind} obligations honoured "
                f"in wars begun before {split_year}; applies to later wars (Beta(1,1) smoothed)",
                sources=("foedus-backtest",),
            )
        )
    both = Rate(
        sum(r.honoured for r in pooled.values()), sum(r.applicable for r in pooled.values())
    )
    return ReliabilityModel(
        description=(
            "Reliability fitted by the foedus backtest on COW inter-state wars begun before "
            f"{split_year} (ATOP 4.01 obligations whose casus foederis was met in the war as "
            "fought; share whose obligor fought on the protected state's side)."
        ),
        rules=tuple(rules),
        default=round(both.smoothed, 4),
        sources=(source,),
    )
