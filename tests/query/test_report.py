"""The corpus report: counts by kind, region and era; sourcing; uncertain treaties (item 5)."""

from __future__ import annotations

import pytest

import foedus
from foedus.model.source import Source
from foedus.model.treaty import Invocation, Party, Treaty
from foedus.query.report import (
    MULTI_REGIONAL,
    corpus_report,
    era_of,
    region_of,
)
from foedus.query.world import World


@pytest.mark.parametrize(
    ("cow", "region"),
    [
        (2, "Americas"),
        (165, "Americas"),
        (200, "Europe"),
        (399, "Europe"),
        (402, "Africa"),
        (626, "Africa"),
        (630, "Middle East"),
        (698, "Middle East"),
        (700, "Asia & Oceania"),
        (990, "Asia & Oceania"),
        (199, "unclassified"),
        (None, "unclassified"),
    ],
)
def test_cow_regions(cow: int | None, region: str) -> None:
    assert region_of(cow) == region


def test_bundled_corpus_report(world: foedus.World) -> None:
    report = corpus_report(world, on="2025-01-01")
    assert report.treaties == len(world.treaties)
    assert sum(t.treaties for t in report.by_region.values()) == report.treaties
    assert sum(t.treaties for t in report.by_era.values()) == report.treaties
    assert report.by_kind["defense"].treaties >= 1
    assert report.obligations == sum(
        len(a.obligations) for t in world.treaties.values() for a in t.articles
    )
    assert report.unsourced == ()  # the bundled corpus validates, so every fact has a source
    assert "north-atlantic-treaty" in report.in_force
    assert "north-atlantic-treaty" not in report.signed_only
    assert report.by_region[MULTI_REGIONAL].treaties >= 1  # NATO spans the Americas and Europe
    assert report.invocations >= 1
    assert report.latest is not None
    every = [
        d.first_day
        for t in world.treaties.values()
        for d in (t.signed, t.in_force, *(i.date for i in t.invocations))
        if d is not None
    ]
    assert report.latest.date.first_day >= max(every)
    uncertain = {u.treaty: u for u in report.uncertain}
    assert set(uncertain) == {t.id for t in world.treaties.values() if t.uncertain}
    assert all(u.lines and all("\n" not in line for line in u.lines) for u in uncertain.values())


def _world(*treaties: Treaty) -> World:
    return World(foedus.load().registry, treaties)


def test_unsourced_facts_and_signed_only_are_listed() -> None:
    treaty = Treaty(
        id="test-pact",
        name="Test pact",
        signed="1950-01-01",
        dates_sources=("nowhere",),  # cites a source the file does not define
        parties=(
            Party(state="USA", signed="1950-01-01"),
            Party(state="CAN", signed="1950-01-01", sources=("s",)),
        ),
        invocations=(Invocation(date="1951-05", article="1", by=("USA",), note="test"),),
        sources=(Source(id="s", title="A source", supports="CAN"),),
    )
    report = corpus_report(_world(treaty), on="2000-01-01")
    found = {f.what for f in report.unsourced}
    assert found == {
        "dates (signed / in_force)",
        "party USA",
        "invocation of article 1 on 1951-05",
    }
    assert report.signed_only == ("test-pact",)
    assert report.in_force == ()
    assert era_of(treaty) == "1946–1991"
    assert report.by_region["Americas"].treaties == 1
    assert report.latest is not None
    assert (str(report.latest.date), report.latest.what) == ("1951-05", "invocations[0].date")
