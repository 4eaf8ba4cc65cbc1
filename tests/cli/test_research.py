"""The research commands as users run them: real processes, exit codes, files, downloads."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="external datasets missing")
FILES = (
    "cow_states2016.csv",
    "gw_states.csv",
    "atop_v4.01_member_level.csv",
    "atop_v4.01_alliance_level.csv",
    "cow_alliance_v4.1_dyadyear_peacesciencer.csv",
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "foedus", *args],
        capture_output=True,
        text=True,
        env={**os.environ},
        check=False,
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder holding copies of the external files (outside the repository)."""
    folder = tmp_path_factory.mktemp("data")
    for name in FILES:
        shutil.copy(SHARED / name, folder / name)
    return folder


def test_dyadyears_to_parquet(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "dyads.parquet"
    done = run(
        "dyadyears",
        "--source",
        "atop",
        "--data-dir",
        str(data_dir),
        "--years",
        "1990-1991",
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    frame = pl.read_parquet(out)
    assert frame.columns == [
        "ccode1",
        "ccode2",
        "year",
        "atop_defense",
        "atop_offense",
        "atop_neutral",
        "atop_nonagg",
        "atop_consul",
    ]
    dictionary = pl.read_csv(out.with_name("dyads.dictionary.csv"))
    assert dictionary["column"].to_list() == frame.columns
    assert "ATOP v4.01" in dictionary["source"][3]


def test_combined_json_with_cow_columns(data_dir: Path) -> None:
    done = run(
        "dyadyears",
        "--source",
        "combined",
        "--data-dir",
        str(data_dir),
        "--years",
        "2000-2000",
        "--undirected",
        "--rule",
        "dec31",
        "--format",
        "json",
        "--limit",
        "3",
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert len(rows) == 3
    assert all(r["ccode1"] < r["ccode2"] for r in rows)
    assert {"atop_defense", "cow_defense", "cow_entente"} <= set(rows[0])


def test_stateyears_dta(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "states.dta"
    done = run(
        "stateyears",
        "--source",
        "atop",
        "--data-dir",
        str(data_dir),
        "--years",
        "2000-2001",
        "--system",
        "gw",
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    assert out.is_file()
    assert out.with_name("states.dictionary.csv").is_file()


def test_sql(data_dir: Path) -> None:
    done = run(
        "sql",
        "SELECT count(*) AS n FROM dyad_years WHERE atop_defense = 1 AND "
        "ccode1 = 2 AND year = 2000",
        "--source",
        "atop",
        "--data-dir",
        str(data_dir),
        "--years",
        "2000-2000",
        "--format",
        "json",
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["n"] > 30


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("dyadyears", "--years", "2016-1816"), "swap them"),
        (("dyadyears", "--source", "nowhere"), "--source 'nowhere'"),
        (("dyadyears", "--source", "atop", "--rule", "someday"), "not a year rule"),
        (("dyadyears", "--source", "atop", "--out", "x.xlsx"), ".csv, .parquet or .dta"),
        (("sql", "SELEC nonsense FROM dyad_years", "--source", "atop"), "SQL:"),
    ],
)
def test_bad_input_exits_2(data_dir: Path, args: tuple[str, ...], message: str) -> None:
    done = run(*args, "--data-dir", str(data_dir))
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_missing_data_says_how_to_fetch(tmp_path: Path) -> None:
    done = run("dyadyears", "--source", "atop", "--data-dir", str(tmp_path))
    assert done.returncode == 2
    assert "foedus data fetch cow-states" in done.stderr


def _server() -> Any:
    path = Path(__file__).parents[1] / "io" / "download" / "server.py"
    spec = importlib.util.spec_from_file_location("server", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_data_fetch_and_list(tmp_path: Path) -> None:
    body = (SHARED / "cow_states2016.csv").read_bytes()
    with _server().serve({"/states2016.csv": body}) as (base, _):
        done = run(
            "data",
            "fetch",
            "cow-states",
            "--url",
            f"{base}/states2016.csv",
            "--data-dir",
            str(tmp_path),
        )
        assert done.returncode == 0, done.stderr
        missing = run(
            "data", "fetch", "nmc", "--url", f"{base}/nope.zip", "--data-dir", str(tmp_path)
        )
    assert missing.returncode == 2
    assert "404" in missing.stderr
    assert "Traceback" not in missing.stderr
    listed = run("data", "list", "--data-dir", str(tmp_path), "--format", "json")
    assert listed.returncode == 0
    (entry,) = json.loads(listed.stdout)
    assert entry["name"] == "cow-states"
    assert entry["files"] == ["states2016.csv"]
    assert run("data", "list", "--data-dir", str(tmp_path / "empty")).returncode == 1
