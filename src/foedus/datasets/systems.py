"""State systems: which states exist when, by the Correlates of War or Gleditsch–Ward list.

A :class:`StateSystem` is a small frame of membership spells, ``code`` (COW ``ccode`` or G–W
``gwcode``), ``start`` (first day in the system) and ``end`` (first day out; half-open, like every
interval in foedus). The importers in :mod:`foedus.io.importers.cow` build them from the published
files; this module does no file I/O.

G–W and COW codes agree for most states. Obligations are stored by COW code, so a G–W dataset
translates them with :func:`cow_to_gw` (unified Germany is G–W 260 from 1990, COW 255; unified
Yemen G–W 678, COW 679; Serbia after Montenegro's 2006 split G–W 340, COW 345).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import polars as pl

__all__ = ["StateSystem", "cow_to_gw"]

SystemName = Literal["cow", "gw"]


@dataclass(frozen=True)
class StateSystem:
    """Membership spells of a state system (``code``, ``start``, ``end`` exclusive)."""

    name: SystemName
    spells: pl.DataFrame
    version: str = ""

    def __post_init__(self) -> None:
        missing = {"code", "start", "end"} - set(self.spells.columns)
        if missing:
            raise ValueError(f"spells need columns code, start, end (missing {sorted(missing)})")

    @property
    def code_columns(self) -> tuple[str, str]:
        """Column names of the two states of a dyad, as peacesciencer spells them."""
        return ("ccode1", "ccode2") if self.name == "cow" else ("gwcode1", "gwcode2")

    @property
    def code_column(self) -> str:
        return "ccode" if self.name == "cow" else "gwcode"

    def members_on(self, day: dt.date) -> set[int]:
        """Codes of the states in the system on ``day``."""
        inside = self.spells.filter((pl.col("start") <= day) & (pl.col("end") > day))
        return set(inside["code"].to_list())


#: (COW code, first year it maps, G-W code): COW codes that G–W numbers differently.
_COW_TO_GW: tuple[tuple[int, int, int], ...] = (
    (255, 1990, 260),
    (679, 1990, 678),
    (345, 2006, 340),
)


def cow_to_gw(code: pl.Expr, year: pl.Expr) -> pl.Expr:
    """A polars expression turning COW codes into G–W codes for that year.

    >>> df = pl.DataFrame({"c": [255, 255, 2], "y": [1914, 1995, 1995]})
    >>> df.select(cow_to_gw(pl.col("c"), pl.col("y")).alias("gw"))["gw"].to_list()
    [255, 260, 2]
    """
    out = code
    for cow, since, gw in _COW_TO_GW:
        out = pl.when((code == cow) & (year >= since)).then(pl.lit(gw, pl.Int64)).otherwise(out)
    return out
