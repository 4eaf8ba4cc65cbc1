"""Reading query parameters: dates, states and kinds, with errors that name the parameter."""

from __future__ import annotations

import datetime as dt

from foedus.api.errors import ApiError
from foedus.errors import AmbiguousStateError, UnknownStateError
from foedus.model.dates import to_date
from foedus.model.obligation import ObligationKind
from foedus.query.world import World

__all__ = ["KINDS", "parse_date", "parse_kind", "resolve_state"]

KINDS = tuple(k.value for k in ObligationKind)
DATE_FIX = "write YYYY-MM-DD, YYYY-MM, YYYY or today"
STATE_FIX = "name a state by ISO code, COW number or name (GET /api/states lists them)"


def parse_date(text: str, name: str, where: str = "query") -> dt.date:
    """``text`` as a day; a bad value is a 422 naming ``where.name``."""
    try:
        return to_date(text)
    except (ValueError, OverflowError) as exc:
        raise ApiError.one(422, (where, name), str(exc).split(";")[0], DATE_FIX) from None


def parse_kind(text: str | None, name: str = "kind") -> str | None:
    """An obligation kind, or ``None``; unknown kinds are a 422 listing the allowed ones."""
    if text is None or text == "":
        return None
    if text not in KINDS:
        raise ApiError.one(
            422,
            ("query", name),
            f"{text!r} is not a kind of obligation",
            f"use one of {', '.join(KINDS)}",
        )
    return text


def resolve_state(
    world: World, name: str, day: dt.date | None, field: str, where: str = "query"
) -> str:
    """The registry code ``name`` means on ``day``; unknown names get "did you mean"."""
    try:
        return world.resolve(name, day).code
    except UnknownStateError as exc:
        message = str(exc).split(" (`foedus")[0]
        fix = "use a state that existed on that date" if "did not exist" in message else STATE_FIX
        raise ApiError.one(422, (where, field), message, fix) from None
    except AmbiguousStateError as exc:
        raise ApiError.one(422, (where, field), str(exc), "use the state's code") from None
