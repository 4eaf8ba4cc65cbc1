"""Errors as JSON: every failure names the field at fault and says how to fix it.

The shape of every error body::

    {"error": "validation",                       # validation | not_found | too_large | ...
     "message": "query.from: unknown state 'Sweeden' …",
     "problems": [{"field": "query.from", "loc": ["query", "from"],
                   "message": "unknown state 'Sweeden' on 2024-03-07; did you mean SWE (Sweden)?",
                   "fix": "name a state by ISO code, COW number or name (GET /api/states)"}]}

Unexpected exceptions become a 500 with a generic message and no internals.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

__all__ = ["ApiError", "FieldProblem", "error_response", "install_error_handlers"]

log = logging.getLogger("foedus.api")

_KINDS = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "validation",
    500: "internal",
    501: "not_implemented",
    503: "unavailable",
    504: "timeout",
}

_PYDANTIC_FIXES = {
    "missing": "add this field",
    "int_parsing": "write a whole number",
    "int_type": "write a whole number",
    "bool_parsing": "write true or false",
    "bool_type": "write true or false",
    "greater_than_equal": "use a larger number",
    "less_than_equal": "use a smaller number",
    "json_invalid": "send a valid JSON document",
    "model_attributes_type": "send a JSON object",
    "dict_type": "send a JSON object",
    "string_type": "write a text value",
    "literal_error": "use one of the allowed values",
    "enum": "use one of the allowed values",
}


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One thing wrong with a request: where (``loc``), what, and how to fix it."""

    loc: tuple[str | int, ...]
    message: str
    fix: str = ""

    @property
    def field(self) -> str:
        return ".".join(str(p) for p in self.loc) or "(request)"

    def as_dict(self) -> dict[str, object]:
        return {
            "field": self.field,
            "loc": list(self.loc),
            "message": self.message,
            "fix": self.fix,
        }


class ApiError(Exception):
    """An error with an HTTP status and the problems that caused it."""

    def __init__(self, status: int, problems: Sequence[FieldProblem]):
        self.status = status
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in self.problems))

    @classmethod
    def one(cls, status: int, loc: Sequence[str | int], message: str, fix: str = "") -> ApiError:
        return cls(status, [FieldProblem(tuple(loc), message, fix)])


def error_response(status: int, problems: Sequence[FieldProblem]) -> Response:
    """The JSON response for ``problems`` (see the module docstring for its shape)."""
    first = problems[0] if problems else FieldProblem((), "error")
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    summary = f"{first.field}: {first.message}"
    if first.fix:
        summary += f" — {first.fix}"
    body = {
        "error": _KINDS.get(status, "error"),
        "message": summary + more,
        "problems": [p.as_dict() for p in problems],
    }
    return Response(orjson.dumps(body), status_code=status, media_type="application/json")


def _validation_problems(exc: RequestValidationError) -> list[FieldProblem]:
    out = []
    for error in exc.errors():
        loc = tuple(p for p in error.get("loc", ()) if isinstance(p, str | int))
        kind = str(error.get("type", ""))
        message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
        fix = _PYDANTIC_FIXES.get(kind, "see /openapi.json for what is allowed here")
        expected = (error.get("ctx") or {}).get("expected")
        if expected:
            fix = f"use {expected}"
        out.append(FieldProblem(loc, message, fix))
    return out


async def _on_api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.problems)


async def _on_validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, _validation_problems(exc))


async def _on_http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    if status == 404:
        problem = FieldProblem(
            ("path",), f"no such resource: {request.url.path}", "see /openapi.json for the paths"
        )
    elif status == 405:
        problem = FieldProblem(
            ("method",),
            f"{request.method} is not allowed on {request.url.path}",
            "see /openapi.json for the methods of each path",
        )
    else:
        problem = FieldProblem(("request",), str(exc.detail), "")
    response = error_response(status, [problem])
    for key, value in (exc.headers or {}).items():
        response.headers[key] = value
    return response


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    problem = FieldProblem(
        ("server",),
        "an unexpected error occurred on the server",
        "try again; if it persists, report the request that caused it",
    )
    return error_response(500, [problem])


def install_error_handlers(app: FastAPI) -> None:
    """Register the JSON error handlers on ``app``."""
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(Exception, _on_unexpected)
