"""Build research datasets of the corpus world for download (imports polars: load lazily).

The state system is the COW list of the data folder when one is installed (as the CLI uses), else
one made from the registry's periods of existence of every state with a COW number.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import polars as pl

from foedus.api.errors import ApiError
from foedus.datasets import StateSystem, YearRule, dyad_years, state_years
from foedus.errors import FoedusError, InputError
from foedus.query.world import World

__all__ = ["dataset", "registry_system", "state_system"]

_FIRST = dt.date(1816, 1, 1)


def registry_system(world: World) -> StateSystem:
    """A COW-numbered state system from the registry's spells of existence (from 1816)."""
    rows: list[tuple[int, dt.date, dt.date]] = []
    end_of_data = dt.date.today() + dt.timedelta(days=1)
    for state in world.registry:
        if state.cow is None:
            continue
        for spell in state.exists:
            start, end = max(spell.start, _FIRST), min(spell.end, end_of_data)
            if start < end:
                rows.append((state.cow, start, end))
    frame = pl.DataFrame(rows, schema=["code", "start", "end"], orient="row")
    return StateSystem("cow", frame, version="foedus registry")


def state_system(world: World) -> tuple[StateSystem, str]:
    """The COW system of the data folder if installed, else :func:`registry_system`."""
    try:
        from foedus.io.download import data_dir
        from foedus.io.importers.cow import read_cow_states
        from foedus.io.research import find_data

        path = find_data(data_dir(), "cow-states", required=False)
        if path is not None:
            system, _ = read_cow_states(path)
            return system, f"COW State System Membership v{system.version}"
    except (FoedusError, OSError, ImportError):
        pass
    return registry_system(world), "foedus registry (periods of existence of COW states)"


def _rule(text: str) -> YearRule:
    try:
        rule = YearRule.parse(text)
        if rule.month is not None and rule.day is not None:
            dt.date(2000, rule.month, rule.day)
    except (InputError, ValueError):
        raise ApiError.one(
            422,
            ("query", "rule"),
            f"{text!r} is not a year rule",
            "use any-day, dec31 or MM-DD (12-31)",
        ) from None
    return rule


def dataset(
    world: World,
    name: Literal["dyad-years", "state-years"],
    *,
    years: tuple[int, int],
    directed: bool,
    rule: str,
) -> tuple[pl.DataFrame, str]:
    """The dataset ``name`` of ``world`` and the name of the state system used."""
    year_rule = _rule(rule)
    system, described = state_system(world)
    if name == "dyad-years":
        frame = dyad_years(world, system, directed=directed, years=years, rule=year_rule)
    else:
        frame = state_years(world, system, years=years, rule=year_rule)
    return frame, described
