"""Import the ATOP alliance data (member level + alliance level) as foedus treaties.

ATOP codes one row per member × alliance × phase, with that member's entry and exit dates and
its own obligations (so asymmetric treaties read off directly). The import keeps that per-member
detail in the foedus model:

- one :class:`~foedus.model.treaty.Treaty` per alliance, id ``atop-<atopid>``, ``atop:
  (atopid,)``; each member is a :class:`~foedus.model.treaty.Party` bound from its first entry
  (``in_force``) to its last exit (``exit``; ``0/0/0`` = still a member at the end of coverage),
  with a blank day kept as month precision (``PartialDate(y, m)``); a gap between two of a
  member's rows (e.g. Egypt's suspension from the Arab League, 1979–1989) becomes a
  :class:`~foedus.model.treaty.Suspension`;
- when a member's obligations change from one phase to the next (53 member-alliance pairs in
  v4.01), a single treaty cannot say so, and the alliance is split into one treaty per phase,
  ``atop-<atopid>-p<phase>`` (all with ``atop: (atopid,)``), each with the parties and dates of that
  phase;
- each member's obligations become :class:`~foedus.model.obligation.Obligation` s owed *from* that
  member *to* every other party (ATOP's directed reading), one article per kind; the member-level
  conditions map onto the :class:`~foedus.model.obligation.Trigger` (specific adversary →
  ``attacker.states`` from ``statthr1``/``statthr2``; number of adversaries → ``min_attackers=2``;
  non-provocation → ``unprovoked_only``) and the rest into ``conditions`` text.

Column names of ATOP 4.01 and 5.x are accepted (case-insensitive), and the official download's file
names and folders (``ATOP 5.1 (.csv)/atop5_1m.csv``, ``atop5_1a.csv``) as well as explicit paths.

References
----------
Leeds, Ritter, Mitchell & Long (2002), "Alliance Treaty Obligations and Provisions, 1815-1944",
*International Interactions* 28(3); codebooks: Leeds (2018) v4.01, Leeds (2022) v5.1.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from foedus.io.importers.errors import DataFileError
from foedus.io.importers.table import Column, read_table
from foedus.model.dates import PartialDate
from foedus.model.obligation import (
    AttackerScope,
    LocationScope,
    Obligation,
    ObligationKind,
    Response,
    Trigger,
)
from foedus.model.registry import StateRegistry
from foedus.model.source import Source
from foedus.model.treaty import Article, Exit, Party, Suspension, Treaty

__all__ = ["ATOP_URL", "AtopFiles", "AtopImport", "find_atop_files", "read_atop"]

ATOP_URL = "https://www.atopdata.org/"

#: ATOP's five obligation columns and the foedus kind each maps to, with the prefix of the
#: member-level condition columns of that kind (nonagg has none).
KINDS: tuple[tuple[str, ObligationKind, str | None], ...] = (
    ("defense", ObligationKind.DEFENSE, "def"),
    ("offense", ObligationKind.OFFENSE, "off"),
    ("neutral", ObligationKind.NEUTRALITY, "neu"),
    ("nonagg", ObligationKind.NONAGGRESSION, None),
    ("consul", ObligationKind.CONSULTATION, "con"),
)
_CONDITIONS = ("coadv", "coloc", "cocon", "conum", "codem", "conpr", "coatt", "coreq")

MEMBER_COLUMNS: tuple[Column, ...] = (
    Column("atopid"),
    Column("member", ("ccode", "state")),
    Column("yrent"),
    Column("moent"),
    Column("dayent"),
    Column("yrexit"),
    Column("moexit"),
    Column("dayexit"),
    Column("phase", required=False),
    *(Column(name) for name, _, _ in KINDS),
    *(
        Column(prefix + cond, required=False)
        for _, _, prefix in KINDS
        if prefix
        for cond in _CONDITIONS
    ),
    Column("statthr1", required=False),
    Column("statthr2", required=False),
    Column("version", kind="str", required=False),
)
ALLIANCE_COLUMNS: tuple[Column, ...] = (
    Column("atopid"),
    Column("begyr"),
    Column("begmo"),
    Column("begday"),
    Column("endyr"),
    Column("endmo"),
    Column("endday"),
    Column("version", kind="str", required=False),
)

_MEMBER_NAMES = re.compile(r"(atop\d[\d_.]*m\.csv|.*member.?level.*\.csv)$", re.IGNORECASE)
_ALLIANCE_NAMES = re.compile(r"(atop\d[\d_.]*a\.csv|.*alliance.?level.*\.csv)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AtopFiles:
    """The member-level file (required) and the alliance-level file (optional)."""

    members: Path
    alliances: Path | None = None


@dataclass
class AtopImport:
    """The imported treaties, and notes on rows that could not be imported as published."""

    treaties: list[Treaty]
    version: str
    notes: list[str] = field(default_factory=list)


def _pick(found: list[Path], kind: str, folder: Path) -> Path | None:
    if len(found) > 1:
        names = ", ".join(str(p) for p in found)
        raise DataFileError(
            folder, f"several ATOP {kind} files found ({names})", fix="give the file path instead"
        )
    return found[0] if found else None


def find_atop_files(path: Path) -> AtopFiles:
    """Locate the ATOP files in ``path``: a member-level CSV, or a folder holding the download.

    >>> find_atop_files(Path("/nonexistent"))  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    foedus.io.importers.errors.DataFileError: /nonexistent: no ATOP data here
    """
    if path.is_file():
        sibling = [p for p in path.parent.glob("*.csv") if _ALLIANCE_NAMES.search(p.name)]
        return AtopFiles(path, _pick(sibling, "alliance-level", path.parent))
    if path.is_dir():
        csvs = sorted(p for p in path.rglob("*.csv") if not p.name.startswith("."))
        members = _pick([p for p in csvs if _MEMBER_NAMES.search(p.name)], "member-level", path)
        if members is not None:
            alliances = _pick(
                [p for p in csvs if _ALLIANCE_NAMES.search(p.name)], "alliance-level", path
            )
            return AtopFiles(members, alliances)
    raise DataFileError(
        path,
        "no ATOP data here (looked for a member-level file such as atop5_1m.csv)",
        fix="run `foedus data fetch atop`, or give the path of the member-level CSV",
    )


# -- dates ---------------------------------------------------------------------------------------
def _date(y: int | None, m: int | None, d: int | None) -> PartialDate | None:
    """An ATOP date; ``0/0/0`` (or a missing year) means none; a blank day keeps the month."""
    if not y:
        return None
    if not m:
        return PartialDate(y)
    if not d:
        return PartialDate(y, m)
    try:
        return PartialDate(y, m, d)
    except ValueError:  # an impossible day (e.g. 31 April): keep what is certain
        return PartialDate(y, m)


def _key(date: PartialDate | None) -> tuple[int, int, int]:
    if date is None:
        return (9999, 12, 31)
    first = date.first_day
    return (first.year, first.month, first.day)


# -- obligations -----------------------------------------------------------------------------------
def _flag(row: Mapping[str, Any], name: str) -> bool:
    return bool(row.get(name) or 0)


def _obligation_spec(
    row: Mapping[str, Any], prefix: str | None, kind: ObligationKind, threats: tuple[str, ...]
) -> tuple[Trigger, str | None]:
    """The trigger and the conditions text for one member's obligation of one kind."""
    event = {
        ObligationKind.DEFENSE: "armed_attack",
        ObligationKind.OFFENSE: "war",
        ObligationKind.NEUTRALITY: "war",
        ObligationKind.CONSULTATION: "threat_of_attack",
    }.get(kind, "any")
    if prefix is None:
        return Trigger(event=event), None
    text: list[str] = []
    states: tuple[str, ...] = ()
    if _flag(row, prefix + "coadv"):
        states = threats
        text.append(
            "only against a specific adversary" + ("" if threats else " (the data do not name it)")
        )
    location = LocationScope()
    if _flag(row, prefix + "coloc"):
        note = "only in a location the treaty names (ATOP codes the condition, not the place)"
        location = LocationScope(note=note)
        text.append(note)
    if _flag(row, prefix + "cocon"):
        text.append("only in a specific conflict")
    minimum = 1
    if _flag(row, prefix + "conum"):
        minimum = 2
        text.append("depends on the number of adversaries (read here as two or more)")
    if _flag(row, prefix + "codem"):
        text.append("only if the partner complies with or makes certain demands")
    unprovoked = _flag(row, prefix + "conpr")
    if unprovoked:
        text.append("only if the partner did not provoke the attack")
    if _flag(row, prefix + "coatt"):
        event = "armed_attack"
        text.append("only if the partner is attacked")
    if _flag(row, prefix + "coreq"):
        text.append("on the request of a partner")
    trigger = Trigger(
        event=event,
        attacker=AttackerScope(states=states, min_attackers=minimum),
        location=location,
        unprovoked_only=unprovoked,
    )
    return trigger, ("; ".join(text) + " (ATOP member-level conditions)") if text else None


