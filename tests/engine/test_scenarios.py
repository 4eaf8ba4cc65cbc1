"""YAML scenario tests: "A attacks B on D → these join, for these reasons" (see scenarios/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import foedus
from foedus.engine import prepare, run_cascade
from foedus.io.scenarios import find_scenario, load_scenario

CASES = sorted((Path(__file__).parent / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_scenario(world: foedus.World, path: Path) -> None:
    case: dict[str, Any] = yaml.safe_load(path.read_text())
    loaded = load_scenario(find_scenario(case["scenario"]), world)
    flag = case.get("discretionary", loaded.scenario.discretionary)
    war = run_cascade(prepare(world, loaded.scenario), discretionary=flag)
    entries = {e.state: e for e in war.entries}
    for state, want in case.get("joins", {}).items():
        assert state in entries, f"{state} should join; entries: {list(entries)}"
        entry = entries[state]
        assert entry.side == want["side"]
        got = {f"{r.treaty} {r.article}" for r in entry.because if r.treaty}
        assert set(want["because"]) <= got, got
        if "automatic" in want:
            assert all(r.automatic == want["automatic"] for r in entry.because if r.treaty)
    for state in case.get("stay_out", []):
        assert state not in entries, f"{state} should stay out: {entries[state].because}"
    for state, reason in case.get("not_triggered", {}).items():
        reasons = [n.reason for n in war.not_triggered if n.state == state]
        assert any(reason in r for r in reasons), f"{state}: {reasons}"
    expected = {e.state for e in war.expected}
    assert set(case.get("expected", [])) <= expected, expected
