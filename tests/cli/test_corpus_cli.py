"""``foedus invocations`` and ``foedus corpus report`` as users run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "foedus", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "160"},
        check=False,
    )


def json_out(*args: str) -> Any:
    done = run(*args, "--format", "json")
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def test_invocations_json_contract() -> None:
    rows = json_out("invocations", "--treaty", "north-atlantic-treaty", "--on", "2001-09-12")
    assert len(rows) == 1
    row = rows[0]
    assert set(row) == {
        "date",
        "treaty",
        "treaty_name",
        "article",
        "by",
        "by_cow",
        "note",
        "sources",
    }
    assert (row["date"], row["treaty"], row["article"]) == (
        "2001-09-12",
        "north-atlantic-treaty",
        "5",
    )
    assert "USA" in row["by"]
    assert row["by_cow"][row["by"].index("USA")] == 2
    assert row["sources"]
    assert all("title" in s for s in row["sources"])


def test_invocations_by_state_and_in_date_order() -> None:
    rows = json_out("invocations", "--state", "USA", "--on", "2026-01-01")
    assert rows
    assert all("USA" in r["by"] for r in rows)
    all_rows = json_out("invocations", "--on", "2026-01-01")
    dates = [r["date"] for r in all_rows]
    assert dates == sorted(dates, key=lambda d: d.ljust(10, "0"))


def test_no_invocation_exits_1() -> None:
    done = run(
        "invocations", "--treaty", "north-atlantic-treaty", "--on", "2001-09-11", "-f", "json"
    )
    assert (done.returncode, json.loads(done.stdout)) == (1, [])


def test_bad_input_exits_2_with_one_line() -> None:
    for args, needle in (
        (("invocations", "--on", "2001-13-01"), "--on"),
        (("invocations", "--treaty", "north-atlantic-treat"), "did you mean"),
        (("invocations", "--state", "Atlantis"), "unknown state"),
        (("corpus", "report", "--on", "yesterday"), "--on"),
    ):
        done = run(*args)
        assert done.returncode == 2, args
        assert needle in done.stderr
        assert "Traceback" not in done.stderr


def test_invocations_table() -> None:
    done = run("invocations", "--on", "2001-09-12")
    assert done.returncode == 0
    assert "north-atlantic-treaty" in done.stdout


def test_corpus_report_json_and_table() -> None:
    data = json_out("corpus", "report", "--on", "2025-01-01")
    assert {
        "treaties",
        "obligations",
        "by_kind",
        "by_region",
        "by_era",
        "in_force",
        "signed_only",
        "unsourced",
        "uncertain",
        "latest_fact",
        "invocations",
    } <= set(data)
    assert data["unsourced"] == []
    assert sum(v["treaties"] for v in data["by_region"].values()) == data["treaties"]
    assert set(data["by_era"]) >= {"before 1914", "1914–1945", "1946–1991", "1992 on"}
    assert "north-atlantic-treaty" in data["in_force"]
    assert data["latest_fact"]["date"]
    done = run("corpus", "report")
    assert done.returncode == 0
    assert "By kind" in done.stdout
    assert "By region" in done.stdout
