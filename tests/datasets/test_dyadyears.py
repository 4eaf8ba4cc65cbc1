"""Dyad-years: peacesciencer's dyad rule, ATOP agreement, year rules, state systems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from foedus.datasets import (
    ATOP_FLAGS,
    StateSystem,
    YearRule,
    dyad_universe,
    dyad_years,
    on_day,
    state_years,
)
from foedus.datasets.edges import obligation_edges
from foedus.errors import InputError
from foedus.io.importers.cow import read_gw_states
from foedus.query.world import World

#: Directed COW dyad-years 1816-2016 where both states were in the system on a common day.
#: Counting by years alone gives 1,912,350; peacesciencer's false_cow_dyads rule removes 60
#: (30 pairs that shared a year but no day, e.g. Suriname and the Republic of Vietnam, 1975).
DIRECTED_DYAD_YEARS_1816_2016 = 1_912_290


def test_directed_dyad_year_count(cow: tuple[StateSystem, World]) -> None:
    system, _ = cow
    universe = dyad_universe(system)
    assert universe.height == DIRECTED_DYAD_YEARS_1816_2016
    assert universe.select("ccode1", "ccode2", "year").is_duplicated().sum() == 0
    undirected = dyad_universe(system, directed=False)
    assert undirected.height * 2 == DIRECTED_DYAD_YEARS_1816_2016
    assert (undirected["ccode1"] < undirected["ccode2"]).all()


def test_no_dyad_without_a_common_day(cow: tuple[StateSystem, World]) -> None:
    """Republic of Vietnam (817) left on 1975-04-30; Suriname (115) entered on 1975-11-25."""
    system, _ = cow
    universe = dyad_universe(system, years=(1975, 1975))
    pairs = set(zip(universe["ccode1"], universe["ccode2"], strict=True))
    assert (817, 115) not in pairs
    assert (115, 817) not in pairs
    assert (817, 2) in pairs
    assert (115, 2) in pairs


def test_agreement_with_atop_ddyr(cow: tuple[StateSystem, World], data: Path) -> None:
    """ATOP v4.01 import vs ATOP 5.1's own directed dyad-years, where either side codes one."""
    system, world = cow
    ours = dyad_years(world, system, years=(1816, 2016))
    ref = pl.read_csv(data / "atop_v5.1_ddyr_obligations.csv").filter(
        pl.col("year").is_between(1816, 2016)
    )
    keys = ["ccode1", "ccode2", "year"]
    both = ours.join(ref, on=keys, how="left", suffix="_ref")
    outside = ref.join(ours, on=keys, how="anti").height
    print(f"\nATOP 5.1 dyad-years outside the COW dyad universe: {outside} of {ref.height}")
    agreement = {}
    for column in ATOP_FLAGS:
        theirs = pl.col(f"{column}_ref").fill_null(0)
        coded = both.filter((pl.col(column) == 1) | (theirs == 1))
        same = coded.filter(pl.col(column) == theirs).height
        agreement[column] = same / coded.height
        print(f"{column}: {agreement[column]:.2%} of {coded.height} coded dyad-years agree")
    assert agreement["atop_defense"] >= 0.99
    assert all(share >= 0.95 for share in agreement.values())


def test_edges_match_the_world(cow: tuple[StateSystem, World]) -> None:
    """The vectorised edge compilation gives exactly World.edges whose ends are both bound."""
    _, world = cow
    cow_of = {s.code: s.cow for s in world.registry}
    spans = world.spans
    expected = {
        (e.treaty.id, cow_of[e.from_], cow_of[e.to], e.kind.value)
        for e in world.edges
        if (one := spans.get((e.treaty.id, e.from_))) is not None
        and (two := spans.get((e.treaty.id, e.to))) is not None
        and max(one.start, two.start) < min(one.end, two.end)
    }
    frame = obligation_edges(world)
    got = set(zip(frame["treaty"], frame["ccode1"], frame["ccode2"], frame["kind"], strict=True))
    assert got == expected


def test_on_day_rule_is_a_subset_of_any_day(cow: tuple[StateSystem, World]) -> None:
    system, world = cow
    any_day = dyad_years(world, system, years=(1940, 1960))
    dec31 = dyad_years(world, system, years=(1940, 1960), rule=on_day(12, 31))
    assert any_day.height == dec31.height
    for column in ATOP_FLAGS:
        assert (dec31[column] <= any_day[column]).all()
    # NATO (1949-04-04): the USA owes Canada defence in 1949 under both rules
    row = dec31.filter(
        (pl.col("ccode1") == 2) & (pl.col("ccode2") == 20) & (pl.col("year") == 1949)
    )
    assert row["atop_defense"].to_list() == [1]


def test_rule_parsing() -> None:
    assert YearRule.parse("dec31") == on_day(12, 31)
    assert YearRule.parse("07-01") == on_day(7, 1)
    for bad in ("02-29", "13-01", "someday"):
        with pytest.raises(InputError):
            YearRule.parse(bad)


def test_asymmetric_treaty_is_directed(cow: tuple[StateSystem, World]) -> None:
    """ATOP 2571 (1944): the USA promised Portugal defence, not the reverse."""
    system, world = cow
    frame = dyad_years(world, system, years=(1944, 1944))
    usa_prt = frame.filter((pl.col("ccode1") == 2) & (pl.col("ccode2") == 235))
    prt_usa = frame.filter((pl.col("ccode1") == 235) & (pl.col("ccode2") == 2))
    assert usa_prt["atop_defense"].item() == 1
    assert prt_usa["atop_defense"].item() == 0
    undirected = dyad_years(world, system, years=(1944, 1944), directed=False)
    pair = undirected.filter((pl.col("ccode1") == 2) & (pl.col("ccode2") == 235))
    assert pair["atop_defense"].item() == 1


def test_gleditsch_ward_system(cow: tuple[StateSystem, World], data: Path) -> None:
    _, world = cow
    gw = read_gw_states(data / "gw_states.csv")
    frame = dyad_years(world, gw, years=(1995, 1995))
    assert frame.columns[:3] == ["gwcode1", "gwcode2", "year"]
    # unified Germany is G-W 260 after 1990; NATO binds the USA to it
    row = frame.filter((pl.col("gwcode1") == 2) & (pl.col("gwcode2") == 260))
    assert row["atop_defense"].item() == 1


def test_state_years(cow: tuple[StateSystem, World]) -> None:
    system, world = cow
    frame = state_years(world, system, years=(2000, 2000))
    usa = frame.filter(pl.col("ccode") == 2)
    assert usa["atop_defense"].item() == 1
    assert usa["atop_defense_n"].item() > 30
    in_2000 = system.spells.filter(
        (pl.col("start") <= dt.date(2000, 12, 31)) & (pl.col("end") > dt.date(2000, 1, 1))
    )
    assert frame.height == in_2000["code"].n_unique()


def test_empty_world_and_bad_years(cow: tuple[StateSystem, World]) -> None:
    system, world = cow
    empty = dyad_years(World(world.registry, []), system, years=(2000, 2000))
    assert empty.select(list(ATOP_FLAGS)).sum_horizontal().sum() == 0
    with pytest.raises(InputError, match="swap"):
        dyad_years(world, system, years=(2000, 1990))
