"""Small hand-made and random worlds for engine tests."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from foedus.model import Article, Obligation, Party, Source, State, Treaty
from foedus.model.registry import StateRegistry
from foedus.query import World

CODES = ("AAA", "BBB", "CCC", "DDD", "EEE", "FFF")
SOURCE = (Source(id="s", title="test", supports="test"),)


def treaty(
    tid: str, parties: list[str], *obligations: dict[str, Any], signed: str = "1990-01-01"
) -> Treaty:
    """A treaty in force since 1990 between ``parties`` with the given obligations."""
    return Treaty(
        id=tid,
        name=tid,
        signed=signed,
        in_force=signed,
        ratification_required=False,
        parties=tuple(Party(state=p) for p in parties),
        articles=(
            Article(
                number="1",
                says="test",
                obligations=tuple(Obligation.model_validate(o) for o in obligations),
            ),
        ),
        sources=SOURCE,
    )


def world(*treaties: Treaty) -> World:
    return World(StateRegistry(State(code=c, name=c) for c in CODES), treaties)


@st.composite
def random_worlds(draw: st.DrawFn) -> World:
    out = []
    for i in range(draw(st.integers(1, 5))):
        members = draw(st.lists(st.sampled_from(CODES), min_size=2, max_size=3, unique=True))
        obligations = []
        for _ in range(draw(st.integers(1, 2))):
            ob: dict[str, Any] = {
                "kind": draw(st.sampled_from(["defense", "defense", "offense"])),
                "response": {"automatic": draw(st.booleans())},
                "trigger": {
                    "unprovoked_only": draw(st.booleans()),
                    "attacker": {
                        "states": draw(st.lists(st.sampled_from(CODES), max_size=2, unique=True)),
                        "min_attackers": draw(st.integers(1, 2)),
                    },
                },
            }
            if draw(st.booleans()):
                ob["from"] = [members[0]]
                ob["to"] = [members[1]]
            obligations.append(ob)
        out.append(treaty(f"t{i}", members, *obligations, signed=f"199{i}-01-01"))
    return world(*out)


@st.composite
def random_events(draw: st.DrawFn) -> list[dict[str, Any]]:
    a, b = draw(st.lists(st.sampled_from(CODES), min_size=2, max_size=2, unique=True))
    events: list[dict[str, Any]] = [{"attack": {"by": a, "on": b, "date": "2000-01-01"}}]
    if draw(st.booleans()):
        c, d = draw(st.lists(st.sampled_from(CODES), min_size=2, max_size=2, unique=True))
        events.append(
            {
                "attack": {
                    "by": c,
                    "on": d,
                    "date": draw(st.sampled_from(["2000-01-01", "2000-02-01"])),
                }
            }
        )
    if draw(st.booleans()):
        helper = draw(st.sampled_from([c for c in CODES if c not in (a, b)]))
        events.append({"intervene": {"state": helper, "side": b, "date": "2000-01-01"}})
    return events
