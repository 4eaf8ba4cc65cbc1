"""``foedus serve``: the REST API and the web UI on 127.0.0.1 (uvicorn).

Needs the ``api`` extra; without it the command prints the install command and exits 2. FastAPI
and uvicorn are imported only here, inside the command, so other commands never load them.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["INSTALL", "register"]

INSTALL = "pip install 'foedus[api]'"


def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to bind (other machines: 0.0.0.0).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Processes.")] = 1,
    corpus: Annotated[
        list[Path] | None,
        typer.Option("--corpus", help="Extra corpus folder (repeatable; also $FOEDUS_CORPUS)."),
    ] = None,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "info",
) -> None:
    """Serve the REST API (/api, /openapi.json) and the web UI (/) on http://HOST:PORT."""
    from foedus.cli.app import corpus_folders
    from foedus.errors import InputError

    missing = [m for m in ("fastapi", "uvicorn", "orjson") if importlib.util.find_spec(m) is None]
    if missing:
        raise InputError(f"serve needs {', '.join(missing)}, not installed; run: {INSTALL}")
    folders = [str(p.resolve()) for p in corpus_folders(corpus)]
    if folders:  # workers are separate processes: pass the folders through the environment
        env = [p for p in os.environ.get("FOEDUS_CORPUS", "").split(os.pathsep) if p]
        os.environ["FOEDUS_CORPUS"] = os.pathsep.join([*env, *folders])
    from foedus.io.corpus import load_world

    load_world()  # check the corpus before binding: problems exit 2 with file:line messages
    import uvicorn

    typer.echo(f"foedus: serving http://{host}:{port}/ (API docs at /api/docs)", err=True)
    uvicorn.run(
        "foedus.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        access_log=False,
    )


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the app."""
    app.command("serve")(serve)
