"""Data-driven checks of dated obligations on the bundled corpus (see cases.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import foedus

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text())


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['date']}:{c['from']}->{c['to']}:{c['kind']}" for c in CASES]
)
def test_case(world: foedus.World, case: dict[str, Any]) -> None:
    snap = world.on(case["date"])
    found = snap.obligations(from_=case["from"], to=case["to"], kind=case["kind"])
    assert sorted({f"{e.treaty.id} {e.article.number}" for e in found}) == sorted(case["expect"])


def test_changes_in_2024(world: foedus.World) -> None:
    found = {
        (c.treaty, c.state, c.kind, str(c.date)) for c in world.changes("2024-01-01", "2025-01-01")
    }
    assert ("north-atlantic-treaty", "SWE", "accession", "2024-03-07") in found
    assert ("rus-prk-2024-csp", "RUS", "entry_into_force", "2024-12-04") in found
    assert ("rus-prk-2024-csp", "PRK", "entry_into_force", "2024-12-04") in found
    assert ("rus-prk-2000-friendship", "RUS", "replaced", "2024-12-04") in found
    assert ("rus-prk-2000-friendship", "PRK", "replaced", "2024-12-04") in found


def test_defenders_and_commitments(world: foedus.World) -> None:
    snap = world.on("2025-01-01")
    defenders = {e.from_ for e in snap.defenders_of("Japan")}
    assert defenders == {"USA"}
    assert {e.to for e in snap.commitments_of("North Korea", kind="defense")} >= {"RUS", "CHN"}


def test_treaty_status_per_party(world: foedus.World) -> None:
    status = {s.treaty.id: s for s in world.on("2024-11-15").treaties(state="PRK")}
    csp = status["rus-prk-2024-csp"]
    assert not csp.in_force
    assert {p.party.state: p.status for p in csp.parties} == {"RUS": "ratified", "PRK": "ratified"}
    assert status["rus-prk-2000-friendship"].in_force


def test_the_bundled_corpus_validates_clean() -> None:
    from foedus.io.corpus import BUNDLED, read_corpus

    assert read_corpus([BUNDLED]).problems == []


def test_a_treaty_does_not_bind_a_state_that_is_gone(world: foedus.World) -> None:
    """Austria-Hungary ended on 1918-11-12; the Dual Alliance cannot bind it after."""
    before = world.on("1918-11-11").obligations(from_="DEU", treaty="dual-alliance-1879")
    after = world.on("1918-11-12").obligations(from_="DEU", treaty="dual-alliance-1879")
    assert {e.to for e in before} == {"AUH"}
    assert after == []


def test_a_treaty_binds_no_one_before_signature(world: foedus.World) -> None:
    """The Dual Alliance's entry into force is known only to the year (1879)."""
    spans = [world.spans[("dual-alliance-1879", s)] for s in ("DEU", "AUH")]
    assert all(str(span.start) == "1879-10-07" for span in spans)


def test_a_treaty_lapses_when_one_party_is_left(world: foedus.World) -> None:
    """After Austria-Hungary ceased to exist, Germany is bound to no one by the Dual Alliance."""
    statuses = {s.treaty.id: s for s in world.on("1920-01-01").treaties(state="DEU")}
    dual = statuses["dual-alliance-1879"]
    assert not dual.in_force
    assert {p.party.state: p.status for p in dual.parties} == {"AUH": "ended", "DEU": "ended"}
    kinds = {
        (c.state, c.kind)
        for c in world.changes("1918-11-01", "1918-11-30")
        if c.treaty == "dual-alliance-1879"
    }
    assert kinds == {("AUH", "state_ceased"), ("DEU", "lapsed")}


def test_a_suspension_towards_one_party(world: foedus.World) -> None:
    """ANZUS: the US and New Zealand suspended their obligations to each other, not to Australia."""
    anzus = next(
        s for s in world.on("2026-01-01").treaties(state="NZL") if s.treaty.id == "anzus-1951"
    )
    assert {p.party.state: p.status for p in anzus.parties} == {
        "AUS": "in_force",
        "NZL": "partly_suspended",
        "USA": "partly_suspended",
    }
    assert world.on("2026-01-01").obligations(from_="USA", to="AUS", treaty="anzus-1951")
    assert not world.on("2026-01-01").obligations(from_="USA", to="NZL", treaty="anzus-1951")
