"""Benchmarks of the foundation, reported as ratios against references measured in the same run.

1. A cold ``foedus obligations`` process vs a bare ``python -c pass`` (interpreter start-up).
2. One ``Snapshot.obligations(from_, to)`` query on a loaded World vs a straightforward scan that
   recomputes every party's interval from the model for every obligation (no compiled index).

Run: ``python benchmarks/run.py`` (prints a table; ``--json`` for machines).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable

from timing import timed

import foedus
from foedus.query.lifecycle import party_interval


def process(*args: str) -> Callable[[], object]:
    return lambda: subprocess.run([sys.executable, *args], capture_output=True, check=False)


def naive_query(world: foedus.World, day: str, debtor: str, creditor: str) -> list[object]:
    """Reference: scan every edge, recompute both parties' intervals each time."""
    d = foedus.to_date(day)
    out = []
    for edge in world.edges:
        if edge.from_ != debtor or edge.to != creditor:
            continue
        t = edge.treaty
        spans = [party_interval(t, p) for p in (t.party(edge.from_), t.party(edge.to)) if p]
        if len(spans) == 2 and all(s is not None and d in s for s in spans):
            out.append(edge)
    return out


def main() -> None:
    cold = timed(
        process(
            "-m",
            "foedus",
            "obligations",
            "--from",
            "RUS",
            "--to",
            "PRK",
            "--on",
            "2024-12-05",
            "--format",
            "json",
        ),
        7,
    )
    bare = timed(process("-c", "pass"), 7)
    world = foedus.load()
    snap = world.on("2024-12-05")
    query = timed(lambda: snap.obligations(from_="RUS", to="PRK"), 2000)
    naive = timed(lambda: naive_query(world, "2024-12-05", "RUS", "PRK"), 200)
    on = timed(lambda: world.on("2024-12-05"), 200)
    rows = {
        "cold_process_s": cold,
        "python_startup_s": bare,
        "cold_process_over_python_startup": cold / bare,
        "query_s": query,
        "naive_scan_s": naive,
        "naive_scan_over_query": naive / query,
        "world_on_s": on,
        "edges": len(world.edges),
    }
    if "--json" in sys.argv:
        print(json.dumps(rows, indent=2))
        return
    for key, value in rows.items():
        print(f"{key:36} {value:.6g}")


if __name__ == "__main__":
    main()
