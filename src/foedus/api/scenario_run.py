"""Run a scenario posted as JSON: check it like a scenario file, then run it within the limits.

The body has the schema of a scenario file (``foedus scenario``); problems are reported with the
field path in the body (``body.events.0.by``) instead of a line and column. ``add`` edits name
files on the server and are refused. Monte Carlo runs are capped (:class:`Limits`) and timed: a
pilot of :data:`PILOT` draws estimates the cost, and a request that would exceed the time budget
gets a 413 naming the largest number of runs that fits.
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Sequence
from typing import Any

from foedus.api.errors import ApiError, FieldProblem
from foedus.api.limits import Limits
from foedus.engine import prepare
from foedus.engine.cascade import run_cascade
from foedus.engine.montecarlo import run_monte_carlo
from foedus.engine.reliability import ReliabilityModel
from foedus.engine.scenario import AddTreaty, Scenario
from foedus.errors import FoedusError, Problem
from foedus.io.records_engine import cascade_record, monte_carlo_record
from foedus.io.scenarios import check_scenario
from foedus.io.yaml_positions import Positions
from foedus.query.world import World

__all__ = ["PILOT", "check_limits", "run_scenario"]

PILOT = 2_000


class _BodyPositions(Positions):
    """Positions that locate a problem by its field path in the request body."""

    def problem(self, path: Sequence[Hashable], message: str, fix: str = "") -> Problem:
        return Problem(".".join(str(p) for p in ("body", *path)), 0, 0, message, fix)


def _loc(field: str) -> tuple[str | int, ...]:
    return tuple(int(p) if p.isdigit() else p for p in field.split("."))


def check_limits(scenario: Scenario, runs: int | None, limits: Limits) -> None:
    """413 for too many events, edits or runs; 422 for ``add`` edits (files on the server)."""
    if len(scenario.events) > limits.max_events:
        raise ApiError.one(
            413,
            ("body", "events"),
            f"{len(scenario.events)} events; at most {limits.max_events} per request",
            "split the scenario or run it with the CLI (foedus scenario FILE)",
        )
    if len(scenario.edits) > limits.max_edits:
        raise ApiError.one(
            413,
            ("body", "edits"),
            f"{len(scenario.edits)} edits; at most {limits.max_edits} per request",
            "run it with the CLI (foedus scenario FILE)",
        )
    if runs is not None and runs > limits.max_runs:
        raise ApiError.one(
            413,
            ("query", "runs"),
            f"{runs} runs; at most {limits.max_runs} per request",
            f"use runs ≤ {limits.max_runs}, or the CLI (foedus scenario FILE --runs N)",
        )
    for i, edit in enumerate(scenario.edits):
        if isinstance(edit, AddTreaty):
            raise ApiError.one(
                422,
                ("body", "edits", i),
                "`add` edits name treaty files on the server and are not accepted over the API",
                "remove the edit, or run the scenario with the CLI",
            )


def _dates(scenario: Scenario) -> None:
    """Every date of the scenario is a real calendar day (``0000`` parses but is no day)."""
    fields: list[tuple[tuple[str | int, ...], Any]] = [(("body", "date"), scenario.date)]
    fields += [(("body", "events", i, "date"), e.date) for i, e in enumerate(scenario.events)]
    fields += [
        (("body", "edits", i, "date"), getattr(e, "date", None))
        for i, e in enumerate(scenario.edits)
    ]
    for loc, value in fields:
        if value is None:
            continue
        try:
            value.first_day  # noqa: B018 - evaluated to check it is a real day
        except (ValueError, OverflowError) as exc:
            raise ApiError.one(
                422, loc, f"{value} is not a real date ({exc})", "write a date from year 1 on"
            ) from None


def _checked(scenario: Scenario, world: World) -> None:
    _dates(scenario)
    problems = check_scenario(scenario, world, _BodyPositions("body"))
    if problems:
        raise ApiError(422, [FieldProblem(_loc(p.file), p.message, p.fix) for p in problems])


def _monte_carlo(
    compiled: Any, model: ReliabilityModel, runs: int, seed: int, budget: float
) -> dict[str, Any]:
    pilot_runs = min(runs, PILOT)
    started = time.perf_counter()
    pilot = run_monte_carlo(compiled, model, runs=pilot_runs, seed=seed)
    took = time.perf_counter() - started
    if took > 0.5:  # the first call may include compiling the kernel: measure again
        started = time.perf_counter()
        pilot = run_monte_carlo(compiled, model, runs=pilot_runs, seed=seed)
        took = time.perf_counter() - started
    if runs == pilot_runs:
        return monte_carlo_record(pilot)
    estimate = took * runs / pilot_runs
    if estimate > budget:
        fits = max(PILOT, int(budget / took * pilot_runs) // 1000 * 1000)
        raise ApiError.one(
            413,
            ("query", "runs"),
            f"{runs} runs would take about {estimate:.1f} s, over the {budget:g} s budget",
            f"use at most {fits} runs, or the CLI (foedus scenario FILE --runs N)",
        )
    return monte_carlo_record(run_monte_carlo(compiled, model, runs=runs, seed=seed))


def run_scenario(
    world: World,
    scenario: Scenario,
    *,
    runs: int | None,
    seed: int,
    reliability: ReliabilityModel,
    limits: Limits,
) -> dict[str, Any]:
    """The record of ``foedus scenario --format json`` for ``scenario`` (with ``runs``: + MC)."""
    check_limits(scenario, runs, limits)
    _checked(scenario, world)
    try:
        compiled = prepare(world, scenario)
        cascade = run_cascade(compiled, discretionary=scenario.discretionary)
    except FoedusError as exc:
        raise ApiError.one(
            422, ("body",), str(exc), "see GET /api/scenarios for examples"
        ) from None
    record = cascade_record(cascade, scenario)
    if runs is not None:
        record.update(_monte_carlo(compiled, reliability, runs, seed, limits.time_budget_s))
    return record
