"""What an article obliges a party to do, for whom, when, and how (DESIGN.md §4).

The kinds follow ATOP's five obligation types (defense, offense, neutrality, non-aggression,
consultation) plus the kinds real treaties add beyond ATOP.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import Field, model_validator

from foedus.model.base import Value
from foedus.model.state import StateCode

__all__ = [
    "ATOP_KINDS",
    "AttackerScope",
    "LocationScope",
    "Obligation",
    "ObligationKind",
    "Response",
    "Trigger",
]


class ObligationKind(StrEnum):
    """The kinds of obligation; the first five are ATOP's."""

    DEFENSE = "defense"
    OFFENSE = "offense"
    NEUTRALITY = "neutrality"
    NONAGGRESSION = "nonaggression"
    CONSULTATION = "consultation"
    NO_HOSTILE_ALIGNMENT = "no_hostile_alignment"
    NON_ASSISTANCE_TO_AGGRESSOR = "non_assistance_to_aggressor"
    MILITARY_COOPERATION = "military_cooperation"

    def __str__(self) -> str:
        return self.value


ATOP_KINDS = (
    ObligationKind.DEFENSE,
    ObligationKind.OFFENSE,
    ObligationKind.NEUTRALITY,
    ObligationKind.NONAGGRESSION,
    ObligationKind.CONSULTATION,
)


class AttackerScope(Value):
    """Which attackers trigger the obligation: any state, named states, or several at once."""

    states: tuple[StateCode, ...] = Field(
        default=(), description="Only attacks by these states count; empty means any state."
    )
    min_attackers: int = Field(
        default=1, ge=1, description="Attack by at least this many states (e.g. 2 in 1892/94)."
    )


class LocationScope(Value):
    """Where the attack must take place for the obligation to apply."""

    scope: Literal["anywhere", "territory", "administered_territory", "area"] = "anywhere"
    area: str | None = Field(default=None, description="Named area id when scope is `area`.")
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        """Accept ``territory`` or ``{area: north-atlantic}`` as shorthands."""
        if isinstance(data, str):
            return {"scope": data}
        if isinstance(data, dict) and "area" in data and "scope" not in data:
            return {"scope": "area", **data}
        return data

    @model_validator(mode="after")
    def _area_given(self) -> LocationScope:
        if (self.scope == "area") != (self.area is not None):
            raise ValueError("give `area: <id>` exactly when `scope` is `area`")
        return self


class Trigger(Value):
    """The casus foederis: the event that brings the obligation into play."""

    event: Literal["armed_attack", "threat_of_attack", "war", "any"] = "armed_attack"
    attacker: AttackerScope = AttackerScope()
    location: LocationScope = LocationScope()
    unprovoked_only: bool = Field(
        default=False, description="Applies only if the protected party did not provoke the war."
    )


class Response(Value):
    """What the obliged party must do once triggered."""

    automatic: bool = Field(description="True when the text leaves no discretion.")
    means: Literal[
        "all_available", "military", "military_and_other", "aid", "consultation", "unspecified"
    ] = "unspecified"
    timing: Literal["immediate", "unspecified"] = "unspecified"
    constitutional_processes: bool = Field(
        default=False, description="Subject to each party's constitutional processes."
    )


class Obligation(Value):
    """One duty created by an article: kind, who owes whom, trigger and response.

    ``from`` and ``to`` empty means mutual among all parties of the treaty.
    """

    kind: ObligationKind
    from_: tuple[StateCode, ...] = Field(default=(), alias="from")
    to: tuple[StateCode, ...] = ()
    trigger: Trigger = Trigger()
    response: Response = Response(automatic=False)
    conditions: str | None = Field(
        default=None, description="Further conditions, in our words (e.g. 'only in Europe')."
    )

    @property
    def is_mutual(self) -> bool:
        return not self.from_ and not self.to