def _articles(rows: Sequence[Mapping[str, Any]]) -> list[Article]:
    """One article per ATOP kind; members sharing a trigger share one obligation."""
    articles: list[Article] = []
    for column, kind, prefix in KINDS:
        groups: dict[tuple[Trigger, str | None], list[str]] = defaultdict(list)
        for row in rows:
            if _flag(row, column):
                spec = _obligation_spec(row, prefix, kind, row["threats"])
                if row["code"] not in groups[spec]:
                    groups[spec].append(row["code"])
        if not groups:
            continue
        response = Response(
            automatic=False,
            means="consultation" if kind is ObligationKind.CONSULTATION else "unspecified",
        )
        obligations = tuple(
            Obligation(
                kind=kind,
                from_=tuple(members),
                trigger=trigger,
                response=response,
                conditions=conditions,
            )
            for (trigger, conditions), members in groups.items()
        )
        who = sorted({m for members in groups.values() for m in members})
        articles.append(
            Article(
                number=f"ATOP {column}",
                says=f"ATOP codes a {kind.value} obligation of {', '.join(who)} towards the "
                "other members.",
                obligations=obligations,
                sources=("atop",),
            )
        )
    return articles


# -- parties -------------------------------------------------------------------------------------
def _party(code: str, rows: list[dict[str, Any]]) -> Party:
    """One member's party entry from its rows (sorted by entry): first entry, last exit, gaps."""
    rows = sorted(rows, key=lambda r: _key(r["entry"]))
    suspensions: list[Suspension] = []
    reach = rows[0]["exit"]
    for row in rows[1:]:
        if reach is None:
            break
        if _key(row["entry"]) > _key(reach):
            suspensions.append(
                Suspension(
                    from_=reach,
                    to=row["entry"],
                    note="not a member between two ATOP spells",
                    sources=("atop",),
                )
            )
        if row["exit"] is None or _key(row["exit"]) > _key(reach):
            reach = row["exit"]
    exit_ = Exit(date=reach, how="terminated", sources=("atop",)) if reach is not None else None
    return Party(
        state=code,
        in_force=rows[0]["entry"],
        exit=exit_,
        suspensions=tuple(suspensions),
        sources=("atop",),
    )


