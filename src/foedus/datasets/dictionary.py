"""The data dictionary: what each column of a research dataset means and where it comes from."""

from __future__ import annotations

import polars as pl

__all__ = ["MEANINGS", "data_dictionary"]

_OWES = "1 if {who} owes {whom}, in at least one treaty in force under the year rule, {what}"
_KINDS = {
    "defense": "a defence obligation (active military support if attacked)",
    "offense": "an offence obligation (military support in a war not started by an attack)",
    "neutral": "a neutrality obligation (stay out of a conflict involving the partner)",
    "nonagg": "a non-aggression obligation (not to use force against the partner)",
    "consul": "a consultation obligation (consult in a crisis)",
    "entente": "an entente (consultation) commitment (COW Formal Alliances type)",
}
MEANINGS: dict[str, str] = {
    "ccode1": "COW state code of the first state (the one that owes, in directed data)",
    "ccode2": "COW state code of the second state (the one owed, in directed data)",
    "gwcode1": "Gleditsch-Ward code of the first state (the one that owes, in directed data)",
    "gwcode2": "Gleditsch-Ward code of the second state (the one owed, in directed data)",
    "ccode": "COW state code",
    "gwcode": "Gleditsch-Ward state code",
    "year": "calendar year",
}
for _prefix in ("atop", "cow"):
    for _kind, _what in _KINDS.items():
        MEANINGS[f"{_prefix}_{_kind}"] = _OWES.format(
            who="state 1", whom="state 2 (either way, in undirected data)", what=_what
        )
        MEANINGS[f"{_prefix}_{_kind}_n"] = f"number of states of the system the state owes {_what}"


def data_dictionary(frame: pl.DataFrame, sources: dict[str, str]) -> pl.DataFrame:
    """One row per column of ``frame``: ``column``, ``type``, ``meaning``, ``source``.

    ``sources`` maps a column name or a prefix ending in ``_`` (``"atop_"``) or ``"*"`` to the
    text naming the data the column was built from.

    >>> f = pl.DataFrame({"ccode1": [2], "year": [2000]})
    >>> data_dictionary(f, {"*": "COW states 2016"})["meaning"][1]
    'calendar year'
    """

    def source(column: str) -> str:
        if column in sources:
            return sources[column]
        for key, text in sources.items():
            if key.endswith("_") and column.startswith(key):
                return text
        return sources.get("*", "")

    return pl.DataFrame(
        {
            "column": frame.columns,
            "type": [str(t) for t in frame.dtypes],
            "meaning": [MEANINGS.get(c, "") for c in frame.columns],
            "source": [source(c) for c in frame.columns],
        }
    )
