"""Import Correlates of War (COW) data: state system, major powers, alliances, capabilities.

- State System Membership (``states2016.csv``): a :class:`~foedus.datasets.systems.StateSystem`
  and registry :class:`~foedus.model.state.State` entries; Gleditsch–Ward's list
  (``gwstates``/``gw_states.csv``: ``gwcode, startdate, enddate``) likewise.
- Major powers (``majors2016.csv``): spells as a frame.
- Direct Contiguity v3.2: peacesciencer's directed spells (``ccode1, ccode2, conttype, stdate,
  enddate``) or COW's directed dyad-years (``contdird.csv``: ``state1no, state2no, year,
  conttype``), both as spells ``ccode1, ccode2, conttype, start, end`` (end exclusive).
- Formal Alliances v4.1: the by-member file (``alliance_v4.1_by_member.csv``) becomes treaties
  (:mod:`foedus.io.importers.cow_alliances`); peacesciencer's dyad-year collapse
  (``ccode1, ccode2, year, cow_defense, cow_neutral, cow_nonagg, cow_entente``) is read as a frame
  to join onto dyad-years.
- National Material Capabilities: v6 (``-9`` = missing) and v7 (blank = missing), one frame with
  ``ccode, year, milex, milper, irst, pec, tpop, upop, cinc``.

Dates in the COW files give the last day of a spell; foedus intervals are half-open, so the
``end`` of a spell is the day after.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import polars as pl

from foedus.datasets.systems import StateSystem
from foedus.io.importers.errors import DataFileError
from foedus.io.importers.table import Column, read_table
from foedus.model.dates import PartialDate
from foedus.model.registry import StateRegistry
from foedus.model.state import Spell, State

__all__ = [
    "COW_URL",
    "extend_registry",
    "read_contiguity",
    "read_cow_alliance_dyadyears",
    "read_cow_states",
    "read_gw_states",
    "read_majors",
    "read_nmc",
    "registry_states",
]

COW_URL = "https://correlatesofwar.org/"

_DATE_PARTS = ("styear", "stmonth", "stday", "endyear", "endmonth", "endday")
STATE_COLUMNS = (
    Column("stateabb", kind="str", required=False),
    Column("ccode"),
    Column("statenme", ("statename",), kind="str", required=False),
    *(Column(c) for c in _DATE_PARTS),
    Column("version", kind="str", required=False),
)
MAJOR_COLUMNS = (
    Column("stateabb", kind="str", required=False),
    Column("ccode"),
    *(Column(c) for c in _DATE_PARTS),
)
GW_COLUMNS = (
    Column("gwcode", ("statenum", "ccode")),
    Column("stateabb", ("namecode",), kind="str", required=False),
    Column("statename", ("countryname",), kind="str", required=False),
    Column("startdate", ("start",), kind="str"),
    Column("enddate", ("end",), kind="str"),
)
COW_ALLIANCE_DYAD_COLUMNS = (
    Column("ccode1"),
    Column("ccode2"),
    Column("year"),
    Column("cow_defense", ("defense",)),
    Column("cow_neutral", ("neutrality",)),
    Column("cow_nonagg", ("nonaggression",)),
    Column("cow_entente", ("entente",)),
)
CONTIGUITY_SPELL_COLUMNS = (
    Column("ccode1"),
    Column("ccode2"),
    Column("conttype"),
    Column("stdate", ("begin",), kind="str"),
    Column("enddate", ("end",), kind="str"),
)
CONTIGUITY_YEAR_COLUMNS = (
    Column("ccode1", ("state1no",)),
    Column("ccode2", ("state2no",)),
    Column("year"),
    Column("conttype"),
)
NMC_COLUMNS = (
    Column("ccode"),
    Column("year"),
    *(
        Column(c, kind="float", missing=(-9,))
        for c in ("milex", "milper", "irst", "pec", "tpop", "upop", "cinc")
    ),
)


def _spell_dates(frame: pl.DataFrame, path: Path) -> pl.DataFrame:
    """``start`` and exclusive ``end`` dates from the COW year/month/day columns."""
    for i, row in enumerate(frame.iter_rows(named=True)):
        for prefix, year in (("st", "styear"), ("end", "endyear")):
            try:
                dt.date(row[year], row[f"{prefix}month"], row[f"{prefix}day"])
            except (TypeError, ValueError):
                raise DataFileError(
                    path,
                    f"not a real date: {row[year]}-{row[f'{prefix}month']}-{row[f'{prefix}day']}",
                    row=i + 2,
                    column=year,
                    fix="give year, month and day of the spell",
                ) from None
    return frame.with_columns(
        pl.date("styear", "stmonth", "stday").alias("start"),
        (pl.date("endyear", "endmonth", "endday") + pl.duration(days=1)).alias("end"),
    )


def _version(frame: pl.DataFrame, default: str) -> str:
    if "version" in frame.columns and frame["version"].drop_nulls().len():
        return str(frame["version"].drop_nulls()[0])
    return default


def read_cow_states(path: Path) -> tuple[StateSystem, pl.DataFrame]:
    """The COW state system and the raw spells (with ``stateabb``, ``statenme``)."""
    frame = _spell_dates(read_table(path, STATE_COLUMNS, what="COW states file"), path)
    system = StateSystem(
        "cow", frame.select(pl.col("ccode").alias("code"), "start", "end"), _version(frame, "2016")
    )
    return system, frame


def read_majors(path: Path) -> pl.DataFrame:
    """COW major-power spells: ``ccode, start, end`` (end exclusive)."""
    frame = _spell_dates(read_table(path, MAJOR_COLUMNS, what="COW major powers file"), path)
    return frame.select("ccode", "start", "end")


def read_contiguity(path: Path) -> pl.DataFrame:
    """COW direct contiguity as directed spells ``ccode1, ccode2, conttype, start, end``.

    ``conttype`` 1 is a land border, 2-5 separation by at most 12, 24, 150 and 400 miles of
    water. Dyad-year files give one spell per year (1 January to 31 December).
    """
    header = pl.read_csv(path, n_rows=0, infer_schema_length=0).columns if path.is_file() else []
    if "year" in {h.strip().casefold() for h in header}:
        frame = read_table(path, CONTIGUITY_YEAR_COLUMNS, what="COW direct contiguity file")
        return frame.select(
            "ccode1",
            "ccode2",
            "conttype",
            pl.date("year", 1, 1).alias("start"),
            pl.date(pl.col("year") + 1, 1, 1).alias("end"),
        )
    frame = read_table(path, CONTIGUITY_SPELL_COLUMNS, what="COW direct contiguity file")
    parsed = _iso_spells(frame, path, "stdate", "enddate")
    return parsed.select("ccode1", "ccode2", "conttype", "start", "end")


def _iso_spells(frame: pl.DataFrame, path: Path, first: str, last: str) -> pl.DataFrame:
    """``start`` and exclusive ``end`` from ISO date columns giving a spell's first and last
    day (a time after the date is ignored); a cell that is not a date is a located error."""
    parsed = frame.with_columns(
        pl.col(first).str.slice(0, 10).str.to_date(strict=False).alias("start"),
        (pl.col(last).str.slice(0, 10).str.to_date(strict=False) + pl.duration(days=1)).alias(
            "end"
        ),
    )
    bad = (parsed["start"].is_null() | parsed["end"].is_null()).arg_true()
    if len(bad):
        i = int(bad[0])
        column = first if parsed["start"][i] is None else last
        raise DataFileError(
            path,
            f"{frame[column][i]!r} is not a date",
            row=i + 2,
            column=column,
            fix="write dates as YYYY-MM-DD",
        )
    return parsed


def read_gw_states(path: Path) -> StateSystem:
    """The Gleditsch–Ward list (``gwcode, startdate, enddate`` as ISO dates)."""
    frame = read_table(path, GW_COLUMNS, what="Gleditsch-Ward states file")
    parsed = _iso_spells(frame, path, "startdate", "enddate")
    return StateSystem("gw", parsed.select(pl.col("gwcode").alias("code"), "start", "end"))


def read_cow_alliance_dyadyears(path: Path) -> pl.DataFrame:
    """peacesciencer's COW alliance dyad-years: ``ccode1, ccode2, year`` + four 0/1 columns."""
    frame = read_table(path, COW_ALLIANCE_DYAD_COLUMNS, what="COW alliance dyad-year file")
    return frame.with_columns(pl.col(c).cast(pl.Int8) for c in frame.columns[3:])


