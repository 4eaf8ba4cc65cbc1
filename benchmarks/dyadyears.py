"""Benchmark: directed dyad-years 1816–2016 with the five ATOP flags, from an imported World.

Reports the time of :func:`foedus.datasets.dyad_years` as a ratio against a straightforward
reference run in the same process (pandas and Python loops over states, edges and years), after
checking that both give the identical frame; plus the absolute figures and, for scale, the
peacesciencer median quoted in issue 5 (about 1.7 s for ``create_dyadyears(directed = TRUE)`` +
``add_atop_alliance()`` over 1816–2025 in R on the same machine — not measured here).

Run: ``python benchmarks/dyadyears.py`` (needs ../shared/data; ``--json`` for machines).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

import pandas as pd
import polars as pl
from timing import timed

from foedus.datasets import ATOP_FLAGS, StateSystem, dyad_years
from foedus.io.corpus import bundled_registry
from foedus.io.importers.atop import AtopFiles, read_atop
from foedus.io.importers.cow import extend_registry, read_cow_states, registry_states
from foedus.query.world import World

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
PEACESCIENCER_MEDIAN = 1.7
YEARS = (1816, 2016)


def reference(world: World, system: StateSystem) -> pd.DataFrame:
    """The same output the plain way: Python sets of dyad-years, then a pandas frame."""
    lo, hi = YEARS
    spells = list(system.spells.iter_rows())
    universe: set[tuple[int, int, int]] = set()
    for a, sa, ea in spells:
        for b, sb, eb in spells:
            s, e = max(sa, sb), min(ea, eb)
            if a != b and s < e:
                last = (e - dt.timedelta(days=1)).year
                universe.update((a, b, y) for y in range(max(s.year, lo), min(last, hi) + 1))
    column = {kind.value: name for name, kind in ATOP_FLAGS.items()}
    cow = {s.code: s.cow for s in world.registry if s.cow is not None}
    flags: dict[tuple[int, int, int], set[str]] = {}
    for edge in world.edges:
        if edge.kind.value not in column:
            continue
        t = edge.treaty.id
        one, two = world.spans.get((t, edge.from_)), world.spans.get((t, edge.to))
        if one is None or two is None:
            continue
        pieces = [(max(one.start, two.start), min(one.end, two.end))]
        for item in world.suspensions:
            if item.treaty != t:
                continue
            if {edge.from_, edge.to} & {item.state} and (
                not item.towards or {edge.from_, edge.to} & set(item.towards)
            ):
                cut = []
                for s, e in pieces:
                    if item.interval.end <= s or item.interval.start >= e:
                        cut.append((s, e))
                        continue
                    if s < item.interval.start:
                        cut.append((s, item.interval.start))
                    if item.interval.end < e:
                        cut.append((item.interval.end, e))
                pieces = cut
        for s, e in pieces:
            if s >= e:
                continue
            last = (e - dt.timedelta(days=1)).year
            for y in range(max(s.year, lo), min(last, hi) + 1):
                flags.setdefault((cow[edge.from_], cow[edge.to], y), set()).add(
                    column[edge.kind.value]
                )
    rows = sorted(universe)
    frame = pd.DataFrame(rows, columns=["ccode1", "ccode2", "year"])
    for name in ATOP_FLAGS:
        frame[name] = [int(name in flags.get(r, ())) for r in rows]
    return frame


def main() -> None:
    if not DATA.is_dir():
        sys.exit(f"external datasets not found at {DATA}")
    system, raw = read_cow_states(DATA / "cow_states2016.csv")
    registry = extend_registry(bundled_registry(), registry_states(raw))
    files = AtopFiles(DATA / "atop_v4.01_member_level.csv", DATA / "atop_v4.01_alliance_level.csv")
    world = World(registry, read_atop(files, registry).treaties)

    t0 = time.perf_counter()
    ours = dyad_years(world, system, years=YEARS)  # first call compiles the obligation edges
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    ref = reference(world, system)
    ref_time = time.perf_counter() - t0
    expected = pl.from_pandas(ref).cast(ours.schema)
    assert ours.equals(expected), "dyad_years differs from the reference"
    warm = timed(lambda: dyad_years(world, system, years=YEARS), repeat=7)
    result = {
        "rows": ours.height,
        "foedus_seconds": round(warm, 4),
        "foedus_first_call_seconds": round(cold, 4),
        "reference_seconds": round(ref_time, 3),
        "speedup_vs_reference": round(ref_time / warm, 1),
        "peacesciencer_median_seconds": PEACESCIENCER_MEDIAN,
        "speedup_vs_peacesciencer": round(PEACESCIENCER_MEDIAN / warm, 1),
    }
    if "--json" in sys.argv:
        print(json.dumps(result, indent=2))
        return
    print(f"directed dyad-years {YEARS[0]}-{YEARS[1]}, five ATOP flags: {ours.height:,} rows")
    print(f"  foedus dyad_years (median of 7) {warm:8.3f} s")
    print(f"  foedus first call (+ compile)   {cold:8.3f} s")
    print(f"  reference (pandas + Python)     {ref_time:8.3f} s   ratio {ref_time / warm:6.1f}x")
    print(
        f"  peacesciencer (issue 5 quote)   {PEACESCIENCER_MEDIAN:8.3f} s   ratio "
        f"{PEACESCIENCER_MEDIAN / warm:6.1f}x"
    )


if __name__ == "__main__":
    main()
