"""Cross-check the corpus against ATOP — a check, never a source of corpus data.

Two comparisons (issue 3, item 6):

**Per treaty** (ATOP v4.01 member level, coverage to 2016-12-31): for each corpus treaty with
``atop: [ids]``, the rows of those ids are compared with the treaty file on

- *members*: the COW codes of parties bound at some time up to 2016-12-31, against ATOP's members
  (a signatory the corpus never binds but ATOP lists is a difference);
- *dates*, for members in both: the first day bound against ATOP's first entry, and the end against
  ATOP's last exit (``0/0/0`` = still a member at the end of coverage; a corpus end after
  2016-12-31 counts as "still a member"). Gaps inside a membership (ATOP phases, corpus
  suspensions) are not compared. **Agreement rule**: two dates agree when the days they can mean
  (a partial date spans its month or year; ATOP's blank day spans the month) overlap or lie at
  most 31 days apart. The corpus date compared is the one the file gives (``in_force``,
  ``ratified``, ``exit.date`` …), not the derived day, so a corpus ``1879`` agrees with any day of
  1879;
- *kinds*: ATOP's five obligations (any member, any phase) against the ATOP kinds any article of
  the file creates.

A difference counts as **recorded** when the file's ``atop_differences`` has an entry with the same
``what`` and, where both give one, the same ``state`` (member, dates) or ``kind`` (kind); an entry
without ``state`` covers every difference of that ``what`` in the file (e.g. "ATOP dates all
founders from signature"). Recorded entries that match nothing are reported as stale.

**Aggregate** (ATOP 5.1 directed dyad-years): the directed defence dyads ATOP codes for a year
(``atop_defense == 1``), and the share of them the corpus has in force on that year's last day.

References
----------
Leeds, Ritter, Mitchell & Long (2002), "Alliance Treaty Obligations and Provisions, 1815-1944",
*International Interactions* 28(3): 237-260; codebooks Leeds (2018) v4.01 and Leeds (2022) v5.1.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from foedus.model.dates import PartialDate
from foedus.model.obligation import ATOP_KINDS
from foedus.model.treaty import AtopDifference, Party, Treaty
from foedus.query.lifecycle import end_of
from foedus.query.world import World

__all__ = [
    "COVERAGE_END",
    "TOLERANCE_DAYS",
    "AtopMember",
    "Mismatch",
    "TreatyCheck",
    "alliance_dyads",
    "check_treaty",
    "dates_agree",
    "defense_dyads",
    "excluded_dyads",
    "member_dyads",
    "read_atop_members",
    "read_defense_dyads",
]

COVERAGE_END = dt.date(2016, 12, 31)
TOLERANCE_DAYS = 31
#: ATOP's obligation columns → foedus kinds (same order as ``ATOP_KINDS``).
ATOP_COLUMNS: dict[str, str] = dict(
    zip(
        ("defense", "offense", "neutral", "nonagg", "consul"),
        [k.value for k in ATOP_KINDS],
        strict=True,
    )
)
What = Literal["member", "dates", "kind"]


@dataclass(frozen=True, slots=True)
class AtopMember:
    """One member-phase row of ATOP's member-level file."""

    atopid: int
    cow: int
    phase: int
    start: PartialDate
    end: PartialDate | None  # None: still a member at the end of coverage
    kinds: frozenset[str]


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A difference between a treaty file and ATOP; ``detail`` says what each side has."""

    treaty: str
    what: What
    state: str | None
    kind: str | None
    detail: str


@dataclass
class TreatyCheck:
    """The comparison of one treaty with ATOP: counts of agreement, and every difference."""

    treaty: str
    atop: tuple[int, ...]
    members: tuple[int, int] = (0, 0)  # (agreeing, compared)
    dates: tuple[int, int] = (0, 0)
    kinds: tuple[int, int] = (0, 0)
    mismatches: list[Mismatch] = field(default_factory=list)
    unrecorded: list[Mismatch] = field(default_factory=list)
    stale: list[AtopDifference] = field(default_factory=list)

    def summary(self) -> str:
        def part(name: str, pair: tuple[int, int]) -> str:
            return f"{name} {pair[0]}/{pair[1]}"

        ids = ",".join(str(i) for i in self.atop)
        return (
            f"{self.treaty} (ATOP {ids}): {part('members', self.members)}, "
            f"{part('dates', self.dates)}, {part('kinds', self.kinds)}; "
            f"{len(self.mismatches)} differences, {len(self.unrecorded)} unrecorded"
        )


# -- reading ---------------------------------------------------------------------------------------
def _int(text: str | None) -> int:
    text = (text or "").strip()
    return int(float(text)) if text else 0


def _atop_date(y: int, m: int, d: int) -> PartialDate | None:
    """An ATOP date; ``0/0/0`` means none; a blank or impossible day keeps the month."""
    if not y:
        return None
    if not m:
        return PartialDate(y)
    try:
        return PartialDate(y, m, d) if d else PartialDate(y, m)
    except ValueError:
        return PartialDate(y, m)


def read_atop_members(path: Path) -> dict[int, list[AtopMember]]:
    """ATOP's member-level CSV (v4.01 column names), grouped by alliance id."""
    out: dict[int, list[AtopMember]] = defaultdict(list)
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            start = _atop_date(_int(row["yrent"]), _int(row["moent"]), _int(row["dayent"]))
            if start is None:
                continue
            member = AtopMember(
                atopid=_int(row["atopid"]),
                cow=_int(row["member"]),
                phase=_int(row.get("phase")),
                start=start,
                end=_atop_date(_int(row["yrexit"]), _int(row["moexit"]), _int(row["dayexit"])),
                kinds=frozenset(k for col, k in ATOP_COLUMNS.items() if _int(row.get(col)) == 1),
            )
            out[member.atopid].append(member)
    return dict(out)


