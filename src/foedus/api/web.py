"""Serve the browser UI (:mod:`foedus.web`): ``/`` is the page, ``/static/`` its assets."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.responses import FileResponse, Response
from starlette.staticfiles import StaticFiles

from foedus.web import INDEX, STATIC

__all__ = ["mount_web"]


def mount_web(app: FastAPI) -> None:
    """Add the page at ``/`` and the assets at ``/static`` to ``app``."""

    @app.get("/", include_in_schema=False)
    async def index() -> Response:
        return FileResponse(INDEX, media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
