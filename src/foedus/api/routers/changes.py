"""``/api/changes`` and ``/api/invocations``: what happened between dates, and when."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from foedus.api.deps import ERRORS, json_bytes, service
from foedus.api.errors import ApiError
from foedus.api.params import parse_date, resolve_state
from foedus.api.service import dumps
from foedus.errors import UnknownTreatyError
from foedus.io.records_corpus import invocation_record
from foedus.query.invocations import invocations as find_invocations

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["changes"], responses=ERRORS)


@router.get("/changes", summary="Changes after one date up to and including another")
async def changes(
    request: Request,
    start: Annotated[str, Query(alias="from", description="Start date (exclusive).")],
    end: Annotated[str, Query(alias="to", description="End date (inclusive).")],
) -> Response:
    """As `foedus changes --format json`: `date`, `treaty`, `state`, `cow`, `kind`, `effect`,
    `towards`. Example: `GET /api/changes?from=2024-01-01&to=2025-01-01`."""
    lo, hi = parse_date(start, "from"), parse_date(end, "to")
    if hi < lo:
        raise ApiError.one(422, ("query", "to"), f"{hi} is before from ({lo})", "swap the dates")
    return json_bytes(service(request).changes(lo, hi))


@router.get("/invocations", summary="Formal invocations of articles made by a date")
async def invocations(
    request: Request,
    on: Annotated[str, Query(description="YYYY-MM-DD, YYYY-MM, YYYY or today.")] = "today",
    treaty: Annotated[str | None, Query(description="Only this treaty id.")] = None,
    state: Annotated[str | None, Query(description="Only invocations by this state.")] = None,
) -> Response:
    """As `foedus invocations --format json`: `date`, `treaty`, `treaty_name`, `article`, `by`,
    `by_cow`, `note`, `sources`. Example: `GET /api/invocations?treaty=north-atlantic-treaty`."""
    world = service(request).world
    day = parse_date(on, "on")
    if state:
        try:
            resolve_state(world, state, day, "state")
        except ApiError:
            resolve_state(world, state, None, "state")
    try:
        found = find_invocations(world, on=day, treaty=treaty or None, state=state or None)
    except UnknownTreatyError as exc:
        message = str(exc).split(" (`")[0]
        raise ApiError.one(
            422, ("query", "treaty"), message, "use an id from GET /api/treaties"
        ) from None
    return json_bytes(dumps([invocation_record(e, world.registry) for e in found]))
