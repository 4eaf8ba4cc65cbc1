"""Checks of meaning that a schema cannot express: states, dates, parties, sources, references.

Each check takes parsed treaties with their positions and returns located problems; the loader
runs them all so that one run reports every problem.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from foedus.errors import AmbiguousStateError, Problem, UnknownStateError
from foedus.io.yaml_positions import Positions
from foedus.model.area import Area
from foedus.model.dates import PartialDate
from foedus.model.registry import StateRegistry
from foedus.model.treaty import Party, Treaty

__all__ = ["TreatyDocument", "check_treaties"]

Path_ = tuple[Hashable, ...]


@dataclass(frozen=True, slots=True)
class TreatyDocument:
    """A parsed treaty and where its parts are in its file."""

    treaty: Treaty
    positions: Positions


def _refs(treaty: Treaty) -> Iterator[tuple[Path_, str]]:
    """Every cited source id with its path."""
    for i, ref in enumerate(treaty.dates_sources):
        yield ("dates_sources", i), ref
    if treaty.ended:
        for i, ref in enumerate(treaty.ended.sources):
            yield ("ended", "sources", i), ref
    for p, party in enumerate(treaty.parties):
        for i, ref in enumerate(party.sources):
            yield ("parties", p, "sources", i), ref
        for s, suspension in enumerate(party.suspensions):
            for i, ref in enumerate(suspension.sources):
                yield ("parties", p, "suspensions", s, "sources", i), ref
        if party.exit:
            for i, ref in enumerate(party.exit.sources):
                yield ("parties", p, "exit", "sources", i), ref
    for a, article in enumerate(treaty.articles):
        for i, ref in enumerate(article.sources):
            yield ("articles", a, "sources", i), ref
    for v, invocation in enumerate(treaty.invocations):
        for i, ref in enumerate(invocation.sources):
            yield ("invocations", v, "sources", i), ref


def _check_sources(doc: TreatyDocument) -> Iterator[Problem]:
    treaty, pos = doc.treaty, doc.positions
    ids = [s.id for s in treaty.sources]
    for sid, n in Counter(ids).items():
        if n > 1:
            yield pos.problem(
                ("sources", ids.index(sid), "id"),
                f"source id {sid!r} defined {n} times",
                "give each source a distinct id",
            )
    cited = set()
    for path, ref in _refs(treaty):
        cited.add(ref)
        if ref not in ids:
            yield pos.problem(
                path,
                f"source {ref!r} is cited but not defined",
                f"define it under `sources:` (defined: {', '.join(ids)})",
            )
    for i, sid in enumerate(ids):
        if sid not in cited:
            yield pos.problem(
                ("sources", i, "id"),
                f"source {sid!r} is defined but never cited",
                "cite it from the facts it supports or remove it",
            )
    if (treaty.signed or treaty.in_force) and not treaty.dates_sources:
        yield pos.problem(
            ("signed",), "the treaty's dates have no source", "add `dates_sources: [<source id>]`"
        )
    for p, party in enumerate(treaty.parties):
        dated = (
            party.signed
            or party.ratified
            or party.acceded
            or party.in_force
            or party.bound_by
            or party.exit
        )
        if dated and not party.sources:
            yield pos.problem(
                ("parties", p),
                f"party {party.state}: its dates have no source",
                "add `sources: [<source id>]` to the party",
            )
        for s, suspension in enumerate(party.suspensions):
            if not (suspension.sources or party.sources):
                yield pos.problem(
                    ("parties", p, "suspensions", s),
                    "suspension without a source",
                    "add `sources:`",
                )
    for a, article in enumerate(treaty.articles):
        if article.obligations and not article.sources:
            yield pos.problem(
                ("articles", a),
                f"article {article.number} creates obligations but cites no source",
                "add `sources: [<source id>]` to the article",
            )


def _check_states(doc: TreatyDocument, registry: StateRegistry) -> Iterator[Problem]:
    treaty, pos = doc.treaty, doc.positions
    parties = [p.state for p in treaty.parties]
    for code, n in Counter(parties).items():
        if n > 1:
            yield pos.problem(
                ("parties", parties.index(code), "state"),
                f"{code} is listed {n} times as a party",
                "merge the entries",
            )
    for p, party in enumerate(treaty.parties):
        state = registry.get(party.state)
        if state is None:
            yield pos.problem(
                ("parties", p, "state"),
                f"unknown state {party.state!r}",
                _code_fix(registry, party.state, _first_date(party)),
            )
            continue
        for field, date in _party_dates(party):
            if not any(
                _overlaps(date, spell.start, spell.end, field == "exit") for spell in state.exists
            ):
                yield pos.problem(
                    ("parties", p, *field.split(".")),
                    f"{party.state} ({state.name}) did not exist on {date} ({field})",
                    _code_fix(registry, party.state, date.first_day, other_than=party.state),
                )
    members = set(parties)
    for a, article in enumerate(treaty.articles):
        for o, obligation in enumerate(article.obligations):
            for end in ("from", "to"):
                for i, code in enumerate(obligation.from_ if end == "from" else obligation.to):
                    if code not in members:
                        yield pos.problem(
                            ("articles", a, "obligations", o, end, i),
                            f"obligation names {code}, which is not a party",
                            f"use one of the parties: {', '.join(parties)}",
                        )
    for p, party in enumerate(treaty.parties):
        for s, suspension in enumerate(party.suspensions):
            for i, code in enumerate(suspension.towards):
                if code not in members:
                    yield pos.problem(
                        ("parties", p, "suspensions", s, "towards", i),
                        f"suspension towards {code}, which is not a party",
                        "name a party of this treaty",
                    )
    for v, invocation in enumerate(treaty.invocations):
        for i, code in enumerate(invocation.by):
            if code not in members:
                yield pos.problem(
                    ("invocations", v, "by", i),
                    f"invocation by {code}, which is not a party",
                    "name a party",
                )
        if invocation.article not in {a.number for a in treaty.articles}:
            yield pos.problem(
                ("invocations", v, "article"),
                f"invocation of article {invocation.article!r}, not in this file",
                "add the article or correct its number",
            )


def _code_fix(registry: StateRegistry, code: str, on: dt.date | None, other_than: str = "") -> str:
    """How to fix a state code that is unknown, or names a state that did not exist on ``on``."""
    try:
        state = registry.resolve(code, on)
    except UnknownStateError as exc:
        if other_than:
            known = registry.get(other_than)
            spells = (
                ", ".join(
                    f"from {s.from_ or 'before 1816'} to {s.to or 'today'}" for s in known.exists
                )
                if known
                else ""
            )
            return f"check the date ({other_than} existed {spells})"
        hint = f"did you mean {', '.join(exc.suggestions)}? " if exc.suggestions else ""
        return f"{hint}use a registry code (`foedus states` lists them)"
    except AmbiguousStateError as exc:
        return f"use one of {', '.join(exc.candidates)}"
    if state.code == other_than or state.code == code:
        return "check the date or the state"
    return f"did you mean {state.code} ({state.name})?"


def _first_date(party: Party) -> dt.date | None:
    dates = _party_dates(party)
    return dates[0][1].first_day if dates else None


def _party_dates(party: Party) -> list[tuple[str, PartialDate]]:
    fields = ("signed", "ratified", "acceded", "in_force", "bound_by")
    dates = [(f, getattr(party, f)) for f in fields]
    out = [(f, d) for f, d in dates if d is not None]
    out += [(f"suspensions.{i}.from", s.from_) for i, s in enumerate(party.suspensions)]
    if party.exit is not None:
        out.append(("exit", party.exit.date))
    return out


def _overlaps(date: PartialDate, start: dt.date, end: dt.date, inclusive_end: bool) -> bool:
    """Could ``date`` fall within ``[start, end)`` (``[start, end]`` for exits)?"""
    return date.last_day >= start and (
        date.first_day <= end if inclusive_end else date.first_day < end
    )


def _before(a: PartialDate | None, b: PartialDate | None, *, strict: bool = False) -> bool:
    """False only when ``a`` is certainly after ``b`` (or not strictly before, if ``strict``)."""
    if a is None or b is None:
        return True
    return a.first_day < b.last_day if strict else a.first_day <= b.last_day


def _check_dates(doc: TreatyDocument) -> Iterator[Problem]:
    t, pos = doc.treaty, doc.positions
    if not _before(t.signed, t.in_force):
        yield pos.problem(
            ("in_force",), f"in force ({t.in_force}) before signed ({t.signed})", "check both dates"
        )
    if t.ended and not _before(t.in_force or t.signed, t.ended.date, strict=True):
        yield pos.problem(
            ("ended", "date"),
            f"ended ({t.ended.date}) before it began",
            "check `ended.date` (the first day no longer in force)",
        )
    for p, party in enumerate(t.parties):
        here = ("parties", p)
        joined = party.in_force or party.ratified or party.acceded
        if not _before(party.signed, party.ratified):
            yield pos.problem(
                (*here, "ratified"),
                f"{party.state}: ratified ({party.ratified}) before signed ({party.signed})",
                "check both dates",
            )
        if not _before(party.ratified or party.acceded, party.in_force):
            yield pos.problem(
                (*here, "in_force"),
                f"{party.state}: in force ({party.in_force}) before ratification/accession",
                "check both dates",
            )
        if not _before(t.signed, party.in_force or party.ratified):
            yield pos.problem(
                (*here, "in_force" if party.in_force else "ratified"),
                f"{party.state}: bound before the treaty was signed ({t.signed})",
                "check the dates",
            )
        if party.bound_by is not None and joined is not None:
            yield pos.problem(
                (*here, "bound_by"),
                f"{party.state}: `bound_by` is for parties whose joining date is unknown, and this "
                "one has a ratified/acceded/in_force date",
                "remove `bound_by` (or the other date, if it is not sourced)",
            )
        if not _before(t.signed, party.bound_by):
            yield pos.problem(
                (*here, "bound_by"),
                f"{party.state}: bound by {party.bound_by}, "
                f"before the treaty was signed ({t.signed})",
                "check the dates",
            )
        if party.exit is not None:
            start = joined or party.bound_by or party.signed
            if not _before(start, party.exit.date, strict=True):
                yield pos.problem(
                    (*here, "exit", "date"),
                    f"{party.state}: left ({party.exit.date}) before it joined ({start})",
                    "check `exit.date` and the joining date",
                )
        for s, suspension in enumerate(party.suspensions):
            if suspension.to is not None and not _before(
                suspension.from_, suspension.to, strict=True
            ):
                yield pos.problem(
                    (*here, "suspensions", s, "to"),
                    f"{party.state}: suspension ends before it starts",
                    "check `from` and `to`",
                )


def check_treaties(
    docs: Sequence[TreatyDocument],
    registry: StateRegistry,
    areas: Mapping[str, Area],
    known_ids: Mapping[str, Treaty] | None = None,
) -> list[Problem]:
    """Run every check on ``docs``; ``known_ids`` adds treaties that may be referenced."""
    problems: list[Problem] = []
    by_id = dict(known_ids or {})
    seen: dict[str, TreatyDocument] = {}
    for doc in docs:
        tid = doc.treaty.id
        if tid in seen:
            first = seen[tid].positions.file
            problems.append(
                doc.positions.problem(
                    ("id",),
                    f"treaty id {tid!r} is also used in {first}",
                    "give each treaty a distinct id",
                )
            )
        seen[tid] = doc
        by_id[tid] = doc.treaty
    for doc in docs:
        problems += _check_sources(doc)
        problems += _check_states(doc, registry)
        problems += _check_dates(doc)
        problems += _check_articles(doc, areas)
        problems += _check_links(doc, by_id)
    return problems


def _check_articles(doc: TreatyDocument, areas: Mapping[str, Area]) -> Iterator[Problem]:
    numbers = [a.number for a in doc.treaty.articles]
    for number, n in Counter(numbers).items():
        if n > 1:
            yield doc.positions.problem(
                ("articles", numbers.index(number), "number"),
                f"article {number} appears {n} times",
                "merge them",
            )
    for a, article in enumerate(doc.treaty.articles):
        for o, obligation in enumerate(article.obligations):
            area = obligation.trigger.location.area
            if area is not None and area not in areas:
                yield doc.positions.problem(
                    ("articles", a, "obligations", o, "trigger", "location", "area"),
                    f"unknown area {area!r}",
                    f"use one of {', '.join(sorted(areas)) or '(none)'} or define it in areas.yaml",
                )


def _check_links(doc: TreatyDocument, by_id: Mapping[str, Treaty]) -> Iterator[Problem]:
    t, pos = doc.treaty, doc.positions
    for i, old_id in enumerate(t.replaces):
        old = by_id.get(old_id)
        if old is None:
            yield pos.problem(
                ("replaces", i),
                f"replaces unknown treaty {old_id!r}",
                "check the id or add that treaty's file",
            )
        elif old.replaced_by != t.id:
            yield pos.problem(
                ("replaces", i),
                f"{t.id} replaces {old_id}, but {old_id} says replaced_by: {old.replaced_by}",
                f"set `replaced_by: {t.id}` in {old_id}",
            )
    if t.replaced_by is not None:
        new = by_id.get(t.replaced_by)
        if new is None:
            yield pos.problem(
                ("replaced_by",),
                f"replaced by unknown treaty {t.replaced_by!r}",
                "check the id or add that treaty's file",
            )
        elif t.id not in new.replaces:
            yield pos.problem(
                ("replaced_by",),
                f"{t.id} is replaced by {new.id}, but {new.id} does not list it in `replaces`",
                f"add {t.id} to its `replaces`",
            )
