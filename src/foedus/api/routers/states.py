"""``/api/states``: the state registry, as ``foedus states --format json``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from foedus.api.deps import ERRORS, json_bytes, service
from foedus.api.params import parse_date, resolve_state
from foedus.api.service import dumps

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["states"], responses=ERRORS)


@router.get("/states", summary="The state registry, or what one name resolves to")
async def states(
    request: Request,
    on: Annotated[str | None, Query(description="Only states existing then (YYYY-MM-DD).")] = None,
    search: Annotated[
        str | None, Query(description="Resolve this name (code, COW number, name, alias).")
    ] = None,
) -> Response:
    """Registry entries (`code`, `name`, `cow`, `cow_abb`, `iso3`, `aliases`, `un`, `exists`).

    Example: `GET /api/states?search=DPRK` → North Korea; `?search=Sweeden` → 422 with
    "did you mean SWE (Sweden)?".
    """
    world = service(request).world
    day = parse_date(on, "on") if on else None
    if search is not None:
        code = resolve_state(world, search, day, "search")
        chosen = [world.registry.get(code)]
    else:
        chosen = [s for s in world.registry if day is None or s.exists_on(day)]
    return json_bytes(
        dumps([s.model_dump(mode="json", by_alias=True, exclude_none=True) for s in chosen if s])
    )