def read_nmc(path: Path) -> pl.DataFrame:
    """COW National Material Capabilities (v6: ``-9`` missing; v7: blank missing)."""
    return read_table(path, NMC_COLUMNS, what="COW NMC file")


_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")


def registry_states(frame: pl.DataFrame) -> list[State]:
    """Registry states from the raw COW spells (one State per ``ccode``, all its spells)."""
    out: list[State] = []
    for (ccode,), spells in frame.sort("start").group_by(["ccode"], maintain_order=True):
        abb = str(spells["stateabb"][0] or "") if "stateabb" in spells.columns else ""
        name = str(spells["statenme"][0] or "") if "statenme" in spells.columns else ""
        code = abb.upper() if _CODE.match(abb.upper()) else f"C{ccode}"
        exists = tuple(
            Spell(
                from_=PartialDate.parse(s) if s > dt.date(1816, 1, 1) else None,
                to=PartialDate.parse(e - dt.timedelta(days=1))
                if e <= dt.date(2016, 12, 31)
                else None,
            )
            for s, e in zip(spells["start"], spells["end"], strict=True)
        )
        out.append(
            State(
                code=code,
                name=name or code,
                cow=int(ccode),
                cow_abb=abb or None,
                exists=exists,
            )
        )
    return out


def extend_registry(registry: StateRegistry, states: list[State]) -> StateRegistry:
    """``registry`` plus the ``states`` whose COW code it does not know yet.

    A code already used by another state becomes ``C<ccode>``.
    """
    taken = {s.code for s in registry}
    extra: list[State] = []
    for state in states:
        if state.cow is None or registry.by_cow(state.cow) is not None:
            continue
        if state.code in taken:
            state = state.model_copy(update={"code": f"C{state.cow}"})
        taken.add(state.code)
        extra.append(state)
    return StateRegistry([*registry, *extra]) if extra else registry
