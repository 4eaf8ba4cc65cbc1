"""Monte Carlo cascades: P(join) per state and side, the number of belligerents, with intervals.

In each draw a state decides once per treaty whether to honour it, with the probability the
:class:`ReliabilityModel` gives its obligations (its applicable obligations under that treaty
then fire or not together); a draw then follows the same rules as the deterministic cascade.
Results are reproducible from ``seed`` whatever the number of threads.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from foedus.engine.compile import Compiled
from foedus.engine.reliability import ReliabilityModel

__all__ = ["MonteCarlo", "arrays_of", "run_monte_carlo", "wilson"]

Z95 = 1.959963984540054


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a proportion (95% by default).

    >>> tuple(round(x, 3) for x in wilson(50, 100))
    (0.404, 0.596)
    """
    if n == 0:
        return (0.0, 1.0)
    phat = successes / n
    denom = 1 + z * z / n
    centre = (phat + z * z / (2 * n)) / denom
    half = z * math.sqrt(phat * (1 - phat) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def arrays_of(c: Compiled) -> dict[str, Any]:
    """The compiled scenario as the plain arrays the kernel takes."""
    return {
        "n": c.n_states,
        "e_from": c.e_from,
        "e_to": c.e_to,
        "e_group": c.e_group,
        "e_offense": c.e_offense,
        "e_unprovoked": c.e_unprovoked,
        "e_min": c.e_min,
        "scope_ptr": c.scope_ptr,
        "scope_idx": c.scope_idx,
        "e_place_ok": c.e_place_ok,
        "in_ptr": c.in_ptr,
        "in_idx": c.in_idx,
        "ev_attack": np.array([e.attack for e in c.events], dtype=np.bool_),
        "ev_a": np.array([e.a for e in c.events], dtype=np.int32),
        "ev_b": np.array([e.b for e in c.events], dtype=np.int32),
        "ev_place": np.array([max(e.place, 0) for e in c.events], dtype=np.int32),
        "ev_phase": np.array(_phase_numbers(c), dtype=np.int32),
    }


def _phase_numbers(c: Compiled) -> list[int]:
    """Event i's phase: events of one date form a phase, in date order."""
    out: list[int] = []
    for i, event in enumerate(c.events):
        same = i > 0 and event.date == c.events[i - 1].date
        out.append(out[-1] if same else (out[-1] + 1 if out else 0))
    return out


@dataclass(frozen=True)
class MonteCarlo:
    """Results of ``runs`` draws: join counts per side and state, and war sizes per draw."""

    compiled: Compiled
    runs: int
    seed: int
    joined: Any  # [2, n] counts
    sizes: Any  # [runs] belligerents per draw
    sides: Any  # [runs, n] side per draw (-1: out) when kept, else empty

    def p_join(self, code: str, side: int | None = None) -> float:
        """Share of draws in which ``code`` is at war (on ``side`` if given)."""
        i = self.compiled.codes.index(code)
        count = self.joined[:, i].sum() if side is None else self.joined[side, i]
        return float(count) / self.runs

    def belligerents(self) -> dict[int, int]:
        """How many draws ended with each number of belligerents."""
        values, counts = np.unique(self.sizes, return_counts=True)
        return {int(v): int(c) for v, c in zip(values, counts, strict=True)}

    def records(self) -> list[dict[str, Any]]:
        """Per state with a non-zero probability: P(join) overall and per side, with 95% CIs."""
        out = []
        for i, code in enumerate(self.compiled.codes):
            total = int(self.joined[:, i].sum())
            if total == 0:
                continue
            lo, hi = wilson(total, self.runs)
            out.append(
                {
                    "state": code,
                    "p": total / self.runs,
                    "ci95": [lo, hi],
                    "p_side": [int(self.joined[s, i]) / self.runs for s in (0, 1)],
                }
            )
        return sorted(out, key=lambda r: (-r["p"], r["state"]))


def run_monte_carlo(
    c: Compiled,
    reliability: ReliabilityModel,
    *,
    runs: int,
    seed: int = 0,
    keep_draws: bool = False,
    chunks: int = 0,
) -> MonteCarlo:
    """Run ``runs`` cascades with obligations honoured per ``reliability``."""
    from foedus.engine.kernel import simulate_sides

    p = c.probabilities(lambda edge: reliability.p(edge, c.day))
    joined, sizes, sides = simulate_sides(
        arrays_of(c), p, runs=runs, seed=seed, keep=keep_draws, chunks=chunks
    )
    return MonteCarlo(c, runs, seed, joined, sizes, sides)