_OBLIGATION_COLUMNS = (
    *(k for k, _, _ in KINDS),
    *(c.name for c in MEMBER_COLUMNS if c.name[3:] in _CONDITIONS),
    "statthr1",
    "statthr2",
)


def _obligation_key(row: Mapping[str, Any]) -> tuple[Any, ...]:
    """Everything that shapes a member's obligations (kinds, conditions, named threats)."""
    return tuple(row.get(name) for name in _OBLIGATION_COLUMNS)


def _treaty(
    tid: str,
    atopid: int,
    name: str,
    rows: list[dict[str, Any]],
    begin: PartialDate | None,
    source: Source,
    notes: tuple[str, ...] = (),
) -> Treaty:
    by_member: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_member[row["code"]].append(row)
    parties = tuple(_party(code, member_rows) for code, member_rows in by_member.items())
    first = min((p.in_force for p in parties if p.in_force), key=_key)
    return Treaty(
        id=tid,
        name=name,
        signed=begin,
        in_force=first,
        ratification_required=False,
        atop=(atopid,),
        notes=notes,
        dates_sources=("atop",),
        parties=parties,
        articles=tuple(_articles(rows)),
        sources=(source,),
    )


def _source(version: str) -> Source:
    return Source(
        id="atop",
        title=f"Alliance Treaty Obligations and Provisions (ATOP), version {version}",
        url=ATOP_URL,
        publisher="ATOP project (Leeds, Ritter, Mitchell & Long)",
        supports="membership dates, phases and obligations as coded in the ATOP member-level data",
    )


