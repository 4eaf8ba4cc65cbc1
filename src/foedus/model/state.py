"""States, identified as in the Correlates of War (COW) system: one COW code, one state.

Russia and the USSR are one state (365); West Germany (260) is not Germany (255).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from foedus.model.base import Value
from foedus.model.dates import PartialDate
from foedus.model.source import Source, SourceId

__all__ = ["Spell", "State", "StateCode", "StateFile"]

StateCode = Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9]{1,5}$")]


class Spell(Value):
    """A half-open period ``[from, to)``; ``from: null`` means before 1816, ``to: null`` ongoing."""

    from_: PartialDate | None = Field(default=None, alias="from")
    to: PartialDate | None = None

    def contains(self, day: dt.date) -> bool:
        start_ok = self.from_ is None or self.from_.first_day <= day
        return start_ok and (self.to is None or day < self.to.as_end)

    @property
    def start(self) -> dt.date:
        return self.from_.first_day if self.from_ else dt.date.min

    @property
    def end(self) -> dt.date:
        """Exclusive end (a partial end counts to its last day)."""
        return self.to.as_end if self.to else dt.date.max


class State(Value):
    """One state of the registry, with its codes, names and periods of existence."""

    code: StateCode = Field(description="foedus id: ISO alpha-3 where unambiguous, else COW abb.")
    name: str
    cow: int | None = Field(default=None, ge=1, le=999)
    cow_abb: str | None = None
    iso3: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    gw: int | None = None
    aliases: tuple[str, ...] = ()
    un: Literal["member", "observer"] | None = None
    exists: tuple[Spell, ...] = (Spell(),)
    sources: tuple[SourceId, ...] = ()
    note: str | None = None

    def exists_on(self, day: dt.date) -> bool:
        return any(spell.contains(day) for spell in self.exists)

    @property
    def names(self) -> tuple[str, ...]:
        """Every string that names this state."""
        codes = (self.code, self.iso3, self.cow_abb, self.name)
        return tuple(n for n in (*codes, *self.aliases) if n)


class StateFile(Value):
    """The registry file: its sources and its states."""

    sources: tuple[Source, ...] = ()
    states: tuple[State, ...]
