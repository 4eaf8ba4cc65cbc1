"""Shared fixtures: the bundled world (loaded once) and the external datasets folder."""

from __future__ import annotations

from pathlib import Path

import pytest

import foedus

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(scope="session")
def world() -> foedus.World:
    return foedus.load()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"external datasets not found at {SHARED_DATA}")
    return SHARED_DATA
