"""Session fixtures for dataset tests: the COW system and the ATOP v4.01 import as a World."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.datasets import StateSystem
from foedus.io.corpus import bundled_registry
from foedus.io.importers.atop import AtopFiles, read_atop
from foedus.io.importers.cow import extend_registry, read_cow_states, registry_states
from foedus.query.world import World

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"


@pytest.fixture(scope="session")
def data() -> Path:
    if not (SHARED / "atop_v4.01_member_level.csv").is_file():
        pytest.skip(f"external datasets not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def cow(data: Path) -> tuple[StateSystem, World]:
    """The COW 2016 system and the World of the ATOP v4.01 import."""
    system, raw = read_cow_states(data / "cow_states2016.csv")
    registry = extend_registry(bundled_registry(), registry_states(raw))
    files = AtopFiles(data / "atop_v4.01_member_level.csv", data / "atop_v4.01_alliance_level.csv")
    return system, World(registry, read_atop(files, registry).treaties)
