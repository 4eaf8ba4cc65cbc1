"""``foedus sweep``: every ordered pair of states, "A attacks B" on a date, ranked."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Annotated, Any

import typer

from foedus.cli.output import Format, print_json, print_table

__all__ = ["register"]

COLUMNS = ("attacker", "target", "belligerents", "joiners", "mean_belligerents", "p_spread")


def sweep(
    on: Annotated[str, typer.Option("--on", help="Date of the world (YYYY-MM-DD).")],
    runs: Annotated[
        int,
        typer.Option("--runs", min=0, max=100_000, help="Monte Carlo draws per pair (0: none)."),
    ] = 0,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Random seed.")] = 0,
    states: Annotated[
        str | None, typer.Option("--states", help="Only these states, comma-separated.")
    ] = None,
    discretionary: Annotated[
        bool, typer.Option("--discretionary", help="Let discretionary obligations fire.")
    ] = False,
    reliability: Annotated[
        Path | None, typer.Option("--reliability", help="Reliability parameter file.")
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Rows to show in the table.")] = 20,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write every pair to a CSV file.")
    ] = None,
    corpus: Annotated[
        list[Path] | None, typer.Option("--corpus", help="Extra corpus folder (repeatable).")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.TABLE,
) -> None:
    """Which attacks would draw in the most states on a date? Every ordered pair, ranked."""
    from foedus.cli.app import corpus_folders
    from foedus.engine.sweep import sweep as run_sweep
    from foedus.errors import InputError
    from foedus.io.atomic import write_text
    from foedus.io.corpus import load_world
    from foedus.io.scenarios import load_reliability
    from foedus.model.dates import to_date

    try:
        day = to_date(on)
    except ValueError as exc:
        raise InputError(f"--on: {exc}") from None
    world = load_world(corpus_folders(corpus))
    names = [s.strip() for s in states.split(",") if s.strip()] if states else None
    if names is not None and len(names) < 2:
        raise InputError("--states: name at least two states, separated by commas")
    rows = run_sweep(
        world,
        day,
        reliability=load_reliability(reliability),
        states=names,
        runs=runs,
        seed=seed,
        discretionary=discretionary,
    )
    key = "mean_belligerents" if runs else "belligerents"
    records: list[dict[str, Any]] = sorted(
        (
            {
                "attacker": r.attacker,
                "target": r.target,
                "belligerents": r.belligerents,
                "joiners": list(r.joiners),
                "mean_belligerents": r.mean_belligerents,
                "p_spread": r.p_spread,
            }
            for r in rows
        ),
        key=lambda r: (-r[key], r["attacker"], r["target"]),
    )
    if out is not None:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for r in records:
            writer.writerow({**r, "joiners": " ".join(r["joiners"])})
        write_text(out, buffer.getvalue())
    if fmt is Format.JSON:
        print_json(records)
    else:
        shown = [
            (
                r["attacker"],
                r["target"],
                r["belligerents"],
                ", ".join(r["joiners"][:8]) + (" …" if len(r["joiners"]) > 8 else ""),
                "" if r["mean_belligerents"] is None else f"{r['mean_belligerents']:.2f}",
                "" if r["p_spread"] is None else f"{r['p_spread']:.3f}",
            )
            for r in records[:top]
        ]
        print_table(
            f"Sweep on {day}: {len(records)} pairs, ranked by {key.replace('_', ' ')}",
            ("attacker", "target", "belligerents", "joiners", "mean (MC)", "P(spread)"),
            shown,
        )


def register(app: typer.Typer) -> None:
    """Add ``sweep`` to the app."""
    app.command("sweep")(sweep)
