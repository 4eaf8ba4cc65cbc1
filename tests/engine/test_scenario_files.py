"""Scenario files: bad ones fail with one located message each (exit 2 from the CLI); edits
change the world as they say; the JSON contract of `foedus scenario`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import foedus
from foedus.engine import Attack, EndTreaty, Scenario, WithoutParty, prepare, resolve
from foedus.engine.cascade import run_cascade
from foedus.errors import CorpusError
from foedus.io.scenarios import load_scenario

BAD = sorted((Path(__file__).parent / "bad").glob("*.yaml"))


def foedus_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "foedus", *args], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_scenario_gives_a_located_message(world: foedus.World, path: Path) -> None:
    match = re.match(r"# expect: (\d+:\d+): (.*)$", path.read_text().splitlines()[0])
    assert match
    with pytest.raises(CorpusError) as err:
        load_scenario(path, world)
    problems = err.value.problems
    assert len(problems) == 1, problems
    assert f"{problems[0].line}:{problems[0].column}" == match[1], str(problems[0])
    assert match[2] in str(problems[0])


@pytest.mark.parametrize("path", BAD[:2], ids=[p.stem for p in BAD[:2]])
def test_bad_scenario_exits_2_from_the_cli(path: Path) -> None:
    done = foedus_cli("scenario", str(path))
    assert done.returncode == 2
    assert f"{path.name}:" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("runs", ["0", "-5"])
def test_runs_must_be_positive_in_the_cli(runs: str) -> None:
    done = foedus_cli("scenario", "july-1914", "--runs", runs)
    assert done.returncode == 2
    assert "--runs" in done.stderr


def test_unknown_scenario_name() -> None:
    done = foedus_cli("scenario", "july-1915")
    assert done.returncode == 2
    assert "july-1914" in done.stderr


def test_json_contract_with_monte_carlo() -> None:
    done = foedus_cli(
        "scenario",
        "korea-north-attacks-south-2025",
        "--runs",
        "2000",
        "--seed",
        "3",
        "--format",
        "json",
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert {"sides", "entries", "not_triggered", "torn", "p_join", "belligerents"} <= set(out)
    assert len(out["sides"]) == 2
    russia = next(e for e in out["entries"] if e["state"] == "RUS")
    assert {"state", "side", "step", "because"} <= set(russia)
    assert {"treaty", "article", "kind", "protected", "attacker"} <= set(russia["because"][0])
    assert russia["because"][0]["treaty"] == "rus-prk-2024-csp"
    assert 0 < out["p_join"]["USA"] < 1
    assert abs(sum(out["belligerents"].values()) - 1) < 1e-9
    again = json.loads(
        foedus_cli(
            "scenario",
            "korea-north-attacks-south-2025",
            "--runs",
            "2000",
            "--seed",
            "3",
            "--format",
            "json",
        ).stdout
    )
    assert again["p_join"] == out["p_join"]


def _nato_for_sweden(war: object) -> set[str]:
    """States that entered under NATO Article 5 to defend Sweden."""
    return {
        e.state
        for e in war.entries  # type: ignore[attr-defined]
        for r in e.because
        if r.treaty == "north-atlantic-treaty" and r.protected == "SWE"
    }


def test_edits_change_the_world(world: foedus.World) -> None:
    attack = Scenario(date="2025-06-01", events=[Attack(by="RUS", on="SWE")], discretionary=True)
    assert "USA" in _nato_for_sweden(resolve(world, attack))
    without = attack.model_copy(
        update={"edits": (WithoutParty(state="SWE", treaty="north-atlantic-treaty"),)}
    )
    assert _nato_for_sweden(resolve(world, without)) == set()
    ended = attack.model_copy(
        update={"edits": (EndTreaty(treaty="north-atlantic-treaty", date="2025-01-01"),)}
    )
    war = resolve(world, ended)
    assert not any(r.treaty == "north-atlantic-treaty" for e in war.entries for r in e.because)
    # the world itself is unchanged by a scenario's edits
    assert "USA" in _nato_for_sweden(run_cascade(prepare(world, attack), discretionary=True))


def test_a_scenario_can_add_a_treaty_file(world: foedus.World, tmp_path: Path) -> None:
    """`edits: [add: FILE]` brings a user's treaty into the scenario's world only."""
    treaty = (Path(__file__).parents[1] / "io" / "invalid" / "unknown-state.yaml").read_text()
    treaty = (
        treaty.replace("XYZ", "MEX")
        .replace("2000-", "2020-")
        .replace("test-unknown-state", "usa-mex-pact")
    )
    (tmp_path / "pact.yaml").write_text(treaty)
    (tmp_path / "war.yaml").write_text(
        "date: 2025-06-01\n"
        "discretionary: true\n"
        "events:\n  - attack: {by: Cuba, on: Mexico}\n"
        "edits:\n  - add: pact.yaml\n"
    )
    loaded = load_scenario(tmp_path / "war.yaml", world)
    war = resolve(world, loaded.scenario, added=loaded.added)
    usa = next(e for e in war.entries if e.state == "USA")
    assert any(r.treaty == "usa-mex-pact" for r in usa.because)
    assert "usa-mex-pact" not in world.treaties
