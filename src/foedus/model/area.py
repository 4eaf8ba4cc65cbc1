"""Named areas that treaties use to scope a defence clause (e.g. NATO's Article 6 area)."""

from __future__ import annotations

from pydantic import Field

from foedus.model.base import Value
from foedus.model.source import Source, SourceId
from foedus.model.state import StateCode

__all__ = ["Area", "AreaFile"]


class Area(Value):
    """A region named by a treaty; ``covers`` lists states whose home territory lies in it."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str
    description: str = Field(description="What the area includes and excludes, in our words.")
    covers: tuple[StateCode, ...] = Field(
        default=(), description="States whose metropolitan territory lies (at least partly) in it."
    )
    part_of: StateCode | None = Field(
        default=None, description="For a place inside one state (e.g. `guam` in USA): that state."
    )
    within: tuple[str, ...] = Field(
        default=(), description="Larger named areas this one lies in (e.g. `pacific`)."
    )
    sources: tuple[SourceId, ...] = ()


class AreaFile(Value):
    """The areas file of a corpus."""

    sources: tuple[Source, ...] = ()
    areas: tuple[Area, ...] = ()
