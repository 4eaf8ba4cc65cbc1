"""COW importers: state system, majors, NMC (v6 -9 and v7 blanks), alliances, errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from foedus.io.importers.cow import (
    read_contiguity,
    read_cow_alliance_dyadyears,
    read_cow_states,
    read_gw_states,
    read_majors,
    read_nmc,
)
from foedus.io.importers.cow_alliances import read_cow_alliance_members
from foedus.io.importers.errors import DataFileError
from foedus.model.registry import StateRegistry
from foedus.model.state import State

SHARED = Path(__file__).resolve().parents[4] / "shared" / "data"
pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="external datasets missing")


def test_states_and_majors() -> None:
    system, raw = read_cow_states(SHARED / "cow_states2016.csv")
    assert system.name == "cow"
    assert system.version == "2016"
    assert 255 in system.members_on(dt.date(1914, 7, 28))
    assert 255 not in system.members_on(dt.date(1970, 1, 1))
    assert raw.height == 243
    majors = read_majors(SHARED / "cow_majors2016.csv")
    assert majors.filter(pl.col("ccode") == 2)["start"].to_list() == [dt.date(1898, 8, 13)]
    gw = read_gw_states(SHARED / "gw_states.csv")
    assert 260 in gw.members_on(dt.date(2000, 1, 1))


def test_contiguity_spells_and_dyad_years(tmp_path: Path) -> None:
    """peacesciencer's spells (end exclusive after reading) and COW's dyad-years agree."""
    spells = read_contiguity(SHARED / "cow_contdir_v3.2_peacesciencer.csv")
    usa_can = spells.filter((pl.col("ccode1") == 2) & (pl.col("ccode2") == 20))
    assert usa_can["conttype"].to_list() == [1]
    assert usa_can["start"].to_list() == [dt.date(1920, 1, 1)]
    assert usa_can["end"].to_list() == [dt.date(2016, 12, 2)]
    years = tmp_path / "contdird.csv"
    years.write_text(
        "dyad,state1no,state1ab,state2no,state2ab,year,conttype,version\n"
        "2020,2,USA,20,CAN,1920,1,3.2\n"
    )
    frame = read_contiguity(years)
    assert frame.row(0) == (2, 20, 1, dt.date(1920, 1, 1), dt.date(1921, 1, 1))
    bad = tmp_path / "cow_contdir_bad.csv"
    bad.write_text("ccode1,ccode2,conttype,stdate,enddate\n2,20,1,1920-01-01,someday\n")
    with pytest.raises(DataFileError) as err:
        read_contiguity(bad)
    assert "row 2, column 'enddate': 'someday' is not a date" in str(err.value)


def test_nmc_versions_agree_on_missing() -> None:
    v6 = read_nmc(SHARED / "cow_nmc_v6.0_abridged.csv")
    v7 = read_nmc(SHARED / "cow_nmc_v7.0_peacesciencer.csv")
    assert v6.columns == v7.columns
    assert (v6.select(pl.exclude("ccode", "year")) == -9).sum().sum_horizontal().item() == 0
    assert v6["milex"].null_count() > 0
    assert v7["milex"].null_count() > 0


def test_cow_alliance_dyadyears() -> None:
    frame = read_cow_alliance_dyadyears(SHARED / "cow_alliance_v4.1_dyadyear_peacesciencer.csv")
    assert frame.columns == [
        "ccode1",
        "ccode2",
        "year",
        "cow_defense",
        "cow_neutral",
        "cow_nonagg",
        "cow_entente",
    ]
    assert frame.filter((pl.col("ccode1") == 2) & (pl.col("ccode2") == 20)).height > 50


def test_cow_by_member_file(tmp_path: Path) -> None:
    path = tmp_path / "alliance_v4.1_by_member.csv"
    path.write_text(
        "version4id,ccode,mem_st_day,mem_st_month,mem_st_year,mem_end_day,mem_end_month,"
        "mem_end_year,right_censor,defense,neutrality,nonaggression,entente\n"
        "7,2,4,4,1949,,,,1,1,0,1,1\n"
        "7,20,4,4,1949,,,,1,1,0,1,1\n"
    )
    registry = StateRegistry(
        [State(code="USA", name="USA", cow=2), State(code="CAN", name="Canada", cow=20)]
    )
    (treaty,) = read_cow_alliance_members(path, registry)
    assert treaty.id == "cow-7"
    assert treaty.cow == (7,)
    assert {o.kind.value for o in treaty.articles[0].obligations} == {
        "defense",
        "nonaggression",
        "consultation",
    }


def test_bad_nmc_value_is_located(tmp_path: Path) -> None:
    path = tmp_path / "NMC-60-abridged.csv"
    path.write_text(
        "ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n2,1816,1,2,3,4,5,6,0.1\n"
        "2,1817,one,2,3,4,5,6,0.1\n"
    )
    with pytest.raises(DataFileError, match=r"NMC-60-abridged.csv, row 3, column 'milex'"):
        read_nmc(path)


def test_missing_file() -> None:
    with pytest.raises(DataFileError, match="not found"):
        read_cow_states(Path("/nonexistent/states2016.csv"))
