"""Dated changes in who is bound: entries into force, accessions, suspensions, exits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

__all__ = ["Change", "Effect"]

Effect = Literal["bind", "unbind", "suspend", "resume"]


@dataclass(frozen=True, slots=True, order=True)
class Change:
    """One state's relation to one treaty changed on ``date``.

    ``effect`` is what the change does to a :class:`~foedus.query.snapshot.Snapshot`; ``kind`` says
    what happened in the words of treaty law (``accession``, ``withdrawn``, ``replaced`` …).
    """

    date: dt.date
    treaty: str
    state: str
    effect: Effect
    kind: str
    towards: tuple[str, ...] = ()
    note: str = ""
