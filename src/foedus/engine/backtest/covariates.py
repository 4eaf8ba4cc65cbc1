"""State covariates the background joining model needs: major-power status and contiguity.

A state far from a war and without global reach rarely joins it, alliance or not; a major power
or a neighbour of a belligerent often does (Siverson & Starr 1991; Bremer 1992). The backtest
describes each candidate by two COW facts on the onset date:

* ``major``: the state is a COW major power;
* ``near``: the state is directly contiguous (land border or at most 24 miles of water, COW
  types 1-3) to one of the war's initial belligerents.

References
----------
Siverson, R. M. & Starr, H. (1991). *The Diffusion of War.* University of Michigan Press.
Bremer, S. A. (1992). Dangerous Dyads. *Journal of Conflict Resolution* 36(2), 309-341.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["NEAR_TYPES", "Cell", "Covariates"]

#: COW contiguity types that count as "near": land (1), water up to 12 (2) and 24 miles (3).
NEAR_TYPES = 3

#: A candidate's covariate cell: (major power, near an initial belligerent).
Cell = tuple[bool, bool]


@dataclass(frozen=True)
class Covariates:
    """Major-power spells and directed contiguity spells by COW number (ends exclusive).

    >>> day = dt.date(1914, 8, 1)
    >>> cov = Covariates.build(
    ...     majors=[(255, dt.date(1816, 1, 1), dt.date(1945, 5, 8))],
    ...     contiguity=[(255, 220, 1, dt.date(1816, 1, 1), dt.date(1945, 1, 1))],
    ... )
    >>> cov.cell(255, [220], day), cov.cell(220, [2], day)
    ((True, True), (False, False))
    """

    majors: Mapping[int, tuple[tuple[dt.date, dt.date], ...]]
    contiguity: Mapping[tuple[int, int], tuple[tuple[int, dt.date, dt.date], ...]]

    @classmethod
    def build(
        cls,
        majors: Iterable[tuple[int, dt.date, dt.date]],
        contiguity: Iterable[tuple[int, int, int, dt.date, dt.date]],
    ) -> Covariates:
        """From ``(ccode, start, end)`` major-power rows and ``(ccode1, ccode2, type, start,
        end)`` contiguity rows."""
        m: dict[int, list[tuple[dt.date, dt.date]]] = defaultdict(list)
        for code, start, end in majors:
            m[code].append((start, end))
        c: dict[tuple[int, int], list[tuple[int, dt.date, dt.date]]] = defaultdict(list)
        for a, b, kind, start, end in contiguity:
            c[(a, b)].append((kind, start, end))
        return cls(
            {k: tuple(v) for k, v in m.items()},
            {k: tuple(v) for k, v in c.items()},
        )

    def is_major(self, ccode: int, day: dt.date) -> bool:
        return any(s <= day < e for s, e in self.majors.get(ccode, ()))

    def contiguous(self, a: int, b: int, day: dt.date, max_type: int = NEAR_TYPES) -> bool:
        return any(
            kind <= max_type and s <= day < e for kind, s, e in self.contiguity.get((a, b), ())
        )

    def cell(self, ccode: int, belligerents: Iterable[int], day: dt.date) -> Cell:
        """(major power, contiguous to one of ``belligerents``) on ``day``."""
        near = any(self.contiguous(ccode, b, day) for b in belligerents)
        return self.is_major(ccode, day), near
