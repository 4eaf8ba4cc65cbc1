"""Every error foedus raises on purpose derives from :class:`FoedusError`.

::

    FoedusError
    ├── CorpusError            treaty or registry files that do not validate (carries Problems)
    ├── UnknownStateError      a state name that does not resolve (suggests close names)
    ├── AmbiguousStateError    a name that means several states on that date
    ├── UnknownTreatyError     a treaty id that is not in the world
    └── InputError             any other bad argument (dates, options)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "AmbiguousStateError",
    "CorpusError",
    "FoedusError",
    "InputError",
    "Problem",
    "UnknownStateError",
    "UnknownTreatyError",
]


class FoedusError(Exception):
    """Root of foedus's exceptions; the message says what is wrong and how to fix it."""


class InputError(FoedusError, ValueError):
    """A bad argument: a date that does not parse, an option out of range."""


class UnknownStateError(FoedusError, LookupError):
    """A state name, code or number that the registry does not know."""

    def __init__(
        self,
        name: str,
        suggestions: Sequence[str] = (),
        when: str | None = None,
        reason: str | None = None,
    ):
        self.name = name
        self.suggestions = tuple(suggestions)
        on = f" on {when}" if when else ""
        why = f" ({reason})" if reason else ""
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown state {name!r}{on}{why}{hint} (`foedus states` lists them all)")


class AmbiguousStateError(FoedusError, LookupError):
    """A name that fits several states at once; a date or a COW number disambiguates."""

    def __init__(self, name: str, candidates: Sequence[str]):
        self.name = name
        self.candidates = tuple(candidates)
        super().__init__(
            f"{name!r} may mean {', '.join(candidates)}; give a date or use the code instead"
        )


class UnknownTreatyError(FoedusError, LookupError):
    """A treaty id that is not in the loaded world."""

    def __init__(self, treaty_id: str, suggestions: Sequence[str] = ()):
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown treaty {treaty_id!r}{hint} (`foedus treaties` lists them)")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a file, where it is, and how to fix it."""

    file: str
    line: int
    column: int
    message: str
    fix: str = ""

    def __str__(self) -> str:
        fix = f" — {self.fix}" if self.fix else ""
        return f"{self.file}:{self.line}:{self.column}: {self.message}{fix}"


class CorpusError(FoedusError):
    """Files that do not validate; ``problems`` lists every problem found in one pass."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} found:\n{lines}")
