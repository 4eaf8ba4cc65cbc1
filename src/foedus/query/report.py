"""What the corpus covers and how well it is sourced: the figures of ``foedus corpus report``.

Counts are of treaties (files) and of obligations as the articles state them (one ``Obligation``
entry, however many parties it links), split by kind, region and era.

- **Region** comes from the COW codes of *all* listed parties (signatories included), with COW's
  regional ranges: 2–165 Americas, 200–399 Europe, 402–626 Africa, 630–698 Middle East, 700–990
  Asia & Oceania. A treaty whose parties fall in more than one region counts once, as
  ``multi-regional`` (so the regional counts add up to the total); a party without a COW code, or
  with one outside the ranges, is ``unclassified``.
- **Era** is the year of signature (or of entry into force when the signature date is missing):
  before 1914, 1914–1945, 1946–1991, 1992 on.
- **Facts without a source** apply the validator's fallbacks: a party's suspensions and exit may
  rest on the party's sources, a treaty's end on its ``dates_sources``; an invocation must cite its
  own. A citation of an id the file does not define counts as no source.
- **Latest fact**: the latest date anywhere in the treaty files (a partial date counts by its first
  day), except the ``accessed`` dates of sources, which date our reading, not a fact.

>>> import foedus
>>> report = corpus_report(foedus.load(), on="2025-01-01")
>>> report.treaties >= 1 and report.unsourced == ()
True
>>> region_of(365), region_of(731), region_of(None)
('Europe', 'Asia & Oceania', 'unclassified')
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel

from foedus.model.dates import DateLike, PartialDate, to_date
from foedus.model.obligation import ObligationKind
from foedus.model.source import Source
from foedus.model.treaty import Treaty

if TYPE_CHECKING:
    from foedus.query.world import World

__all__ = [
    "ERAS",
    "MULTI_REGIONAL",
    "REGIONS",
    "UNCLASSIFIED",
    "CorpusReport",
    "DatedFact",
    "Tally",
    "UncertainNote",
    "UnsourcedFact",
    "corpus_report",
    "era_of",
    "region_of",
]

#: COW's regional ranges of state numbers (inclusive).
REGIONS: tuple[tuple[str, int, int], ...] = (
    ("Americas", 2, 165),
    ("Europe", 200, 399),
    ("Africa", 402, 626),
    ("Middle East", 630, 698),
    ("Asia & Oceania", 700, 990),
)
MULTI_REGIONAL = "multi-regional"
UNCLASSIFIED = "unclassified"
#: Eras by year of signature: (label, first year, last year).
ERAS: tuple[tuple[str, int, int], ...] = (
    ("before 1914", 1, 1913),
    ("1914–1945", 1914, 1945),
    ("1946–1991", 1946, 1991),
    ("1992 on", 1992, 9999),
)
UNDATED = "undated"


@dataclass(frozen=True, slots=True)
class Tally:
    """Treaties and obligations in one group."""

    treaties: int = 0
    obligations: int = 0


@dataclass(frozen=True, slots=True)
class UnsourcedFact:
    """A fact that cites no (defined) source: ``what`` names it within ``treaty``."""

    treaty: str
    what: str


@dataclass(frozen=True, slots=True)
class UncertainNote:
    """A treaty whose status is uncertain, with the first line of each ``uncertain`` entry."""

    treaty: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DatedFact:
    """A date in the corpus and where it stands (``treaty`` and the field path)."""

    date: PartialDate
    treaty: str
    what: str


@dataclass(frozen=True, slots=True)
class CorpusReport:
    """Coverage and sourcing figures of a corpus; "in force" and "signed only" as of ``on``."""

    on: dt.date
    treaties: int
    obligations: int
    by_kind: dict[str, Tally]
    by_region: dict[str, Tally]
    by_era: dict[str, Tally]
    in_force: tuple[str, ...]
    signed_only: tuple[str, ...]
    unsourced: tuple[UnsourcedFact, ...]
    uncertain: tuple[UncertainNote, ...]
    invocations: int
    latest: DatedFact | None


def region_of(cow: int | None) -> str:
    """COW's region of a state number (``unclassified`` when none applies)."""
    if cow is not None:
        for name, lo, hi in REGIONS:
            if lo <= cow <= hi:
                return name
    return UNCLASSIFIED


