"""``/api/treaties``: treaties on a date with each party's status, and one treaty in full."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from foedus.api.deps import ERRORS, json_bytes, service
from foedus.api.errors import ApiError
from foedus.api.params import parse_date
from foedus.api.service import dumps
from foedus.errors import UnknownTreatyError
from foedus.io.records import change_record
from foedus.io.records_treaty import treaty_record
from foedus.model.treaty import Treaty
from foedus.query.world import World

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["treaties"], responses=ERRORS)

TreatyId = Annotated[str, Path(description="Treaty id, e.g. rus-prk-2024-csp.", max_length=200)]


def _treaty(world: World, treaty_id: str) -> Treaty:
    try:
        return world.treaty(treaty_id)
    except UnknownTreatyError as exc:
        raise ApiError.one(
            404,
            ("path", "treaty_id"),
            str(exc).split(" (`")[0],
            "use an id from GET /api/treaties",
        ) from None


@router.get("/treaties", summary="Treaties signed by a date, in force or not, party statuses")
async def treaties(
    request: Request,
    on: Annotated[str, Query(description="YYYY-MM-DD, YYYY-MM, YYYY or today.")] = "today",
    state: Annotated[str | None, Query(description="Only treaties of this state.")] = None,
) -> Response:
    """As `foedus treaties --format json`: `id`, `name`, `signed`, `in_force`, `parties`
    (`state`, `cow`, `status`). Example: `GET /api/treaties?state=PRK&on=2024-11-15`."""
    svc = service(request)
    return json_bytes(svc.treaties(parse_date(on, "on"), state or None))


@router.get("/treaties/{treaty_id}", summary="One treaty: parties, lifecycle, articles, sources")
async def treaty(request: Request, treaty_id: TreatyId) -> Response:
    """As `foedus treaty show ID --format json`: the treaty file as data plus `bound` (per party,
    the first and last+1 day it was bound). Unknown ids are a 404 with suggestions."""
    world = service(request).world
    return json_bytes(dumps(treaty_record(_treaty(world, treaty_id), world)))


@router.get("/treaties/{treaty_id}/changes", summary="Every dated change of one treaty")
async def treaty_changes(request: Request, treaty_id: TreatyId) -> Response:
    """The treaty's changes over all time (records as `GET /api/changes`): entries into force,
    accessions, suspensions and resumptions, exits — the per-party timeline."""
    world = service(request).world
    found = _treaty(world, treaty_id)
    records = [
        change_record(c, world.registry)
        for c in world.changes(dt.date.min, dt.date.max)
        if c.treaty == found.id
    ]
    return json_bytes(dumps(records))
