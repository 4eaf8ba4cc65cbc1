"""Import COW Formal Alliances v4.1 by-member data (``alliance_v4.1_by_member.csv``) as treaties.

One row per member of an alliance, with the member's entry and exit dates and the alliance type
flags. Each alliance becomes a treaty ``cow-<version4id>`` (``cow: (id,)``) whose obligations are
mutual among the members: defense, neutrality, nonaggression, and entente (read as
consultation). A blank or ``right_censor`` exit means the member was still in at the end of the
data. Gibler (2009), *International Military Alliances, 1648-2008*.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from foedus.io.importers.errors import DataFileError
from foedus.io.importers.table import Column, read_table
from foedus.model.dates import PartialDate
from foedus.model.obligation import Obligation, ObligationKind, Response
from foedus.model.registry import StateRegistry
from foedus.model.source import Source
from foedus.model.treaty import Article, Exit, Party, Treaty

__all__ = ["read_cow_alliance_members"]

_TYPES = (
    ("defense", ObligationKind.DEFENSE),
    ("neutrality", ObligationKind.NEUTRALITY),
    ("nonaggression", ObligationKind.NONAGGRESSION),
    ("entente", ObligationKind.CONSULTATION),
)
COLUMNS = (
    Column("version4id", ("id",)),
    Column("ccode"),
    Column("mem_st_day"),
    Column("mem_st_month"),
    Column("mem_st_year"),
    Column("mem_end_day"),
    Column("mem_end_month"),
    Column("mem_end_year"),
    Column("right_censor", required=False),
    *(Column(name) for name, _ in _TYPES),
)


def _date(y: int | None, m: int | None, d: int | None) -> PartialDate | None:
    if not y:
        return None
    try:
        return PartialDate(y, m or None, d or None) if m else PartialDate(y)
    except ValueError:
        return PartialDate(y, m) if m else PartialDate(y)


def read_cow_alliance_members(path: Path, registry: StateRegistry) -> list[Treaty]:
    """Treaties from the COW by-member file; members unknown to ``registry`` fail."""
    frame = read_table(path, COLUMNS, what="COW alliance by-member file")
    source = Source(
        id="cow",
        title="Correlates of War Formal Alliances, version 4.1",
        url="https://correlatesofwar.org/data-sets/formal-alliances/",
        publisher="Correlates of War Project (Gibler 2009)",
        supports="membership dates and alliance type as coded in the by-member file",
    )
    rows: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for i, row in enumerate(frame.iter_rows(named=True)):
        state = registry.by_cow(row["ccode"]) if row["ccode"] is not None else None
        if state is None:
            raise DataFileError(
                path,
                f"{row['ccode']!r} is not a known COW state code",
                row=i + 2,
                column="ccode",
                fix="check the code against the COW state list",
            )
        row["code"] = state.code
        row["entry"] = _date(row["mem_st_year"], row["mem_st_month"], row["mem_st_day"])
        censored = bool(row.get("right_censor"))
        row["exit"] = (
            None
            if censored
            else _date(row["mem_end_year"], row["mem_end_month"], row["mem_end_day"])
        )
        if row["entry"] is None:
            raise DataFileError(
                path,
                "the member's start year is missing",
                row=i + 2,
                column="mem_st_year",
                fix="give the year the member joined",
            )
        rows[row["version4id"]].append(row)
    treaties = []
    for cid, members in sorted(rows.items()):
        parties = {}
        for row in members:
            exit_ = Exit(date=row["exit"], how="terminated") if row["exit"] else None
            parties[row["code"]] = Party(
                state=row["code"], in_force=row["entry"], exit=exit_, sources=("cow",)
            )
        kinds = [kind for name, kind in _TYPES if any(r[name] for r in members)]
        article = Article(
            number="COW type",
            says=f"COW codes this alliance as {', '.join(k.value for k in kinds) or 'untyped'}.",
            obligations=tuple(
                Obligation(kind=k, response=Response(automatic=False)) for k in kinds
            ),
            sources=("cow",),
        )
        treaties.append(
            Treaty(
                id=f"cow-{cid}",
                name=f"COW alliance {cid}",
                in_force=min(
                    (p.in_force for p in parties.values() if p.in_force), key=lambda d: d.first_day
                ),
                ratification_required=False,
                cow=(cid,),
                dates_sources=("cow",),
                parties=tuple(parties.values()),
                articles=(article,),
                sources=(source,),
            )
        )
    return treaties
