"""The app factory: the loaded World, the routers, the JSON error handlers and the limits.

``uvicorn --factory foedus.api.app:create_app`` runs it (``foedus serve`` does); corpus folders
come from ``$FOEDUS_CORPUS`` as everywhere in foedus.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable
from pathlib import Path

from fastapi import FastAPI
from starlette.responses import Response

import foedus
from foedus.api.errors import install_error_handlers
from foedus.api.limits import BodyLimit, Limits
from foedus.api.routers import changes, datasets, obligations, scenarios, states, treaties
from foedus.api.service import Service
from foedus.api.web import mount_web
from foedus.model.dates import PartialDate
from foedus.query.world import World

__all__ = ["create_app"]

DESCRIPTION = """Alliance treaties as code: who must defend whom, as of any date, and why.

Mirrors the Python API (`foedus.load()`, `world.on(date)`, …) and returns the same JSON records
as the CLI's `--format json`. Errors are JSON: `{"error", "message", "problems": [{"field",
"loc", "message", "fix"}]}` — 422 for invalid input (with "did you mean"), 404 for unknown
resources, 413 for requests over a limit, never a stack trace."""


def _warm_up(service: Service) -> None:
    """Compile the Monte Carlo kernel in the background (numba), so the first run is quick."""
    from foedus.engine import Attack, Scenario, prepare
    from foedus.engine.montecarlo import run_monte_carlo

    try:
        world = service.world
        today = dt.date.today()
        codes = [s.code for s in world.registry if s.exists_on(today)][:2]
        if len(codes) == 2:
            scenario = Scenario(
                date=PartialDate.parse(today), events=(Attack(by=codes[0], on=codes[1]),)
            )
            run_monte_carlo(prepare(world, scenario), service.reliability(), runs=10, seed=0)
    except Exception:  # pragma: no cover - warming up is best effort
        pass


def create_app(
    world: World | None = None,
    *,
    corpus: Iterable[Path | str] = (),
    limits: Limits | None = None,
    warm_up: bool = True,
) -> FastAPI:
    """The API and the web UI over ``world`` (default: the bundled corpus + ``corpus``)."""
    folders = [Path(p) for p in corpus]
    loaded = world if world is not None else foedus.load(folders)
    service = Service(loaded, limits or Limits(), folders)
    app = FastAPI(
        title="foedus",
        version=foedus.__version__,
        description=DESCRIPTION,
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.service = service
    install_error_handlers(app)
    app.add_middleware(BodyLimit, limit=service.limits.max_body_bytes)

    @app.get("/health", tags=["meta"], summary="Liveness (the benchmark's reference)")
    async def health() -> Response:
        return Response(b'{"status":"ok"}', media_type="application/json")

    for module in (states, treaties, obligations, changes, scenarios, datasets):
        app.include_router(module.router)
    mount_web(app)
    if warm_up:
        threading.Thread(target=_warm_up, args=(service,), daemon=True).start()
    return app
