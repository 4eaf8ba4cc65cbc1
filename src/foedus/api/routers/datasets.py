"""``/api/datasets``: dyad-years and state-years of the corpus world, as CSV or Parquet.

Needs the ``research`` extra (polars); without it the answer is a 501 naming the install command.
The state system is the COW list found in the data folder (``foedus data fetch cow-states``) if
there is one, else the registry's own periods of existence (header ``X-Foedus-System``).
"""

from __future__ import annotations

import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from foedus.api.deps import ERRORS, json_bytes, service
from foedus.api.errors import ApiError
from foedus.api.service import dumps

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["datasets"], responses=ERRORS)

Name = Literal["dyad-years", "state-years"]
RESEARCH = "pip install 'foedus[research]'"


def _years(text: str, most: int) -> tuple[int, int]:
    lo, sep, hi = text.partition("-")
    if not (lo.isdigit() and (not sep or hi.isdigit())):
        raise ApiError.one(
            422, ("query", "years"), f"{text!r} is not a year range", "write 1816-2016 or 1914"
        )
    span = (int(lo), int(hi) if sep else int(lo))
    if span[1] < span[0]:
        raise ApiError.one(422, ("query", "years"), f"{text}: the last year is first", "swap them")
    if span[1] - span[0] + 1 > most or span[0] < 1500 or span[1] > 2200:
        raise ApiError.one(
            413, ("query", "years"), f"{text}: too many years", f"ask for at most {most} years"
        )
    return span


def _frame(request: Request, name: Name, years: tuple[int, int], directed: bool, rule: str) -> Any:
    """The dataset as a polars frame, and the provenance of its columns."""
    try:
        from foedus.api.research import dataset
    except ImportError:
        raise ApiError.one(
            501,
            ("path", "name"),
            "research datasets need the research extra (polars), which is not installed",
            f"run: {RESEARCH}",
        ) from None
    return dataset(service(request).world, name, years=years, directed=directed, rule=rule)


@router.get(
    "/datasets/{name}",
    summary="Dyad-years or state-years of the corpus as CSV or Parquet",
    responses={
        200: {"content": {"text/csv": {}, "application/vnd.apache.parquet": {}}},
        501: {"description": "The research extra is not installed (JSON error)"},
    },
)
async def download(
    request: Request,
    name: Annotated[Name, Path(description="dyad-years or state-years")],
    format: Annotated[Literal["csv", "parquet"], Query(description="csv or parquet")] = "csv",
    years: Annotated[str, Query(description="A year or a range, e.g. 1946-2016.")] = "1816-2016",
    directed: Annotated[bool, Query(description="Dyad-years: both orders of each pair.")] = True,
    rule: Annotated[
        str, Query(description="any-day, dec31 or MM-DD: when an obligation counts in a year.")
    ] = "any-day",
) -> Response:
    """Columns as `foedus dyadyears` / `foedus stateyears` (peacesciencer names: `ccode1`,
    `ccode2`, `year`, `atop_defense` …). Example: `GET /api/datasets/dyad-years?years=2000`."""
    span = _years(years, service(request).limits.max_dataset_years)
    frame, system = _frame(request, name, span, directed, rule)
    stem = f"foedus-{name}-{span[0]}-{span[1]}"
    headers = {"X-Foedus-System": system}
    if format == "csv":
        headers["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
        return Response(frame.write_csv(), media_type="text/csv", headers=headers)
    buffer = io.BytesIO()
    frame.write_parquet(buffer)
    headers["Content-Disposition"] = f'attachment; filename="{stem}.parquet"'
    return Response(buffer.getvalue(), media_type="application/vnd.apache.parquet", headers=headers)


@router.get("/datasets/{name}/dictionary", summary="The data dictionary of a dataset")
async def dictionary(
    request: Request, name: Annotated[Name, Path(description="dyad-years or state-years")]
) -> Response:
    """`column`, `type`, `meaning`, `source` for every column (as `NAME.dictionary.csv`)."""
    frame, system = _frame(request, name, (2000, 2000), True, "any-day")
    try:
        from foedus.datasets import data_dictionary
    except ImportError:  # pragma: no cover - _frame already needed polars
        raise ApiError.one(501, ("path", "name"), "research extra missing", RESEARCH) from None
    sources = {"*": system, "atop_": "foedus corpus (treaty files with sources)"}
    return json_bytes(dumps(data_dictionary(frame, sources).to_dicts()))
