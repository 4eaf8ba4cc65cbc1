"""How likely an applicable obligation is honoured: a sourced, overridable parameter model.

Rules are tried in order; the first whose kind, era, response type and treaty size (number of
parties) match gives ``p``.
Defaults (``corpus/reliability.yaml``) come from published fulfilment rates: about 66% of
applicable commitments honoured before 1945 and 22% after (Berkemeier & Fuhrmann 2018).

References
----------
Berkemeier, M. & Fuhrmann, M. (2018). Reassessing the Fulfillment of Alliance Commitments in War.
*Research & Politics* 5(2).
Leeds, B. A., Long, A. G. & Mitchell, S. M. (2000). Reevaluating Alliance Reliability.
*Journal of Conflict Resolution* 44(5), 686-699.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from foedus.model.base import Value
from foedus.model.source import Source, SourceId
from foedus.query.edges import ObligationEdge

__all__ = ["ReliabilityModel", "ReliabilityRule"]


class ReliabilityRule(Value):
    """P(honoured) for obligations of ``kind`` in wars beginning between ``from`` and ``to``."""

    kind: str | None = Field(default=None, description="Obligation kind; null matches any.")
    from_: int | None = Field(default=None, alias="from", description="First year (inclusive).")
    to: int | None = Field(default=None, description="Last year (inclusive).")
    response: Literal["automatic", "discretionary"] | None = None
    min_parties: int | None = Field(
        default=None, ge=1, description="Treaties with at least this many parties."
    )
    max_parties: int | None = Field(
        default=None, ge=1, description="Treaties with at most this many parties."
    )
    p: float = Field(ge=0.0, le=1.0)
    note: str | None = None
    sources: tuple[SourceId, ...] = ()

    def matches(self, edge: ObligationEdge, day: dt.date) -> bool:
        if self.kind is not None and edge.kind.value != self.kind:
            return False
        if self.from_ is not None and day.year < self.from_:
            return False
        if self.to is not None and day.year > self.to:
            return False
        size = len(edge.treaty.parties)
        if self.min_parties is not None and size < self.min_parties:
            return False
        if self.max_parties is not None and size > self.max_parties:
            return False
        if self.response is not None:
            return (self.response == "automatic") == edge.automatic
        return True


class ReliabilityModel(Value):
    """Ordered rules, a default and their sources."""

    description: str | None = None
    rules: tuple[ReliabilityRule, ...] = ()
    default: float = Field(ge=0.0, le=1.0)
    sources: tuple[Source, ...] = ()

    def p(self, edge: ObligationEdge, day: dt.date) -> float:
        """Probability that ``edge`` is honoured in a war that begins on ``day``."""
        rule = next((r for r in self.rules if r.matches(edge, day)), None)
        return rule.p if rule is not None else self.default

    @classmethod
    def constant(cls, p: float) -> ReliabilityModel:
        """Every applicable obligation honoured with probability ``p`` (for tests, sweeps)."""
        return cls(default=p)
