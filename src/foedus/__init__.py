"""foedus — alliance treaties as code.

Who is bound to defend whom, under which article, as of any date::

    >>> import foedus
    >>> world = foedus.load()
    >>> snap = world.on("2024-12-05")
    >>> sorted({e.article.number for e in snap.obligations(from_="RUS", to="PRK")}) # doctest: +SKIP
    ['3', '4', '5', '8']
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from foedus.errors import (
    AmbiguousStateError,
    CorpusError,
    FoedusError,
    InputError,
    Problem,
    UnknownStateError,
    UnknownTreatyError,
)
from foedus.model import (
    Article,
    Obligation,
    ObligationKind,
    PartialDate,
    Party,
    Source,
    State,
    Treaty,
    to_date,
)
from foedus.query import Change, ObligationEdge, Snapshot, World

__all__ = [
    "AmbiguousStateError",
    "Article",
    "Change",
    "CorpusError",
    "FoedusError",
    "InputError",
    "Obligation",
    "ObligationEdge",
    "ObligationKind",
    "PartialDate",
    "Party",
    "Problem",
    "Snapshot",
    "Source",
    "State",
    "Treaty",
    "UnknownStateError",
    "UnknownTreatyError",
    "World",
    "__version__",
    "load",
    "to_date",
]

__version__ = "0.1.0"


def load(corpus: Iterable[Path | str] = (), *, bundled: bool = True) -> World:
    """Load the bundled corpus, ``$FOEDUS_CORPUS`` folders and ``corpus`` folders into a World.

    Raises :class:`CorpusError` listing every problem if a file does not validate.
    """
    from foedus.io.corpus import load_world

    return load_world(corpus, bundled=bundled)