def _version(frame: pl.DataFrame, path: Path) -> str:
    if "version" in frame.columns and frame["version"].drop_nulls().len():
        return str(frame["version"].drop_nulls()[0])
    match = re.search(r"(\d+)[._](\d+)", path.name)
    return f"{match[1]}.{match[2]}" if match else "unknown"


def read_atop(
    path: Path | AtopFiles,
    registry: StateRegistry,
    *,
    atopids: Iterable[int] | None = None,
) -> AtopImport:
    """Read the ATOP files at ``path`` into treaties whose parties are ``registry`` states.

    Members whose COW code the registry does not know are left out, with a note (ATOP 4.01
    codes one member as 8152, which is no COW state).
    """
    files = path if isinstance(path, AtopFiles) else find_atop_files(path)
    frame = read_table(files.members, MEMBER_COLUMNS, what="ATOP member-level file")
    version = _version(frame, files.members)
    begins: dict[int, PartialDate | None] = {}
    if files.alliances is not None:
        alliances = read_table(files.alliances, ALLIANCE_COLUMNS, what="ATOP alliance-level file")
        begins = {
            r["atopid"]: _date(r["begyr"], r["begmo"], r["begday"])
            for r in alliances.iter_rows(named=True)
        }
    if atopids is not None:
        frame = frame.filter(pl.col("atopid").is_in(list(atopids)))
    source = _source(version)
    notes: list[str] = []
    rows_by_alliance: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for i, row in enumerate(frame.iter_rows(named=True)):
        line = i + 2
        if row["atopid"] is None or row["member"] is None or row["yrent"] is None:
            raise DataFileError(
                files.members,
                "atopid, member and yrent must be given",
                row=line,
                fix="fill in the missing value",
            )
        state = registry.by_cow(row["member"])
        if state is None:
            notes.append(
                f"{files.members.name}, row {line}: member {row['member']} of alliance "
                f"{row['atopid']} is not a known COW state; left out"
            )
            continue
        row["code"] = state.code
        row["entry"] = _date(row["yrent"], row["moent"], row["dayent"])
        row["exit"] = _date(row["yrexit"], row["moexit"], row["dayexit"])
        row["phase"] = row.get("phase") or 0
        named = (registry.by_cow(c) for c in (row.get("statthr1"), row.get("statthr2")) if c)
        row["threats"] = tuple(s.code for s in named if s is not None)
        rows_by_alliance[row["atopid"]].append(row)
    treaties: list[Treaty] = []
    for atopid, rows in sorted(rows_by_alliance.items()):
        begin = begins.get(atopid)
        by_member: dict[str, set[tuple[Any, ...]]] = defaultdict(set)
        for row in rows:
            by_member[row["code"]].add(_obligation_key(row))
        if all(len(specs) == 1 for specs in by_member.values()):
            treaties.append(
                _treaty(
                    f"atop-{atopid}", atopid, f"ATOP alliance {atopid}", rows, begin, source, ()
                )
            )
            continue
        note = (
            f"ATOP codes different obligations for some members in different phases, so each "
            f"phase of alliance {atopid} is a treaty of its own"
        )
        phases: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            phases[row["phase"]].append(row)
        for phase, phase_rows in sorted(phases.items()):
            treaties.append(
                _treaty(
                    f"atop-{atopid}-p{phase}",
                    atopid,
                    f"ATOP alliance {atopid}, phase {phase}",
                    phase_rows,
                    begin if phase <= 1 else None,
                    source,
                    (note,),
                )
            )
    return AtopImport(treaties, version, notes)
