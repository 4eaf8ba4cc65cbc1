"""`foedus sweep`: every ordered pair, deterministic and Monte Carlo, to JSON and CSV."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "foedus", "sweep", *args],
        capture_output=True,
        text=True,
        check=False,
    )


#: Every ordered pair of three states on one day, 300 draws, seed 2, as JSON.
PAIRS_2025 = (
    "--on", "2025-06-01", "--states", "PRK,KOR,USA", "--runs", "300", "--seed", "2",
    "--format", "json",
)  # fmt: skip


def test_sweep_pairs_json_and_csv(tmp_path: Path) -> None:
    out = tmp_path / "sweep.csv"
    done = run(*PAIRS_2025, "--out", str(out))
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert len(rows) == 6
    kor_prk = next(r for r in rows if (r["attacker"], r["target"]) == ("KOR", "PRK"))
    assert set(kor_prk["joiners"]) == {"CHN", "RUS"}  # automatic: 1961 and 2024 treaties
    assert kor_prk["p_spread"] > 0.3
    assert 2 <= kor_prk["mean_belligerents"] <= 4
    with out.open() as fh:
        assert len(list(csv.DictReader(fh))) == 6
    again = json.loads(run(*PAIRS_2025).stdout)
    assert again == rows


def test_sweep_bad_input() -> None:
    assert run("--on", "2025-13-01").returncode == 2
    done = run("--on", "2025-06-01", "--states", "PRK")
    assert done.returncode == 2
    assert "at least two" in done.stderr


def test_sweep_over_years_is_resumable(tmp_path: Path) -> None:
    args = (
        "--years",
        "1913-1914",
        "--day",
        "07-28",
        "--states",
        "AUH,SRB,RUS,DEU,FRA",
        "--out-dir",
        str(tmp_path),
    )
    first = run(*args)
    assert first.returncode == 0, first.stderr
    files = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert files == ["sweep-1913-07-28.csv", "sweep-1914-07-28.csv"]
    with (tmp_path / "sweep-1914-07-28.csv").open() as fh:
        rows = {(r["attacker"], r["target"]): r for r in csv.DictReader(fh)}
    # Russia attacking unprovoked: the Dual and Triple Alliances, Romania 1883, then France
    assert rows[("RUS", "AUH")]["joiners"] == "DEU FRA ITA ROU"
    assert rows[("AUH", "SRB")]["joiners"] == ""  # no treaty brings Russia in: it intervened
    (tmp_path / "sweep-1914-07-28.csv").unlink()
    again = run(*args)
    assert "swept 1 year(s)" in again.stdout
    assert "1 already there" in again.stdout


def test_sweep_needs_a_date_or_years() -> None:
    assert run().returncode == 2
    assert run("--years", "1913-1914").returncode == 2  # no --out-dir