def read_defense_dyads(path: Path, year: int) -> set[tuple[int, int]]:
    """Directed ``(promising, promised)`` COW pairs with ``atop_defense == 1`` in ``year``."""
    with path.open(newline="", encoding="utf-8") as handle:
        return {
            (_int(row["ccode1"]), _int(row["ccode2"]))
            for row in csv.DictReader(handle)
            if _int(row["year"]) == year and _int(row["atop_defense"]) == 1
        }


# -- dates -----------------------------------------------------------------------------------------
def dates_agree(a: PartialDate, b: PartialDate, tolerance: int = TOLERANCE_DAYS) -> bool:
    """True when the days ``a`` and ``b`` can mean overlap or lie within ``tolerance`` days.

    >>> dates_agree(PartialDate(1952, 4, 29), PartialDate(1952, 4, 1))
    True
    >>> dates_agree(PartialDate(1879), PartialDate(1879, 10, 7))
    True
    >>> dates_agree(PartialDate(1952, 4, 29), PartialDate(1951, 9, 1))
    False
    """
    gap = max(a.first_day - b.last_day, b.first_day - a.last_day, dt.timedelta(0))
    return gap.days <= tolerance


def _start_date(world: World, treaty: Treaty, party: Party) -> PartialDate | None:
    """The date in the file from which ``party`` is bound (the one giving its first day)."""
    span = world.spans.get((treaty.id, party.state))
    if span is None:
        return None
    candidates = (party.in_force, party.acceded, party.ratified, treaty.in_force)
    found = next((d for d in candidates if d is not None and d.first_day == span.start), None)
    if found is None and party.bound_by is not None and party.bound_by.last_day == span.start:
        return PartialDate.parse(span.start)  # bound no later than: its last day
    return found


def _end_date(world: World, treaty: Treaty, party: Party) -> PartialDate | None:
    """The date in the file on which ``party`` stops being bound; None if after coverage."""
    span = world.spans.get((treaty.id, party.state))
    if span is None or span.end > COVERAGE_END:
        return None
    successor = world.treaties.get(treaty.replaced_by or "")
    if successor is not None and successor.in_force and successor.in_force.first_day == span.end:
        return successor.in_force
    for date in (
        party.exit.date if party.exit else None,
        treaty.ended.date if treaty.ended else None,
    ):
        if date is not None and end_of(date) == span.end:
            return date
    return PartialDate.parse(span.end)


# -- the per-treaty comparison ---------------------------------------------------------------------
def _covered(recorded: AtopDifference, found: Mismatch) -> bool:
    if recorded.what != found.what:
        return False
    if found.what == "kind":
        return recorded.kind is None or recorded.kind == found.kind
    return recorded.state is None or recorded.state == found.state


def _code(world: World, cow: int) -> str:
    state = world.registry.by_cow(cow)
    return state.code if state else f"COW{cow}"


