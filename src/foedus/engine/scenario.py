"""Scenarios: a date, initiating events and optional edits to the world (DESIGN.md §5).

A scenario is plain data, as a YAML file or Python objects::

    Scenario(date="1914-07-28", events=[Attack(by="AUH", on="SRB"),
                                         Intervene(state="RUS", side="SRB")])
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from foedus.model.base import Value
from foedus.model.dates import PartialDate

__all__ = [
    "AddTreaty",
    "Attack",
    "EndTreaty",
    "Event",
    "Intervene",
    "Scenario",
    "WithoutParty",
]

StateName = Annotated[str, Field(min_length=1, description="Any name the registry resolves.")]


class Attack(Value):
    """``by`` attacks ``on``, at ``at`` (a state's territory or a named area; default: ``on``)."""

    type: Literal["attack"] = "attack"
    by: StateName
    on: StateName
    at: str | None = Field(default=None, description="State code or area id; default `on`.")
    date: PartialDate | None = None


class Intervene(Value):
    """``state`` enters the war on the side of ``side`` outside any treaty obligation."""

    type: Literal["intervene"] = "intervene"
    state: StateName
    side: StateName = Field(description="The state whose side it joins.")
    date: PartialDate | None = None


Event = Annotated[Attack | Intervene, Field(discriminator="type")]


class WithoutParty(Value):
    """Edit: the world as if ``state`` had never been a party to ``treaty``."""

    type: Literal["without"] = "without"
    state: StateName
    treaty: str


class EndTreaty(Value):
    """Edit: ``treaty`` ends on ``date`` (default: the scenario date) for every party."""

    type: Literal["end"] = "end"
    treaty: str
    date: PartialDate | None = None


class AddTreaty(Value):
    """Edit: add the treaty in ``file`` (a path, relative to the scenario file)."""

    type: Literal["add"] = "add"
    file: str


Edit = Annotated[WithoutParty | EndTreaty | AddTreaty, Field(discriminator="type")]


def _tagged(item: Any, kinds: tuple[str, ...]) -> Any:
    """Accept ``{attack: {by: …}}`` as well as ``{type: attack, by: …}``."""
    if isinstance(item, dict) and "type" not in item and len(item) == 1:
        ((key, value),) = item.items()
        if key in kinds and isinstance(value, dict):
            return {"type": key, **value}
        if key == "add" and isinstance(value, str):
            return {"type": "add", "file": value}
    return item


class Scenario(Value):
    """What happens: events on a date in a (possibly edited) world, and how to resolve it."""

    name: str = "scenario"
    description: str | None = None
    date: PartialDate | None = Field(
        default=None, description="The world's date; default: the earliest event date."
    )
    events: tuple[Event, ...] = Field(min_length=1)
    edits: tuple[Edit, ...] = ()
    discretionary: bool = Field(
        default=False, description="Deterministic mode: make discretionary obligations fire too."
    )

    @model_validator(mode="before")
    @classmethod
    def _shorthands(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = dict(data)
            if isinstance(data.get("events"), list):
                data["events"] = [_tagged(e, ("attack", "intervene")) for e in data["events"]]
            if isinstance(data.get("edits"), list):
                data["edits"] = [_tagged(e, ("without", "end", "add")) for e in data["edits"]]
        return data

    @model_validator(mode="after")
    def _has_a_date(self) -> Scenario:
        if self.date is None and not any(e.date for e in self.events):
            raise ValueError("give the scenario a `date:` (or a date on its first event)")
        return self

    @property
    def day(self) -> Any:
        """The date of the world the scenario runs in."""
        if self.date is not None:
            return self.date.first_day
        return min(e.date.first_day for e in self.events if e.date is not None)
