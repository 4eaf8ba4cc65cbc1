"""An obligation between two states: the unit every query returns."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from foedus.model.obligation import Obligation, ObligationKind
from foedus.model.treaty import Article, Party, Treaty

__all__ = ["ObligationEdge", "expand"]


@dataclass(frozen=True, slots=True)
class ObligationEdge:
    """``from_`` owes ``to`` the ``obligation`` of ``article`` of ``treaty``."""

    treaty: Treaty
    article: Article
    obligation: Obligation
    from_: str
    to: str

    @property
    def kind(self) -> ObligationKind:
        return self.obligation.kind

    @property
    def automatic(self) -> bool:
        return self.obligation.response.automatic


def _ends(named: tuple[str, ...], parties: tuple[Party, ...]) -> tuple[str, ...]:
    return named or tuple(p.state for p in parties)


def expand(treaty: Treaty) -> Iterator[ObligationEdge]:
    """Every directed edge the treaty's obligations create between distinct parties.

    Mutual obligations link every ordered pair of parties; ``from``/``to`` restrict the ends (an
    empty end means every party).
    """
    for article in treaty.articles:
        for obligation in article.obligations:
            for debtor in _ends(obligation.from_, treaty.parties):
                for creditor in _ends(obligation.to, treaty.parties):
                    if debtor != creditor:
                        yield ObligationEdge(treaty, article, obligation, debtor, creditor)