def _compare(
    world: World, treaty: Treaty, rows: list[AtopMember], check: TreatyCheck
) -> Iterator[Mismatch]:
    registry = world.registry
    ours: dict[int, Party] = {}
    for party in treaty.parties:
        state = registry.get(party.state)
        span = world.spans.get((treaty.id, party.state))
        if state and state.cow and span is not None and span.start <= COVERAGE_END:
            ours[state.cow] = party
    by_cow: dict[int, list[AtopMember]] = defaultdict(list)
    for row in rows:
        by_cow[row.cow].append(row)
    union = set(ours) | set(by_cow)
    check.members = (len(set(ours) & set(by_cow)), len(union))
    for cow in sorted(union - set(by_cow)):
        code = ours[cow].state
        detail = f"{code} (COW {cow}) bound here, not in ATOP"
        yield Mismatch(treaty.id, "member", code, None, detail)
    for cow in sorted(union - set(ours)):
        code = _code(world, cow)
        listed = treaty.party(code)
        why = "a party here but never bound by 2016" if listed else "not a party here"
        yield Mismatch(treaty.id, "member", code, None, f"{code} (COW {cow}) in ATOP; {why}")
    agreeing = compared = 0
    for cow in sorted(set(ours) & set(by_cow)):
        party, spells = ours[cow], by_cow[cow]
        atop_start = min(spells, key=lambda r: r.start.first_day).start
        ends = [r.end for r in spells]
        atop_end = None if None in ends else max((e for e in ends if e), key=lambda e: e.first_day)
        start = _start_date(world, treaty, party)
        end = _end_date(world, treaty, party)
        compared += 2
        if start is not None and dates_agree(start, atop_start):
            agreeing += 1
        else:
            yield Mismatch(
                treaty.id, "dates", party.state, None, f"start: here {start}, ATOP {atop_start}"
            )
        if (end is None and atop_end is None) or (
            end is not None and atop_end is not None and dates_agree(end, atop_end)
        ):
            agreeing += 1
        else:
            here = end or "bound past 2016"
            there = atop_end or "member at end of 2016"
            yield Mismatch(treaty.id, "dates", party.state, None, f"end: here {here}, ATOP {there}")
    check.dates = (agreeing, compared)
    atop_kinds = {k for row in rows for k in row.kinds}
    atop_set = {k.value for k in ATOP_KINDS}
    our_kinds = {o.kind.value for a in treaty.articles for o in a.obligations} & atop_set
    check.kinds = (len(atop_kinds & our_kinds), len(atop_kinds | our_kinds))
    for kind in sorted(our_kinds - atop_kinds):
        yield Mismatch(treaty.id, "kind", None, kind, f"{kind} here, not coded by ATOP")
    for kind in sorted(atop_kinds - our_kinds):
        yield Mismatch(treaty.id, "kind", None, kind, f"{kind} coded by ATOP, not here")


def check_treaty(world: World, treaty: Treaty, atop: Mapping[int, list[AtopMember]]) -> TreatyCheck:
    """Compare ``treaty`` (which has ``atop`` ids) with ATOP's member rows of those ids."""
    check = TreatyCheck(treaty.id, treaty.atop)
    rows = [row for i in treaty.atop for row in atop.get(i, ())]
    missing = [i for i in treaty.atop if i not in atop]
    for i in missing:
        check.unrecorded.append(
            Mismatch(treaty.id, "member", None, None, f"ATOP id {i} is not in the ATOP file")
        )
    check.mismatches = list(_compare(world, treaty, rows, check))
    used: set[int] = set()
    for found in check.mismatches:
        hits = [i for i, rec in enumerate(treaty.atop_differences) if _covered(rec, found)]
        if hits:
            used.update(hits)
        else:
            check.unrecorded.append(found)
    check.stale = [d for i, d in enumerate(treaty.atop_differences) if i not in used]
    return check


# -- the aggregate ---------------------------------------------------------------------------------
def defense_dyads(world: World, day: dt.date) -> set[tuple[int, int]]:
    """Directed ``(owing, owed)`` COW pairs of the defence obligations in force on ``day``."""
    out = set()
    for edge in world.on(day).obligations(kind="defense"):
        a, b = world.registry.get(edge.from_), world.registry.get(edge.to)
        if a and b and a.cow and b.cow:
            out.add((a.cow, b.cow))
    return out


def member_dyads(members: Iterable[int]) -> set[tuple[int, int]]:
    """Every directed pair of distinct members."""
    codes = sorted(set(members))
    return {(a, b) for a in codes for b in codes if a != b}


def alliance_dyads(rows: Iterable[AtopMember]) -> set[tuple[int, int]]:
    """Directed defence pairs of one alliance among its members still in it at end of coverage.

    ``(a, b)`` when ``a`` has a defence obligation and ``b`` is another member.
    """
    live = [r for r in rows if r.end is None]
    members = {r.cow for r in live}
    return {(r.cow, b) for r in live if "defense" in r.kinds for b in members if b != r.cow}


def excluded_dyads(
    atop: Mapping[int, list[AtopMember]],
    dyads: Iterable[tuple[int, int]],
    excluded: Iterable[int],
) -> set[tuple[int, int]]:
    """The ``dyads`` that only excluded alliances create (per ATOP v4.01 membership).

    A dyad that some alliance not in ``excluded`` also creates stays in: excluding an alliance
    must not hide a dyad that an encoded treaty should cover.
    """
    makers: dict[tuple[int, int], set[int]] = defaultdict(set)
    for atopid, rows in atop.items():
        for dyad in alliance_dyads(rows):
            makers[dyad].add(atopid)
    chosen = set(excluded)
    return {d for d in dyads if makers.get(d) and makers[d] <= chosen}
