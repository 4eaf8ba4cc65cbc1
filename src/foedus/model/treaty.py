"""Treaties, their articles, and each party's dated lifecycle (DESIGN.md §3).

A treaty's life is per party: signed → ratified or acceded → in force for that party → possibly
suspended and resumed → withdrawn, denounced or terminated. "Signed" binds nobody.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from foedus.model.base import Value
from foedus.model.dates import PartialDate
from foedus.model.obligation import Obligation
from foedus.model.source import Source, SourceId
from foedus.model.state import StateCode

__all__ = [
    "TREATY_ID_PATTERN",
    "Article",
    "AtopDifference",
    "Exit",
    "Invocation",
    "Party",
    "Suspension",
    "Treaty",
    "TreatyEnd",
    "TreatyId",
]

TREATY_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
TreatyId = Annotated[str, Field(pattern=TREATY_ID_PATTERN)]
Refs = tuple[SourceId, ...]


class Suspension(Value):
    """A period in which a party's obligations do not operate, towards everyone or some parties."""

    from_: PartialDate = Field(alias="from")
    to: PartialDate | None = Field(default=None, description="Resumption; null while ongoing.")
    towards: tuple[StateCode, ...] = Field(
        default=(), description="Only the relations with these parties; empty means all."
    )
    how: Literal["suspended", "frozen", "not_in_existence"] = Field(
        default="suspended",
        description="suspended, frozen (de facto), or not_in_existence (set by foedus for the "
        "years a party's state did not exist)",
    )
    note: str | None = None
    sources: Refs = ()


class Exit(Value):
    """How and when a party stopped being bound."""

    date: PartialDate = Field(description="The day the exit took effect (first day not bound).")
    how: Literal["withdrawn", "denounced", "terminated", "expelled", "succeeded", "dissolved"]
    notice: PartialDate | None = Field(default=None, description="Day notice was given, if any.")
    note: str | None = None
    sources: Refs = ()


class Party(Value):
    """A state's relation to a treaty, each step dated."""

    state: StateCode
    signed: PartialDate | None = None
    ratified: PartialDate | None = None
    acceded: PartialDate | None = None
    in_force: PartialDate | None = Field(
        default=None, description="When the treaty began to bind this party, if not derivable."
    )
    bound_by: PartialDate | None = Field(
        default=None,
        description="Bound no later than this date: a source shows the party bound by then (e.g. "
        "a list of ratifying states) but no source dates its ratification or accession. Used only "
        "when no ratified/acceded/in_force date is given; the party counts as bound from the last "
        "day this date can mean (never earlier than the treaty's entry into force), so queries "
        "before it answer 'not bound' although the party may already have been.",
    )
    suspensions: tuple[Suspension, ...] = ()
    exit: Exit | None = None
    note: str | None = None
    sources: Refs = ()


class TreatyEnd(Value):
    """The end of the treaty for all its parties."""

    date: PartialDate = Field(description="First day the treaty no longer binds anyone.")
    how: Literal["expired", "terminated", "replaced", "dissolved", "denounced", "superseded"]
    note: str | None = None
    sources: Refs = ()


class Article(Value):
    """An article of a treaty: its number, a paraphrase in our words, the obligations it creates."""

    number: str = Field(min_length=1, description='As numbered in the text, e.g. "4" or "42(7)".')
    title: str | None = None
    says: str = Field(min_length=1, description="Paraphrase in our own words (never a quote).")
    obligations: tuple[Obligation, ...] = ()
    sources: Refs = ()


class Invocation(Value):
    """A formal invocation of an article: a dated, sourced event."""

    date: PartialDate
    article: str
    by: tuple[StateCode, ...] = Field(description="The state(s) that invoked it.")
    note: str = Field(min_length=1)
    sources: Refs = ()


class AtopDifference(Value):
    """A recorded, explained difference between this file and the ATOP coding of the treaty."""

    what: Literal["member", "dates", "kind"] = Field(
        description="member: party in one and not the other; dates: entry/exit differ; kind: "
        "an obligation kind coded by one and not the other."
    )
    state: StateCode | None = Field(default=None, description="The party concerned, if one.")
    kind: str | None = Field(default=None, description="The obligation kind concerned, if any.")
    note: str = Field(min_length=1, description="Why we differ (e.g. a newer source).")


class Treaty(Value):
    """One treaty file: the agreement, its parties, articles and sources."""

    id: TreatyId
    name: str = Field(min_length=1)
    short_name: str | None = None
    signed: PartialDate | None = None
    place: str | None = None
    in_force: PartialDate | None = Field(
        default=None, description="Entry into force overall; null if it never entered into force."
    )
    ratification_required: bool = Field(
        default=True,
        description="If false, every party is bound from `in_force` without its own ratification.",
    )
    ended: TreatyEnd | None = None
    replaces: tuple[TreatyId, ...] = ()
    replaced_by: TreatyId | None = None
    duration: str | None = Field(default=None, description="Duration, renewal, termination terms.")
    atop: tuple[int, ...] = Field(default=(), description="ATOP alliance ids of this treaty.")
    atop_differences: tuple[AtopDifference, ...] = Field(
        default=(), description="Each known difference from ATOP's coding, explained."
    )
    cow: tuple[int, ...] = Field(default=(), description="COW Formal Alliances ids.")
    uncertain: tuple[str, ...] = Field(
        default=(), description="Facts whose status is uncertain, and the choice made."
    )
    notes: tuple[str, ...] = ()
    dates_sources: Refs = Field(default=(), description="Sources of signed / in_force.")
    parties: tuple[Party, ...] = Field(min_length=1)
    articles: tuple[Article, ...] = ()
    invocations: tuple[Invocation, ...] = ()
    sources: tuple[Source, ...] = Field(min_length=1)

    def party(self, code: str) -> Party | None:
        """The party entry of ``code``, if that state is a party."""
        return next((p for p in self.parties if p.state == code), None)
