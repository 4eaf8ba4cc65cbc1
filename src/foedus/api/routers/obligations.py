"""``/api/obligations`` and ``/api/network``: obligations in force on a date (cached)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from foedus.api.deps import ERRORS, json_bytes, service
from foedus.api.errors import ApiError
from foedus.api.params import KINDS, parse_date
from foedus.errors import UnknownTreatyError

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["obligations"], responses=ERRORS)

DateQ = Annotated[str, Query(description="YYYY-MM-DD, YYYY-MM, YYYY or today.")]
KindQ = Annotated[str | None, Query(description=f"One of {', '.join(KINDS)}.")]


@router.get("/obligations", summary="Obligations in force on a date, with article and sources")
async def obligations(
    request: Request,
    on: DateQ = "today",
    from_: Annotated[str | None, Query(alias="from", description="Owed by this state.")] = None,
    to: Annotated[str | None, Query(description="Owed to this state.")] = None,
    kind: KindQ = None,
    treaty: Annotated[str | None, Query(description="Only this treaty id.")] = None,
) -> Response:
    """As `foedus obligations --format json`: `treaty`, `treaty_name`, `signed`, `article`,
    `kind`, `from`, `to`, `from_cow`, `to_cow`, `automatic`, `since`, `says`, `conditions`,
    `sources`. Example: `GET /api/obligations?from=Russia&to=North%20Korea&on=2024-12-05`."""
    svc = service(request)
    day = parse_date(on, "on")
    try:
        body = svc.obligations(day, from_ or None, to or None, kind or None, treaty or None)
    except UnknownTreatyError as exc:
        message = str(exc).split(" (`")[0]
        raise ApiError.one(
            422, ("query", "treaty"), message, "use an id from GET /api/treaties"
        ) from None
    return json_bytes(body)


@router.get("/network", summary="The graph of obligations in force on a date")
async def network(request: Request, on: DateQ = "today", kind: KindQ = None) -> Response:
    """`nodes` (states: `code`, `name`, `iso3`, `cow`), `edges` (one per ordered pair: `from`,
    `to`, `treaties`, `automatic`) and `treaties` (each with the `members` it links and the
    `protected` states owed the obligation, most protected first) — what the map colours by bloc.
    Example: `GET /api/network?on=1914-07-28&kind=defense`."""
    svc = service(request)
    return json_bytes(svc.network(parse_date(on, "on"), kind or None))