def era_of(treaty: Treaty) -> str:
    """The era of a treaty's signature year (entry into force if unsigned; else ``undated``)."""
    date = treaty.signed or treaty.in_force
    if date is None:
        return UNDATED
    return next(name for name, lo, hi in ERAS if lo <= date.year <= hi)


def _treaty_region(world: World, treaty: Treaty) -> str:
    regions = set()
    for party in treaty.parties:
        state = world.registry.get(party.state)
        regions.add(region_of(state.cow if state else None))
    if len(regions) == 1:
        return regions.pop()
    return MULTI_REGIONAL


def _unsourced(treaty: Treaty) -> Iterator[str]:
    defined = {s.id for s in treaty.sources}

    def cited(refs: tuple[str, ...]) -> bool:
        return any(ref in defined for ref in refs)

    if (treaty.signed or treaty.in_force) and not cited(treaty.dates_sources):
        yield "dates (signed / in_force)"
    if treaty.ended and not cited(treaty.ended.sources or treaty.dates_sources):
        yield "ended"
    for party in treaty.parties:
        dated = party.signed or party.ratified or party.acceded or party.in_force
        if dated and not cited(party.sources):
            yield f"party {party.state}"
        for suspension in party.suspensions:
            if not cited(suspension.sources or party.sources):
                yield f"party {party.state}: suspension from {suspension.from_}"
        if party.exit and not cited(party.exit.sources or party.sources):
            yield f"party {party.state}: exit {party.exit.date}"
    for article in treaty.articles:
        if article.obligations and not cited(article.sources):
            yield f"article {article.number}"
    for invocation in treaty.invocations:
        if not cited(invocation.sources):
            yield f"invocation of article {invocation.article} on {invocation.date}"


def _dates(value: object, path: str) -> Iterator[tuple[PartialDate, str]]:
    """Every partial date inside a model, with its field path (sources' ``accessed`` skipped)."""
    if isinstance(value, PartialDate):
        yield value, path
    elif isinstance(value, Source):
        return
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _dates(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _dates(item, f"{path}[{i}]")


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def corpus_report(world: World, *, on: DateLike | None = None) -> CorpusReport:
    """The coverage and sourcing figures of ``world``'s corpus (``on`` defaults to today)."""
    day = to_date(on) if on is not None else dt.date.today()
    treaties = sorted(world.treaties.values(), key=lambda t: t.id)
    kinds: dict[str, Counter[str]] = {k.value: Counter() for k in ObligationKind}
    regions: dict[str, Counter[str]] = {name: Counter() for name, _, _ in REGIONS}
    regions |= {MULTI_REGIONAL: Counter(), UNCLASSIFIED: Counter()}
    eras: dict[str, Counter[str]] = {name: Counter() for name, _, _ in ERAS}
    latest: DatedFact | None = None
    for treaty in treaties:
        count = sum(len(a.obligations) for a in treaty.articles)
        for group in (
            regions.setdefault(_treaty_region(world, treaty), Counter()),
            eras.setdefault(era_of(treaty), Counter()),
        ):
            group.update(treaties=1, obligations=count)
        present = Counter(o.kind.value for a in treaty.articles for o in a.obligations)
        for kind, n in present.items():
            kinds[kind].update(treaties=1, obligations=n)
        for date, path in _dates(treaty, ""):
            if latest is None or date.first_day > latest.date.first_day:
                latest = DatedFact(date, treaty.id, path)

    def started(treaty: Treaty) -> bool:
        span = world.treaty_spans.get(treaty.id)
        return span is not None and span.start <= day

    def tallies(groups: dict[str, Counter[str]]) -> dict[str, Tally]:
        return {k: Tally(c["treaties"], c["obligations"]) for k, c in groups.items()}

    return CorpusReport(
        on=day,
        treaties=len(treaties),
        obligations=sum(len(a.obligations) for t in treaties for a in t.articles),
        by_kind=tallies(kinds),
        by_region=tallies(regions),
        by_era=tallies(eras),
        in_force=tuple(t.id for t in treaties if (s := world.treaty_spans.get(t.id)) and day in s),
        signed_only=tuple(t.id for t in treaties if not started(t)),
        unsourced=tuple(UnsourcedFact(t.id, what) for t in treaties for what in _unsourced(t)),
        uncertain=tuple(
            UncertainNote(t.id, tuple(_first_line(u) for u in t.uncertain))
            for t in treaties
            if t.uncertain
        ),
        invocations=sum(len(t.invocations) for t in treaties),
        latest=latest,
    )
