"""State-years with ATOP-style obligation flags and partner counts, from any World.

A state-year exists when the state is a member of the system on at least one day of the year
(peacesciencer's ``create_stateyears()``). ``atop_defense`` is 1 when the state owes a defence
obligation to at least one state of the system that year; ``atop_defense_n`` counts those states.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import polars as pl

from foedus.datasets.dyadyears import ATOP_FLAGS, dyad_years
from foedus.datasets.rules import ANY_DAY, YearRule
from foedus.datasets.systems import StateSystem
from foedus.errors import InputError
from foedus.model.obligation import ObligationKind
from foedus.query.world import World

__all__ = ["state_universe", "state_years"]


def state_universe(system: StateSystem, *, years: tuple[int, int] = (1816, 2016)) -> pl.DataFrame:
    """Every state-year of the system (``ccode``/``gwcode``, ``year``), sorted."""
    lo, hi = years
    if hi < lo:
        raise InputError(f"years {lo}-{hi}: the last year is before the first; swap them")
    spells = system.spells.select(
        pl.col("code").cast(pl.Int64),
        pl.max_horizontal(pl.col("start").dt.year(), pl.lit(lo)).alias("y0"),
        pl.min_horizontal((pl.col("end") - pl.duration(days=1)).dt.year(), pl.lit(hi)).alias("y1"),
    ).filter(pl.col("y0") <= pl.col("y1"))
    y0, y1 = spells["y0"].to_numpy(), spells["y1"].to_numpy()
    n = y1 - y0 + 1
    rows = np.repeat(np.arange(len(n)), n)
    year = y0[rows] + (np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n))
    frame = pl.DataFrame({system.code_column: spells["code"].to_numpy()[rows], "year": year})
    return frame.unique().sort(system.code_column, "year").cast(pl.Int64)


def state_years(
    world: World,
    system: StateSystem,
    *,
    years: tuple[int, int] = (1816, 2016),
    rule: YearRule = ANY_DAY,
    flags: Mapping[str, ObligationKind] = ATOP_FLAGS,
) -> pl.DataFrame:
    """State-years with, per flag, a 0/1 column and a ``_n`` count of partners owed."""
    dyads = dyad_years(world, system, directed=True, years=years, rule=rule, flags=flags)
    c1 = system.code_columns[0]
    code = system.code_column
    totals = dyads.group_by(c1, "year").agg(
        *(pl.col(f).max().alias(f) for f in flags),
        *(pl.col(f).cast(pl.Int64).sum().alias(f"{f}_n") for f in flags),
    )
    out = state_universe(system, years=years).join(
        totals.rename({c1: code}), on=[code, "year"], how="left"
    )
    return out.with_columns(
        *(pl.col(f).fill_null(0).cast(pl.Int8) for f in flags),
        *(pl.col(f"{f}_n").fill_null(0) for f in flags),
    ).sort(code, "year")
