"""Check that the optional research dependencies are installed, with the command that fixes it."""

from __future__ import annotations

import importlib.util

from foedus.errors import FoedusError

__all__ = ["INSTALL", "MissingDependencyError", "require"]

INSTALL = "pip install 'foedus[research]'"


class MissingDependencyError(FoedusError, ImportError):
    """A research feature needs a package that is not installed."""


def require(*modules: str) -> None:
    """Raise :class:`MissingDependencyError` naming the missing modules and the install command.

    >>> require("json")
    """
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise MissingDependencyError(
            f"research data needs {', '.join(missing)}, not installed; run: {INSTALL}"
        )
