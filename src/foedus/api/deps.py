"""Shared route helpers: the service of the running app and JSON byte responses."""

from __future__ import annotations

from fastapi import Request
from starlette.responses import Response

from foedus.api.service import Service

__all__ = ["ERRORS", "json_bytes", "service"]

ERRORS: dict[int | str, dict[str, str]] = {
    404: {"description": "Unknown resource (JSON error with suggestions)"},
    413: {"description": "Request over a limit (JSON error naming the limit)"},
    422: {"description": "Invalid parameter (JSON error with the field path and a fix)"},
}


def service(request: Request) -> Service:
    """The app's :class:`Service` (the loaded World and its caches)."""
    found: Service = request.app.state.service
    return found


def json_bytes(content: bytes, status: int = 200) -> Response:
    """A response whose body is already-serialized JSON."""
    return Response(content, status_code=status, media_type="application/json")
