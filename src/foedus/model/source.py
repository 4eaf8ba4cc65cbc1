"""Where a fact comes from: every date, party and article in the corpus cites its sources."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from foedus.model.base import Value
from foedus.model.dates import PartialDate

__all__ = ["SOURCE_ID_PATTERN", "Source", "SourceId"]

SOURCE_ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
SourceId = Annotated[str, Field(pattern=SOURCE_ID_PATTERN)]


class Source(Value):
    """A document that supports facts; cited by ``id`` from the facts it supports."""

    id: SourceId = Field(description="Short id, unique in the file, cited by facts (e.g. `text`).")
    title: str = Field(min_length=1)
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    publisher: str | None = None
    accessed: PartialDate | None = None
    supports: str = Field(min_length=1, description="Which facts this source supports, in a line.")
