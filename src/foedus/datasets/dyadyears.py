"""Dyad-years with ATOP-style obligation flags, from any World, as a polars frame.

Which dyads exist in a year follows peacesciencer's ``create_dyadyears()``: two states form a
dyad in a year when both are members of the state system **on at least one common day** of that
year (peacesciencer expands system years, then removes, with its ``false_cow_dyads`` /
``false_gw_dyads`` tables, pairs that were both members in the same year but never on the same
day, such as Suriname and the Republic of Vietnam in 1975). Directed data hold both orders;
undirected data keep ``ccode1 < ccode2``.

The flags: ``atop_defense`` is 1 when, under the year rule, ``ccode1`` owes ``ccode2`` a defence
obligation under some treaty of the World (likewise offense, neutral, nonagg, consul). In
undirected data a flag is 1 when either state owes it to the other.

>>> import datetime as dt
>>> from foedus.model.registry import StateRegistry
>>> from foedus.datasets.systems import StateSystem
>>> spells = pl.DataFrame({"code": [2, 20], "start": [dt.date(1816, 1, 1)] * 2,
...                        "end": [dt.date(2017, 1, 1)] * 2})
>>> w = World(StateRegistry([]), [])
>>> dyad_years(w, StateSystem("cow", spells), years=(2000, 2001)).shape
(4, 8)

References
----------
Miller, Steven V. (2022), "peacesciencer: An R Package for Quantitative Peace Science Research",
*Conflict Management and Peace Science* 39(6).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt
import polars as pl

from foedus.datasets.edges import obligation_edges
from foedus.datasets.rules import ANY_DAY, YearRule
from foedus.datasets.systems import StateSystem, cow_to_gw
from foedus.errors import InputError
from foedus.model.obligation import ObligationKind
from foedus.query.world import World

__all__ = ["ATOP_FLAGS", "COW_FLAGS", "dyad_universe", "dyad_years", "join_dyad_frame"]

#: The five ATOP flags and the obligation kind each one reports.
ATOP_FLAGS: Mapping[str, ObligationKind] = {
    "atop_defense": ObligationKind.DEFENSE,
    "atop_offense": ObligationKind.OFFENSE,
    "atop_neutral": ObligationKind.NEUTRALITY,
    "atop_nonagg": ObligationKind.NONAGGRESSION,
    "atop_consul": ObligationKind.CONSULTATION,
}
#: COW Formal Alliances types as imported from the by-member file (entente → consultation).
COW_FLAGS: Mapping[str, ObligationKind] = {
    "cow_defense": ObligationKind.DEFENSE,
    "cow_neutral": ObligationKind.NEUTRALITY,
    "cow_nonagg": ObligationKind.NONAGGRESSION,
    "cow_entente": ObligationKind.CONSULTATION,
}


def _check_years(years: tuple[int, int]) -> tuple[int, int]:
    lo, hi = years
    if hi < lo:
        raise InputError(f"years {lo}-{hi}: the last year is before the first; swap them")
    return lo, hi


Array = npt.NDArray[np.int64]


def _keys(a: Array, b: Array, year: Array) -> Array:
    """One sortable int64 per dyad-year (codes below 1000, years below 10000)."""
    return a * 10_000_000 + b * 10_000 + year


def _explode(y0: Array, y1: Array) -> tuple[Array, Array]:
    """For ranges ``[y0, y1]``: the range index and the year of each row (no Python loop)."""
    n = y1 - y0 + 1
    rows = np.repeat(np.arange(len(n), dtype=np.int64), n)
    offsets = np.arange(int(n.sum()), dtype=np.int64) - np.repeat(np.cumsum(n) - n, n)
    return rows, y0[rows] + offsets


def _int(series: pl.Series) -> Array:
    return series.cast(pl.Int64).to_numpy()


def _days(series: pl.Series) -> npt.NDArray[np.datetime64]:
    return series.cast(pl.Date).to_numpy().astype("datetime64[D]")


def _universe_arrays(
    system: StateSystem, directed: bool, years: tuple[int, int]
) -> tuple[Array, Array, Array]:
    """``a, b, year`` of every dyad-year, sorted (see :func:`dyad_universe`)."""
    lo, hi = years
    spells = system.spells
    code, start, end = _int(spells["code"]), _days(spells["start"]), _days(spells["end"])
    i = np.repeat(np.arange(len(code)), len(code))
    j = np.tile(np.arange(len(code)), len(code))
    s, e = np.maximum(start[i], start[j]), np.minimum(end[i], end[j])
    keep = (code[i] != code[j]) & (s < e) & ((code[i] < code[j]) | directed)
    a, b, s, e = code[i][keep], code[j][keep], s[keep], e[keep]
    y0, y1 = ANY_DAY.year_bounds(s, e)
    y0, y1 = np.maximum(y0, lo), np.minimum(y1, hi)
    keep = y0 <= y1
    a, b, y0, y1 = a[keep], b[keep], y0[keep], y1[keep]
    order = np.lexsort((y0, b, a))
    a, b, y0, y1 = a[order], b[order], y0[order], y1[order]
    # two spells of one state can touch the same year: start each range after the previous one
    same = np.r_[False, (a[1:] == a[:-1]) & (b[1:] == b[:-1])]
    if same.any():
        prev = np.r_[0, y1[:-1]]
        y0 = np.where(same, np.maximum(y0, prev + 1), y0)
        keep = y0 <= y1
        a, b, y0, y1 = a[keep], b[keep], y0[keep], y1[keep]
    rows, year = _explode(y0, y1)
    return a[rows], b[rows], year


def dyad_universe(
    system: StateSystem, *, directed: bool = True, years: tuple[int, int] = (1816, 2016)
) -> pl.DataFrame:
    """Every dyad-year of the system: both states members on at least one common day.

    Columns ``ccode1, ccode2, year`` (``gwcode1, gwcode2`` for Gleditsch–Ward), sorted.
    """
    a, b, year = _universe_arrays(system, directed, _check_years(years))
    c1, c2 = system.code_columns
    return pl.DataFrame({c1: a, c2: b, "year": year})


def _flag_keys(
    world: World,
    system: StateSystem,
    flags: Mapping[str, ObligationKind],
    *,
    directed: bool,
    years: tuple[int, int],
    rule: YearRule,
) -> tuple[Array, Array]:
    """Sorted unique dyad-year keys with any flag set, and their flag bits (bit i = flag i)."""
    lo, hi = years
    if not flags:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    edges = obligation_edges(world)
    kinds = [k.value for k in flags.values()]
    edges = edges.filter(pl.col("kind").is_in(kinds))
    bit = np.left_shift(1, _int(edges["kind"].replace_strict(kinds, list(range(len(kinds))))))
    a, b = _int(edges["ccode1"]), _int(edges["ccode2"])
    if not directed:
        a, b = np.minimum(a, b), np.maximum(a, b)
    y0, y1 = rule.year_bounds(_days(edges["start"]), _days(edges["end"]))
    y0, y1 = np.maximum(y0, lo), np.minimum(y1, hi)
    keep = y0 <= y1
    rows, year = _explode(y0[keep], y1[keep])
    a, b, bit = a[keep][rows], b[keep][rows], bit[keep][rows]
    if system.name == "gw":
        mapped = pl.DataFrame({"a": a, "b": b, "year": year}).select(
            cow_to_gw(pl.col("a"), pl.col("year")).alias("a"),
            cow_to_gw(pl.col("b"), pl.col("year")).alias("b"),
        )
        a, b = _int(mapped["a"]), _int(mapped["b"])
        keep = a != b
        a, b, year, bit = a[keep], b[keep], year[keep], bit[keep]
    keys = _keys(a, b, year)
    order = np.argsort(keys, kind="stable")
    keys, bit = keys[order], bit[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else np.zeros(0, int)
    bits = np.bitwise_or.reduceat(bit, starts) if len(keys) else bit
    return keys[starts], bits


def dyad_years(
    world: World,
    system: StateSystem,
    *,
    directed: bool = True,
    years: tuple[int, int] = (1816, 2016),
    rule: YearRule = ANY_DAY,
    flags: Mapping[str, ObligationKind] = ATOP_FLAGS,
) -> pl.DataFrame:
    """Dyad-years of ``system`` over ``years`` with a 0/1 column per flag from ``world``.

    Parameters
    ----------
    world : the treaties (bundled corpus, an ATOP import, or both).
    system : the state system that decides which dyads exist (COW or Gleditsch–Ward).
    directed : both orders of each pair (default) or only ``ccode1 < ccode2``.
    years : first and last year, inclusive.
    rule : :data:`~foedus.datasets.rules.ANY_DAY` (as ATOP's dyad-year files) or a fixed day.
    flags : output column → obligation kind; :data:`ATOP_FLAGS` by default.

    The work is array arithmetic: each obligation edge's bound interval becomes a year range,
    ranges are expanded with ``numpy.repeat``, and flags land on the universe by binary search
    on one int64 key per dyad-year.
    """
    years = _check_years(years)
    a, b, year = _universe_arrays(system, directed, years)
    found, found_bits = _flag_keys(world, system, flags, directed=directed, years=years, rule=rule)
    keys = _keys(a, b, year)
    bits = np.zeros(len(keys), dtype=np.int64)
    if len(keys) and len(found):
        at = np.searchsorted(keys, found).clip(0, len(keys) - 1)
        hit = keys[at] == found
        bits[at[hit]] = found_bits[hit]
    c1, c2 = system.code_columns
    columns: dict[str, npt.NDArray[np.int64] | npt.NDArray[np.int8]] = {c1: a, c2: b, "year": year}
    for i, name in enumerate(flags):
        columns[name] = ((bits >> i) & 1).astype(np.int8)
    return pl.DataFrame(columns)


def join_dyad_frame(frame: pl.DataFrame, other: pl.DataFrame) -> pl.DataFrame:
    """Left-join dyad-year columns of ``other`` (e.g. peacesciencer's COW alliance frame).

    Within the years ``other`` covers, a dyad-year it lacks gets 0; outside them, null.
    """
    keys = list(frame.columns[:3])
    if not set(keys) <= set(other.columns):
        raise InputError(f"cannot join: the other frame lacks {', '.join(keys)}")
    values = [c for c in other.columns if c not in keys]
    y0, y1 = other["year"].min(), other["year"].max()
    covered = pl.col("year").is_between(y0, y1)
    return frame.join(other, on=keys, how="left").with_columns(
        pl.when(covered).then(pl.col(c).fill_null(0)).otherwise(pl.col(c)).alias(c) for c in values
    )
