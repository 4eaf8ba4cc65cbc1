"""Name a state any way people do — ISO code, COW number or abbreviation, name, alias — and get it.

Resolution is date-aware: ``DEU`` in 1914 is the German Empire (COW 255), in 1970 West Germany
(COW 260). Order of precedence: the foedus code, a COW number, ISO alpha-3, a name or alias, and
last a COW abbreviation (COW ``AUS`` is Austria but ISO ``AUS`` is Australia; ``COW:AUS`` forces
the COW reading).

>>> from foedus.model.state import State, Spell
>>> reg = StateRegistry([State(code="PRK", name="North Korea", cow=731, aliases=("DPRK",))])
>>> reg.resolve("dprk").cow
731
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from collections.abc import Iterable, Iterator

from foedus.errors import AmbiguousStateError, UnknownStateError
from foedus.model.state import State

__all__ = ["StateRegistry"]


def _fold(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split())


class StateRegistry:
    """All known states, indexed by every name they go by."""

    def __init__(self, states: Iterable[State]):
        self._states: tuple[State, ...] = tuple(states)
        self._by_code = {s.code: s for s in self._states}
        self._by_cow: dict[int, State] = {s.cow: s for s in self._states if s.cow is not None}
        self._by_iso: dict[str, list[State]] = defaultdict(list)
        self._by_name: dict[str, list[State]] = defaultdict(list)
        self._by_cow_abb: dict[str, list[State]] = defaultdict(list)
        for state in self._states:
            if state.iso3:
                self._by_iso[state.iso3].append(state)
            for name in (state.name, *state.aliases):
                self._by_name[_fold(name)].append(state)
            if state.cow_abb:
                self._by_cow_abb[state.cow_abb.upper()].append(state)

    def __iter__(self) -> Iterator[State]:
        return iter(self._states)

    def __len__(self) -> int:
        return len(self._states)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> State | None:
        """The state whose foedus code is exactly ``code``."""
        return self._by_code.get(code)

    def by_cow(self, cow: int) -> State | None:
        return self._by_cow.get(cow)

    def resolve(self, name: str | int, on: dt.date | None = None) -> State:
        """The state ``name`` means (on date ``on`` when given); raises with suggestions."""
        text = str(name).strip()
        upper = text.upper()
        if upper.startswith("COW:"):
            levels = [self._by_cow_abb.get(upper[4:].strip(), [])]
        elif text.isdigit():
            state = self._by_cow.get(int(text))
            levels = [[state] if state else []]
        else:
            code = self._by_code.get(upper)
            levels = [
                [code] if code else [],
                self._by_iso.get(upper, []),
                self._by_name.get(_fold(text), []),
                self._by_cow_abb.get(upper, []),
            ]
        seen: list[State] = []
        for candidates in levels:
            if not candidates:
                continue
            seen.extend(candidates)
            alive = self._alive(candidates, on)
            if len(alive) == 1:
                return alive[0]
            if len(alive) > 1:
                raise AmbiguousStateError(text, [f"{s.code} ({s.name})" for s in alive])
        when = str(on) if on else None
        if seen:
            names = ", ".join(f"{s.code} ({s.name})" for s in dict.fromkeys(seen))
            raise UnknownStateError(text, [], when, f"{names} did not exist then")
        raise UnknownStateError(text, self._suggest(text), when)

    @staticmethod
    def _alive(candidates: list[State], on: dt.date | None) -> list[State]:
        """Candidates existing on ``on``; without a date, prefer those existing today."""
        unique = list(dict.fromkeys(candidates))
        if on is not None:
            return [s for s in unique if s.exists_on(on)]
        if len(unique) > 1:
            today = dt.date.today()
            return [s for s in unique if s.exists_on(today)] or unique
        return unique

    def _suggest(self, text: str) -> list[str]:
        folded = _fold(text)
        names = list(self._by_name) + [c.casefold() for c in self._by_code]
        close = difflib.get_close_matches(folded, names, n=3, cutoff=0.6)
        out: list[str] = []
        for match in close:
            state = self._by_code.get(match.upper()) or self._by_name[match][0]
            label = f"{state.code} ({state.name})"
            if label not in out:
                out.append(label)
        return out
