"""Read scenario files and reliability parameter files, with located, actionable problems."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path

from foedus.engine.reliability import ReliabilityModel
from foedus.engine.scenario import AddTreaty, Attack, EndTreaty, Intervene, Scenario, WithoutParty
from foedus.errors import (
    AmbiguousStateError,
    CorpusError,
    InputError,
    Problem,
    UnknownStateError,
    UnknownTreatyError,
)
from foedus.io.corpus import BUNDLED, read_treaty
from foedus.io.schema_problems import parse_model
from foedus.io.yaml_positions import Positions, load_yaml
from foedus.model.treaty import Treaty
from foedus.query.world import World

__all__ = [
    "BUNDLED_SCENARIOS",
    "DEFAULT_RELIABILITY",
    "LoadedScenario",
    "find_scenario",
    "load_reliability",
    "load_scenario",
]

BUNDLED_SCENARIOS = BUNDLED / "scenarios"
DEFAULT_RELIABILITY = BUNDLED / "reliability.yaml"


class LoadedScenario:
    """A validated scenario with the treaties its ``add`` edits bring in."""

    def __init__(self, scenario: Scenario, added: dict[str, Treaty], path: Path | None):
        self.scenario = scenario
        self.added = added
        self.path = path


def find_scenario(name: str) -> Path:
    """A scenario file path, or the bundled scenario of that name (``july-1914``)."""
    path = Path(name)
    if path.is_file():
        return path
    bundled = BUNDLED_SCENARIOS / f"{name.removesuffix('.yaml')}.yaml"
    if bundled.is_file():
        return bundled
    names = ", ".join(sorted(p.stem for p in BUNDLED_SCENARIOS.glob("*.yaml")))
    raise InputError(f"no scenario file {name!r}; give a path or a bundled name ({names})")


def load_scenario(path: Path, world: World) -> LoadedScenario:
    """Parse and check a scenario file against ``world``; raises :class:`CorpusError`."""
    located = load_yaml(path)
    if located.problems:
        raise CorpusError(located.problems)
    scenario, problems = parse_model(Scenario, located.data, located.positions)
    if scenario is None:
        raise CorpusError(problems)
    added: dict[str, Treaty] = {}
    for i, edit in enumerate(scenario.edits):
        if isinstance(edit, AddTreaty):
            file = (path.parent / edit.file).resolve()
            if not file.is_file():
                problems.append(
                    located.positions.problem(
                        ("edits", i), f"treaty file {edit.file!r} not found", "check the path"
                    )
                )
                continue
            doc, found = read_treaty(file)
            problems += found
            if doc is not None:
                added[edit.file] = doc.treaty
    problems += check_scenario(scenario, world, located.positions)
    if problems:
        raise CorpusError(problems)
    return LoadedScenario(scenario, added, path)


def _at(pos: Positions, item: tuple[Hashable, ...], tag: str, name: str) -> tuple[Hashable, ...]:
    """Path of field ``name`` of a list item, written as ``{tag: {name: …}}`` or flat."""
    nested = (*item, tag, name)
    return nested if nested in pos.where else (*item, name)


def check_scenario(scenario: Scenario, world: World, pos: Positions) -> list[Problem]:
    """Meaning checks: states resolve on the date, no self-attack, interventions join a war,
    edits name known treaties."""
    problems: list[Problem] = []
    day = scenario.day
    at_war: set[str] = set()

    def state(path: tuple[Hashable, ...], name: str) -> str | None:
        when = day
        try:
            return world.resolve(name, when).code
        except UnknownStateError as exc:
            problems.append(
                pos.problem(
                    path,
                    str(exc).split(" (`foedus")[0],
                    "use a state that existed on the scenario's date"
                    if "did not exist" in str(exc)
                    else "name a state by ISO code, COW number or name",
                )
            )
        except AmbiguousStateError as exc:
            problems.append(pos.problem(path, str(exc), "use a code"))
        return None

    base = scenario.day
    in_date_order = sorted(
        enumerate(scenario.events),
        key=lambda item: ((item[1].date.first_day if item[1].date else base), item[0]),
    )
    for i, event in in_date_order:
        here = ("events", i)
        if isinstance(event, Attack):
            a = state(_at(pos, here, "attack", "by"), event.by)
            b = state(_at(pos, here, "attack", "on"), event.on)
            if a is not None and a == b:
                problems.append(
                    pos.problem(
                        _at(pos, here, "attack", "on"),
                        f"{a} attacks itself",
                        "name two different states",
                    )
                )
            if event.at is not None and event.at not in world.areas:
                state(_at(pos, here, "attack", "at"), event.at)
            at_war.update(x for x in (a, b) if x)
        elif isinstance(event, Intervene):
            a = state(_at(pos, here, "intervene", "state"), event.state)
            b = state(_at(pos, here, "intervene", "side"), event.side)
            if a is not None and a == b:
                problems.append(
                    pos.problem(
                        _at(pos, here, "intervene", "side"),
                        f"{a} intervenes on its own side",
                        "name the state it supports",
                    )
                )
            elif b is not None and b not in at_war:
                problems.append(
                    pos.problem(
                        _at(pos, here, "intervene", "side"),
                        f"{b} is not at war at this point",
                        "date the intervention on or after an attack involving it",
                    )
                )
            if a:
                at_war.add(a)
    for i, edit in enumerate(scenario.edits):
        if isinstance(edit, WithoutParty | EndTreaty):
            here = ("edits", i)
            try:
                treaty = world.treaty(edit.treaty)
            except UnknownTreatyError as exc:
                problems.append(
                    pos.problem(
                        _at(pos, here, edit.type, "treaty"),
                        str(exc).split(" (`")[0],
                        "use an id from `foedus treaties`",
                    )
                )
                continue
            if isinstance(edit, WithoutParty):
                code = state(_at(pos, here, edit.type, "state"), edit.state)
                if code is not None and treaty.party(code) is None:
                    problems.append(
                        pos.problem(
                            _at(pos, here, edit.type, "state"),
                            f"{code} is not a party to {treaty.id}",
                            "name one of its parties",
                        )
                    )
    return problems


def load_reliability(path: Path | None = None) -> ReliabilityModel:
    """The reliability parameters (bundled defaults unless ``path`` is given)."""
    located = load_yaml(path or DEFAULT_RELIABILITY)
    if located.problems:
        raise CorpusError(located.problems)
    model, problems = parse_model(ReliabilityModel, located.data, located.positions)
    if model is None:
        raise CorpusError(problems)
    return model
