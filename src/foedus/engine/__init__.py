"""Casus foederis engine: which obligations an attack triggers, who joins which side, and how
likely (DESIGN.md §5).

>>> import foedus
>>> from foedus.engine import Attack, Scenario, resolve
>>> war = resolve(foedus.load(), Scenario(date="2025-06-01",
...                                       events=[Attack(by="KOR", on="PRK")]))
>>> sorted(war.sides[1])
['CHN', 'PRK', 'RUS']
"""

from __future__ import annotations

from collections.abc import Mapping

from foedus.engine.cascade import Cascade, Entry, NotTriggered, Reason, Torn, run_cascade
from foedus.engine.compile import Compiled, compile_scenario
from foedus.engine.edits import apply_edits
from foedus.engine.montecarlo import MonteCarlo, run_monte_carlo
from foedus.engine.reliability import ReliabilityModel, ReliabilityRule
from foedus.engine.scenario import AddTreaty, Attack, EndTreaty, Intervene, Scenario, WithoutParty
from foedus.model.treaty import Treaty
from foedus.query.world import World

__all__ = [
    "AddTreaty",
    "Attack",
    "Cascade",
    "Compiled",
    "EndTreaty",
    "Entry",
    "Intervene",
    "MonteCarlo",
    "NotTriggered",
    "Reason",
    "ReliabilityModel",
    "ReliabilityRule",
    "Scenario",
    "Torn",
    "WithoutParty",
    "prepare",
    "resolve",
    "simulate",
]


def prepare(
    world: World, scenario: Scenario, *, added: Mapping[str, Treaty] | None = None
) -> Compiled:
    """Apply the scenario's edits to ``world`` and compile it for the cascade."""
    edited = apply_edits(world, scenario.edits, scenario.day, added)
    return compile_scenario(edited, scenario)


def resolve(
    world: World,
    scenario: Scenario,
    *,
    discretionary: bool | None = None,
    added: Mapping[str, Treaty] | None = None,
) -> Cascade:
    """The deterministic cascade (discretionary obligations fire if the scenario or
    ``discretionary`` says so)."""
    flag = scenario.discretionary if discretionary is None else discretionary
    return run_cascade(prepare(world, scenario, added=added), discretionary=flag)


def simulate(
    world: World,
    scenario: Scenario,
    *,
    runs: int,
    reliability: ReliabilityModel,
    seed: int = 0,
    added: Mapping[str, Treaty] | None = None,
) -> MonteCarlo:
    """``runs`` Monte Carlo cascades, reproducible from ``seed`` (the bundled reliability model
    is ``foedus.load_reliability()``)."""
    if runs < 1:
        raise ValueError(f"runs must be at least 1, not {runs}")
    return run_monte_carlo(prepare(world, scenario, added=added), reliability, runs=runs, seed=seed)
