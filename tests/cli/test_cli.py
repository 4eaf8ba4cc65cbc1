"""The command line as users run it: a real process, its output and its exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

INVALID = Path(__file__).parents[1] / "io" / "invalid"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "foedus", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def json_out(*args: str) -> Any:
    done = run(*args, "--format", "json")
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def test_obligations_json_contract() -> None:
    rows = json_out("obligations", "--from", "RUS", "--to", "PRK", "--on", "2024-12-05")
    defense = [r for r in rows if r["kind"] == "defense"]
    assert len(defense) == 1
    row = defense[0]
    assert {
        "treaty",
        "treaty_name",
        "signed",
        "article",
        "kind",
        "from",
        "to",
        "from_cow",
        "to_cow",
        "automatic",
        "conditions",
        "sources",
    } <= set(row)
    assert (row["treaty"], row["article"], row["signed"]) == ("rus-prk-2024-csp", "4", "2024-06-19")
    assert (row["from"], row["to"], row["from_cow"], row["to_cow"]) == ("RUS", "PRK", 365, 731)
    assert row["automatic"] is True
    assert row["sources"]
    assert all("title" in s for s in row["sources"])


def test_no_result_exits_1() -> None:
    done = run(
        "obligations",
        "--from",
        "RUS",
        "--to",
        "PRK",
        "--kind",
        "defense",
        "--on",
        "2024-11-15",
        "--format",
        "json",
    )
    assert (done.returncode, json.loads(done.stdout)) == (1, [])


def test_names_resolve_and_unknown_names_get_suggestions() -> None:
    rows = json_out(
        "obligations", "--from", "Russia", "--to", "DPRK", "--kind", "defense", "--on", "2024-12-05"
    )
    assert [r["to"] for r in rows] == ["PRK"]
    done = run("obligations", "--from", "Rusia", "--on", "2024-12-05")
    assert done.returncode == 2
    assert "did you mean" in done.stderr
    assert "RUS" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("obligations", "--on", "2024-13-01"), "--on"),
        (("obligations", "--kind", "defence"), "--kind"),
        (("changes", "--from", "2025-01-01", "--to", "2024-01-01"), "swap"),
        (("treaty", "show", "rus-prk-2042"), "did you mean"),
    ],
)
def test_bad_input_exits_2_with_one_line(args: tuple[str, ...], needle: str) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert needle in done.stderr
    assert "Traceback" not in done.stderr


def test_treaties_on_a_date() -> None:
    rows = json_out("treaties", "--state", "PRK", "--on", "2024-11-15")
    csp = next(r for r in rows if r["id"] == "rus-prk-2024-csp")
    assert csp["in_force"] is False
    assert {p["state"]: p["status"] for p in csp["parties"]} == {
        "RUS": "ratified",
        "PRK": "ratified",
    }
    assert all({"state", "cow", "status"} <= set(p) for p in csp["parties"])


def test_changes() -> None:
    rows = json_out("changes", "--from", "2024-01-01", "--to", "2025-01-01")
    seen = {(r["treaty"], r["state"], r["kind"]) for r in rows}
    assert ("north-atlantic-treaty", "SWE", "accession") in seen
    assert ("rus-prk-2024-csp", "PRK", "entry_into_force") in seen
    assert ("rus-prk-2000-friendship", "RUS", "replaced") in seen


def test_validate_reports_every_problem_and_exits_2() -> None:
    done = run("validate", str(INVALID))
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if ".yaml:" in line]
    assert len(lines) == len(list(INVALID.glob("*.yaml")))
    assert all(" — " in line for line in lines)
    assert run("validate").returncode == 0


def test_schema_and_treaty_show() -> None:
    schema = json.loads(run("schema").stdout)
    assert {"id", "parties", "articles", "sources"} <= set(schema["properties"])
    shown = json_out("treaty", "show", "rus-prk-2024-csp")
    assert shown["bound"]["RUS"]["from"] == "2024-12-04"
    assert "4" in [a["number"] for a in shown["articles"]]


def test_user_corpus_overlays_the_bundled_one(tmp_path: Path) -> None:
    text = (INVALID / "unknown-state.yaml").read_text().replace("XYZ", "CHE")
    (tmp_path / "mine.yaml").write_text(text)
    args = ("obligations", "--from", "USA", "--to", "CHE", "--on", "2001-01-01", "--format", "json")
    assert run(*args).returncode == 1
    by_option = run("--corpus", str(tmp_path), *args)
    by_env = run(*args, env={"FOEDUS_CORPUS": str(tmp_path)})
    for done in (by_option, by_env):
        assert done.returncode == 0, done.stderr
        assert [r["treaty"] for r in json.loads(done.stdout)] == ["test-unknown-state"]
