"""Fixtures for the REST API tests: one app over the session's World, and the CLI's JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import foedus
from foedus.api import create_app
from foedus.cli.app import app as cli_app


@pytest.fixture(scope="session")
def client(world: foedus.World) -> TestClient:
    return TestClient(create_app(world, warm_up=False))


@pytest.fixture(scope="session")
def cli_json() -> Any:
    """Run a foedus command in-process with ``--format json`` and parse its output."""
    runner = CliRunner()

    def run(*args: str) -> Any:
        result = runner.invoke(cli_app, [*args, "--format", "json"])
        assert result.exit_code in (0, 1), result.output
        return json.loads(result.stdout)

    return run
