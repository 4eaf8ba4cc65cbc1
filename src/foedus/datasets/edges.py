"""Compile a World's obligations into a frame of directed edges with the days they bind.

One row per (treaty, obligation, debtor, creditor): ``ccode1`` owes ``ccode2`` an obligation of
``kind`` from ``start`` to ``end`` (exclusive) — the intersection of both parties' bound spans
(``World.spans``), with the World's suspensions cut out. This is the same rule as
``Snapshot.binds``: an edge binds on a day when both ends are bound by the treaty and their
relation is not suspended.

The frame is built from obligations and parties (not from the expanded edge list) with vectorised
joins, and cached per World, so building dyad-years from an already imported World costs only
the year arithmetic and one join.
"""

from __future__ import annotations

import weakref
from collections import defaultdict

import polars as pl

from foedus.query.lifecycle import Interval
from foedus.query.world import World

__all__ = ["obligation_edges"]

_CACHE: weakref.WeakKeyDictionary[World, pl.DataFrame] = weakref.WeakKeyDictionary()

_SCHEMA = {
    "treaty": pl.String,
    "ccode1": pl.Int64,
    "ccode2": pl.Int64,
    "kind": pl.String,
    "start": pl.Date,
    "end": pl.Date,
}


def _ends(world: World) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Debtor and creditor rows per obligation, as ``expand`` reads them."""
    debtors: dict[str, list[object]] = defaultdict(list)
    creditors: dict[str, list[object]] = defaultdict(list)
    n = 0
    for treaty in world.treaties.values():
        everyone = tuple(p.state for p in treaty.parties)
        for article in treaty.articles:
            for obligation in article.obligations:
                for state in obligation.from_ or everyone:
                    debtors["oid"].append(n)
                    debtors["treaty"].append(treaty.id)
                    debtors["kind"].append(obligation.kind.value)
                    debtors["code1"].append(state)
                for state in obligation.to or everyone:
                    creditors["oid"].append(n)
                    creditors["code2"].append(state)
                n += 1
    d = pl.DataFrame(
        debtors,
        schema={"oid": pl.Int64, "treaty": pl.String, "kind": pl.String, "code1": pl.String},
    )
    c = pl.DataFrame(creditors, schema={"oid": pl.Int64, "code2": pl.String})
    return d, c


def _spans(world: World) -> pl.DataFrame:
    keys = list(world.spans)
    return pl.DataFrame(
        {
            "treaty": [k[0] for k in keys],
            "code": [k[1] for k in keys],
            "start": [world.spans[k].start for k in keys],
            "end": [world.spans[k].end for k in keys],
        },
        schema={"treaty": pl.String, "code": pl.String, "start": pl.Date, "end": pl.Date},
    )


def _cut(interval: Interval, holes: list[Interval]) -> list[Interval]:
    """``interval`` minus the ``holes``."""
    pieces = [interval]
    for hole in sorted(holes):
        nxt: list[Interval] = []
        for piece in pieces:
            if hole.end <= piece.start or hole.start >= piece.end:
                nxt.append(piece)
                continue
            if piece.start < hole.start:
                nxt.append(Interval(piece.start, hole.start))
            if hole.end < piece.end:
                nxt.append(Interval(hole.end, piece.end))
        pieces = nxt
    return pieces


def _apply_suspensions(world: World, edges: pl.DataFrame) -> pl.DataFrame:
    """Cut suspended spans out of the edges of treaties that have suspensions (few rows)."""
    if not world.suspensions:
        return edges
    holes: dict[tuple[str, str, str], list[Interval]] = defaultdict(list)
    for item in world.suspensions:
        for key in item.keys:
            holes[key].append(item.interval)
    treaties = {key[0] for key in holes}
    affected = edges.filter(pl.col("treaty").is_in(list(treaties)))
    if affected.is_empty():
        return edges
    rows: list[dict[str, object]] = []
    for row in affected.iter_rows(named=True):
        t, a, b = row["treaty"], row["code1"], row["code2"]
        found = [
            *holes.get((t, a, "*"), ()),
            *holes.get((t, b, "*"), ()),
            *holes.get((t, a, b), ()),
            *holes.get((t, b, a), ()),
        ]
        pieces = _cut(Interval(row["start"], row["end"]), found) if found else None
        for piece in pieces if pieces is not None else [Interval(row["start"], row["end"])]:
            rows.append({**row, "start": piece.start, "end": piece.end})
    kept = edges.filter(~pl.col("treaty").is_in(list(treaties)))
    return pl.concat([kept, pl.DataFrame(rows, schema=edges.schema)])


def obligation_edges(world: World) -> pl.DataFrame:
    """Every directed obligation edge of ``world`` with the days it binds, by COW code.

    Columns: ``treaty``, ``ccode1`` (owes), ``ccode2`` (is owed), ``kind`` (an
    :class:`~foedus.model.obligation.ObligationKind` value), ``start``, ``end`` (exclusive;
    ``9999-12-31`` while it stands). States without a COW code are left out.
    """
    cached = _CACHE.get(world)
    if cached is not None:
        return cached
    debtors, creditors = _ends(world)
    spans = _spans(world)
    edges = (
        debtors.join(creditors, on="oid")
        .filter(pl.col("code1") != pl.col("code2"))
        .join(spans.rename({"code": "code1", "start": "s1", "end": "e1"}), on=["treaty", "code1"])
        .join(spans.rename({"code": "code2", "start": "s2", "end": "e2"}), on=["treaty", "code2"])
        .select(
            "treaty",
            "code1",
            "code2",
            "kind",
            pl.max_horizontal("s1", "s2").alias("start"),
            pl.min_horizontal("e1", "e2").alias("end"),
        )
        .filter(pl.col("start") < pl.col("end"))
        .unique(["treaty", "code1", "code2", "kind", "start", "end"], maintain_order=True)
    )
    edges = _apply_suspensions(world, edges).filter(pl.col("start") < pl.col("end"))
    cow = {s.code: s.cow for s in world.registry if s.cow is not None}
    codes = pl.DataFrame(
        {"code": list(cow), "ccode": list(cow.values())},
        schema={"code": pl.String, "ccode": pl.Int64},
    )
    out = (
        edges.join(codes.rename({"code": "code1", "ccode": "ccode1"}), on="code1")
        .join(codes.rename({"code": "code2", "ccode": "ccode2"}), on="code2")
        .select(list(_SCHEMA))
        .cast(_SCHEMA)  # type: ignore[arg-type]
    )
    _CACHE[world] = out
    return out
