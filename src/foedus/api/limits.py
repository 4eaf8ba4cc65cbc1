"""Limits that keep one request from taking the server down, and the body-size guard.

Oversized requests get a 413 JSON error naming the limit; the limits are per request.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from foedus.api.errors import FieldProblem, error_response

__all__ = ["BodyLimit", "Limits"]


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-request limits of the API."""

    max_body_bytes: int = 64 * 1024
    max_runs: int = 200_000
    max_events: int = 20
    max_edits: int = 20
    time_budget_s: float = 10.0
    max_dataset_years: int = 250


class _TooLargeError(Exception):
    pass


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``limit`` bytes with a 413 JSON error,
    by the declared ``Content-Length`` or, without one, while the body streams in."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    def _refuse(self) -> FieldProblem:
        return FieldProblem(
            ("body",),
            f"the request body is larger than {self.limit} bytes",
            "send a smaller document (a scenario needs only a date and a few events)",
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for key, value in scope.get("headers", ()):
            if key == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > self.limit:
                    await error_response(413, [self._refuse()])(scope, receive, send)
                    return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLargeError
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except _TooLargeError:
            if not started:
                await error_response(413, [self._refuse()])(scope, receive, send)
