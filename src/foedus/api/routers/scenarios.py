"""``/api/scenarios``: the bundled examples, and running a scenario posted as JSON."""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from foedus.api.deps import ERRORS, json_bytes, service
from foedus.api.errors import ApiError
from foedus.api.scenario_run import run_scenario
from foedus.api.service import dumps
from foedus.engine.scenario import Scenario
from foedus.errors import CorpusError
from foedus.io.scenarios import BUNDLED_SCENARIOS, load_scenario

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["scenarios"], responses=ERRORS)


def _bundled() -> dict[str, FilePath]:
    return {p.stem: p for p in sorted(BUNDLED_SCENARIOS.glob("*.yaml"))}


@router.get("/scenarios", summary="The bundled example scenarios")
async def scenarios(request: Request) -> Response:
    """Each bundled scenario (`id`, then the scenario as JSON: `name`, `date`, `events`, …);
    post one back to `POST /api/scenarios/run` to run it."""
    world = service(request).world
    out = []
    for name, path in _bundled().items():
        try:
            loaded = load_scenario(path, world)
        except CorpusError:
            continue
        data = loaded.scenario.model_dump(mode="json", by_alias=True, exclude_none=True)
        out.append({"id": name, **data})
    return json_bytes(dumps(out))


@router.post(
    "/scenarios/run",
    summary="Run a scenario: who joins, on which side, why (and, with runs, how likely)",
)
async def run(
    request: Request,
    scenario: Scenario,
    runs: Annotated[
        int | None, Query(ge=1, description="Monte Carlo draws (at most the server's limit).")
    ] = None,
    seed: Annotated[int, Query(ge=0, le=2**63 - 1, description="Random seed.")] = 0,
) -> Response:
    """The body is a scenario file as JSON, e.g.
    `{"date": "2025-06-01", "discretionary": true,
    "events": [{"attack": {"by": "PRK", "on": "KOR"}}]}`.
    The answer is `foedus scenario --format json`'s: `sides`, `entries` (with `because`),
    `expected`, `not_triggered`, `torn`; with `runs` also `p_join`, `p_join_side`,
    `p_join_ci95`, `belligerents`, `belligerents_mean`(`_ci95`). Limits: runs, events and edits
    per request (413), and a time budget (413 with the largest number of runs that fits)."""
    svc = service(request)
    budget = svc.limits.time_budget_s

    def job() -> dict[str, Any]:
        return run_scenario(
            svc.world,
            scenario,
            runs=runs,
            seed=seed,
            reliability=svc.reliability(),
            limits=svc.limits,
        )

    try:
        with anyio.fail_after(budget * 2 + 5):
            record = await anyio.to_thread.run_sync(
                job, limiter=svc.scenario_limiter(), abandon_on_cancel=True
            )
    except TimeoutError:
        raise ApiError.one(
            503,
            ("query", "runs"),
            f"the scenario took longer than the {budget:g} s budget (the server may be busy)",
            "try again with fewer runs",
        ) from None
    return json_bytes(dumps(record))


@router.get("/scenarios/{name}", summary="One bundled scenario as JSON")
async def scenario(
    request: Request,
    name: Annotated[
        str, Path(description="A bundled scenario id, e.g. july-1914.", max_length=100)
    ],
) -> Response:
    """The bundled scenario `name` as JSON (the body `POST /api/scenarios/run` takes)."""
    path = _bundled().get(name)
    if path is None:
        raise ApiError.one(
            404,
            ("path", "name"),
            f"no bundled scenario {name!r}",
            f"use one of {', '.join(_bundled())}",
        )
    loaded = load_scenario(path, service(request).world)
    data = loaded.scenario.model_dump(mode="json", by_alias=True, exclude_none=True)
    return json_bytes(dumps({"id": name, **data}))
