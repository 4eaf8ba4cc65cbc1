"""What-if edits to a world: drop a party, end a treaty, add a treaty (pure functions)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from foedus.engine.scenario import AddTreaty, Edit, EndTreaty, WithoutParty
from foedus.model.dates import PartialDate
from foedus.model.treaty import Treaty, TreatyEnd
from foedus.query.world import World

__all__ = ["apply_edits"]


def _without(treaty: Treaty, code: str) -> Treaty:
    articles = tuple(
        article.model_copy(
            update={
                "obligations": tuple(
                    o.model_copy(
                        update={
                            "from_": tuple(c for c in o.from_ if c != code),
                            "to": tuple(c for c in o.to if c != code),
                        }
                    )
                    for o in article.obligations
                    if not ((o.from_ and o.from_ == (code,)) or (o.to and o.to == (code,)))
                )
            }
        )
        for article in treaty.articles
    )
    parties = tuple(p for p in treaty.parties if p.state != code)
    return treaty.model_copy(update={"parties": parties, "articles": articles})


def _end(treaty: Treaty, day: dt.date) -> Treaty:
    end = TreatyEnd(date=PartialDate.parse(day), how="terminated", note="scenario edit")
    if treaty.ended is not None and treaty.ended.date.first_day <= day:
        return treaty
    return treaty.model_copy(update={"ended": end})


def apply_edits(
    world: World,
    edits: Sequence[Edit],
    day: dt.date,
    added: Mapping[str, Treaty] | None = None,
) -> World:
    """A new world with ``edits`` applied; ``added`` maps AddTreaty file names to treaties."""
    if not edits:
        return world
    treaties = dict(world.treaties)
    for edit in edits:
        if isinstance(edit, WithoutParty):
            code = world.resolve(edit.state, day).code
            treaties[edit.treaty] = _without(world.treaty(edit.treaty), code)
        elif isinstance(edit, EndTreaty):
            when = edit.date.first_day if edit.date else day
            treaties[edit.treaty] = _end(world.treaty(edit.treaty), when)
        elif isinstance(edit, AddTreaty):
            treaty = (added or {})[edit.file]
            treaties[treaty.id] = treaty
    return World(world.registry, treaties.values(), world.areas.values())
