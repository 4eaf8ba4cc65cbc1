"""Find research data files in a data folder and build what the datasets need from them.

The data folder is the one ``foedus data fetch`` installs into (``$FOEDUS_DATA_DIR`` or the
platform's user data folder), but any folder works: files are found by their published names
anywhere below it (``states2016.csv``, ``atop5_1m.csv`` in ``ATOP 5.1 (.csv)/``, …) and by the
names of the peacesciencer exports (``cow_states2016.csv``, ``gw_states.csv``, …).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import polars as pl

from foedus.datasets.dyadyears import ATOP_FLAGS, COW_FLAGS
from foedus.datasets.systems import StateSystem
from foedus.io.importers.atop import find_atop_files, read_atop
from foedus.io.importers.cow import (
    extend_registry,
    read_cow_alliance_dyadyears,
    read_cow_states,
    read_gw_states,
    registry_states,
)
from foedus.io.importers.cow_alliances import read_cow_alliance_members
from foedus.io.importers.errors import DataFileError
from foedus.model.obligation import ObligationKind
from foedus.model.registry import StateRegistry
from foedus.model.treaty import Treaty
from foedus.query.world import World

__all__ = ["PATTERNS", "ResearchInputs", "find_data", "find_one", "research_inputs"]

Source = Literal["corpus", "atop", "cow", "combined"]

#: File name patterns of each kind of data file (case-insensitive, matched anywhere below).
PATTERNS: dict[str, tuple[str, str]] = {
    "cow-states": (r"^(cow_)?states\d{4}\.csv$", "cow-states"),
    "gw-states": (r"^(gw_?states|ksgmdw|iisystem).*\.csv$", "gw-states"),
    "cow-alliance-members": (r"^alliance_v[\d.]+_by_member\.csv$", "cow-alliances"),
    "cow-alliance-dyadyears": (r"^cow_alliance.*dyad.?year.*\.csv$", "cow-alliances"),
    "cow-majors": (r"^(cow_)?majors\d{4}\.csv$", "cow-majors"),
    "cow-contiguity": (r"^(contdird|cow_contdir.*)\.csv$", "cow-contiguity"),
}


def find_one(
    folder: Path, kind: str, pattern: str, *, fix: str, required: bool = True
) -> Path | None:
    """The one CSV file below ``folder`` whose name matches ``pattern`` (case-insensitive);
    several, or none when ``required``, is an error saying how to fix it."""
    regex = re.compile(pattern, re.IGNORECASE)
    found = (
        sorted(p for p in folder.rglob("*.csv") if regex.search(p.name)) if folder.is_dir() else []
    )
    if len(found) > 1:
        raise DataFileError(
            folder,
            f"several {kind} files: {', '.join(map(str, found))}",
            fix="keep one, or point --data-dir at a folder with one",
        )
    if not found and required:
        raise DataFileError(folder, f"no {kind} file found ({pattern})", fix=fix)
    return found[0] if found else None


def find_data(folder: Path, kind: str, *, required: bool = True) -> Path | None:
    """The one file of ``kind`` below ``folder`` (see :data:`PATTERNS`)."""
    pattern, fetch = PATTERNS[kind]
    fix = f"run `foedus data fetch {fetch}` or point --data-dir at a folder holding it"
    return find_one(folder, kind, pattern, fix=fix, required=required)


@dataclass
class ResearchInputs:
    """A World to compute flags from, the state system, and frames to join."""

    world: World
    system: StateSystem
    flags: dict[str, ObligationKind]
    sources: dict[str, str]
    joins: list[pl.DataFrame] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _registry(folder: Path, base: StateRegistry) -> tuple[StateRegistry, StateSystem]:
    """``base`` completed with every COW state of the states file, and the COW system."""
    path = find_data(folder, "cow-states")
    assert path is not None
    system, raw = read_cow_states(path)
    return extend_registry(base, registry_states(raw)), system


def research_inputs(
    folder: Path,
    source: Source,
    system: Literal["cow", "gw"],
    *,
    base_registry: StateRegistry,
    corpus: Sequence[Treaty] = (),
) -> ResearchInputs:
    """Everything a dyad-year or state-year dataset from ``source`` needs.

    ``corpus`` holds the treaties of the loaded corpus (used by ``corpus`` and ``combined``);
    in ``combined`` an ATOP alliance that a corpus treaty covers (``atop:`` ids) comes from the
    corpus, which is curated and sourced article by article.
    """
    registry, cow_system = _registry(folder, base_registry)
    states_file = find_data(folder, "cow-states")
    state_system = cow_system
    sources = {"*": f"COW State System Membership v{cow_system.version} ({states_file})"}
    if system == "gw":
        gw_file = find_data(folder, "gw-states")
        assert gw_file is not None
        state_system = read_gw_states(gw_file)
        sources["*"] = f"Gleditsch & Ward state list ({gw_file})"
    treaties: list[Treaty] = []
    notes: list[str] = []
    flags: dict[str, ObligationKind] = dict(ATOP_FLAGS)
    joins: list[pl.DataFrame] = []
    if source in ("corpus", "combined"):
        treaties += corpus
        sources["atop_"] = "foedus corpus (treaty files with sources), ATOP obligation kinds"
    if source in ("atop", "combined"):
        files = find_atop_files(folder)
        imported = read_atop(files, registry)
        covered = {i for t in corpus for i in t.atop} if source == "combined" else set()
        treaties += [t for t in imported.treaties if not set(t.atop) & covered]
        notes += imported.notes
        what = f"ATOP v{imported.version} member-level data ({files.members}), imported into foedus"
        sources["atop_"] = what if source == "atop" else f"{what}, and the foedus corpus"
    if source in ("cow", "combined"):
        members = find_data(folder, "cow-alliance-members", required=False)
        if members is not None and source == "cow":
            treaties += read_cow_alliance_members(members, registry)
            flags = dict(COW_FLAGS)
            sources["cow_"] = f"COW Formal Alliances v4.1 by-member file ({members})"
        else:
            dyads = find_data(folder, "cow-alliance-dyadyears")
            assert dyads is not None
            joins.append(read_cow_alliance_dyadyears(dyads))
            sources["cow_"] = f"COW Formal Alliances v4.1 dyad-years (peacesciencer) ({dyads})"
            if source == "cow":
                flags = {}
    return ResearchInputs(World(registry, treaties), state_system, flags, sources, joins, notes)
