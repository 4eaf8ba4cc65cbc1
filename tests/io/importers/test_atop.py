"""The ATOP importer: treaties in the foedus model, partial dates, phases, errors that locate."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.io.corpus import bundled_registry
from foedus.io.importers.atop import AtopFiles, find_atop_files, read_atop
from foedus.io.importers.cow import extend_registry, read_cow_states, registry_states
from foedus.io.importers.errors import DataFileError
from foedus.model.dates import PartialDate
from foedus.model.obligation import ObligationKind
from foedus.model.registry import StateRegistry
from foedus.query.world import World

SHARED = Path(__file__).resolve().parents[4] / "shared" / "data"
MEMBERS = SHARED / "atop_v4.01_member_level.csv"
HEADER = MEMBERS.read_text().splitlines()[0] if MEMBERS.is_file() else ""
needs_data = pytest.mark.skipif(not MEMBERS.is_file(), reason="external datasets missing")


@pytest.fixture(scope="module")
def registry() -> StateRegistry:
    if not MEMBERS.is_file():
        pytest.skip("external datasets missing")
    _, raw = read_cow_states(SHARED / "cow_states2016.csv")
    return extend_registry(bundled_registry(), registry_states(raw))


@needs_data
def test_nato_and_sources(registry: StateRegistry) -> None:
    found = read_atop(
        AtopFiles(MEMBERS, SHARED / "atop_v4.01_alliance_level.csv"), registry, atopids=[3180]
    )
    (nato,) = found.treaties
    assert (nato.id, nato.atop) == ("atop-3180", (3180,))
    assert nato.signed == PartialDate(1949, 4, 4)
    usa = nato.party(registry.by_cow(2).code)  # type: ignore[union-attr]
    assert usa is not None
    assert usa.in_force == PartialDate(1949, 4, 4)
    assert usa.exit is None
    assert len(nato.parties) == 30
    kinds = {o.kind for a in nato.articles for o in a.obligations}
    assert ObligationKind.DEFENSE in kinds
    (source,) = nato.sources
    assert source.url == "https://www.atopdata.org/"
    assert "4.01" in source.title


@needs_data
def test_partial_dates_gaps_and_asymmetry(registry: StateRegistry) -> None:
    found = read_atop(MEMBERS, registry, atopids=[1035, 3015, 2571])
    by_id = {t.id: t for t in found.treaties}
    # 1035: exit day blank -> month precision
    exits = {p.exit.date for p in by_id["atop-1035"].parties if p.exit}
    assert any(d.precision.value == "month" for d in exits)
    # 3015 Arab League: Egypt out 1979-1989 -> a suspension; Syria's years inside the United
    # Arab Republic (1958-1961) are a gap in its existence, which the World treats as a suspension
    league = [t for t in found.treaties if t.atop == (3015,)]
    assert [t.id for t in league] == ["atop-3015"]
    egypt = league[0].party(registry.by_cow(651).code)  # type: ignore[union-attr]
    assert egypt is not None
    assert len(egypt.suspensions) == 1
    syria = registry.by_cow(652).code  # type: ignore[union-attr]
    world = World(registry, league)
    gaps = [s for s in world.suspensions if s.state == syria]
    assert [s.suspension.how for s in gaps] == ["not_in_existence"]
    assert gaps[0].interval.start.year == 1958
    in_1960 = world.on("1960-01-01").obligations()
    assert in_1960
    assert not [e for e in in_1960 if syria in (e.from_, e.to)]
    assert world.on("1965-01-01").obligations(from_=syria)
    # 2571: only the USA owes defence
    (defense,) = [a for a in by_id["atop-2571"].articles if a.number == "ATOP defense"]
    assert [o.from_ for o in defense.obligations] == [(registry.by_cow(2).code,)]  # type: ignore[union-attr]


@needs_data
def test_whole_file_builds_a_world(registry: StateRegistry) -> None:
    found = read_atop(find_atop_files(SHARED), registry)
    assert {i for t in found.treaties for i in t.atop} >= {1005, 3180}
    assert any("8152" in note for note in found.notes)  # a code that is no COW state
    assert World(registry, found.treaties).edges


def write(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n")
    return path


@needs_data
def test_bad_value_names_file_row_column(tmp_path: Path, registry: StateRegistry) -> None:
    good = MEMBERS.read_text().splitlines()[1]
    cells = good.split(",")
    cells[HEADER.split(",").index("yrent")] = "18x5"
    path = write(tmp_path / "atop5_1m.csv", [good, ",".join(cells)])
    with pytest.raises(DataFileError) as err:
        read_atop(path, registry)
    message = str(err.value)
    assert "atop5_1m.csv" in message
    assert "row 3" in message
    assert "'yrent'" in message
    assert "whole number" in message


def test_unknown_layout_names_the_missing_columns(tmp_path: Path) -> None:
    path = tmp_path / "atop5_1m.csv"
    path.write_text("atopid,member,foo\n1,2,3\n")
    with pytest.raises(DataFileError, match=r"row 1: unknown file layout: no column yrent"):
        read_atop(path, StateRegistry([]))


def test_official_layout_is_found(tmp_path: Path) -> None:
    folder = tmp_path / "ATOP 5.1 (.csv)"
    folder.mkdir()
    (folder / "atop5_1m.csv").write_text("x\n")
    (folder / "atop5_1a.csv").write_text("x\n")
    (folder / "atop5_1ddyr.csv").write_text("x\n")
    files = find_atop_files(tmp_path)
    assert (files.members.name, files.alliances and files.alliances.name) == (
        "atop5_1m.csv",
        "atop5_1a.csv",
    )
    with pytest.raises(DataFileError, match="no ATOP data"):
        find_atop_files(tmp_path / "empty")
