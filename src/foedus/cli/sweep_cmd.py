"""``foedus sweep``: every ordered pair of states, "A attacks B", on a date or every year.

Over years, each year's result goes to its own CSV file in ``--out-dir`` as soon as it is done
(written atomically), and a rerun skips the years already there: a crash or Ctrl-C loses no
finished year.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from foedus.cli.options import CorpusOpt, FormatOpt, ReliabilityOpt
from foedus.cli.output import Format, print_json, print_table

if TYPE_CHECKING:
    from foedus.engine.sweep import PairOutcome

__all__ = ["register"]

COLUMNS = ("attacker", "target", "belligerents", "joiners", "mean_belligerents", "p_spread")


def _records(rows: Sequence[PairOutcome], runs: int) -> list[dict[str, Any]]:
    """Pairs as plain records, ranked by (mean) number of belligerents."""
    key = "mean_belligerents" if runs else "belligerents"
    return sorted(
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


def _csv(records: Sequence[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in records:
        writer.writerow({**r, "joiners": " ".join(r["joiners"])})
    return buffer.getvalue()


def _show(records: Sequence[dict[str, Any]], title: str, top: int) -> None:
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
    columns = ("attacker", "target", "belligerents", "joiners", "mean (MC)", "P(spread)")
    print_table(title, columns, shown)


def _year_days(years: str, day: str) -> list[dt.date]:
    from foedus.errors import InputError

    try:
        first, _, last = years.partition("-")
        month, _, mday = day.partition("-")
        return [
            dt.date(y, int(month), int(mday)) for y in range(int(first), int(last or first) + 1)
        ]
    except ValueError:
        raise InputError(
            f"--years {years!r} / --day {day!r}: write --years 1816-2016 and --day MM-DD"
        ) from None


def sweep(
    on: Annotated[str | None, typer.Option("--on", help="Date of the world (YYYY-MM-DD).")] = None,
    years: Annotated[
        str | None, typer.Option("--years", help="Every year of a range, e.g. 1816-2016.")
    ] = None,
    day: Annotated[str, typer.Option("--day", help="With --years: the day (MM-DD).")] = "07-01",
    out_dir: Annotated[
        Path | None, typer.Option("--out-dir", help="With --years: one CSV per year (resumable).")
    ] = None,
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
    reliability: ReliabilityOpt = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Rows to show in the table.")] = 20,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write every pair to a CSV file.")
    ] = None,
    corpus: CorpusOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Which attacks would draw in the most states? Every ordered pair, ranked, on a date (--on)
    or for every year of a range (--years, one CSV per year in --out-dir)."""
    from foedus.cli.app import corpus_folders
    from foedus.engine.sweep import sweep as run_sweep
    from foedus.errors import InputError
    from foedus.io.atomic import write_text
    from foedus.io.corpus import load_world
    from foedus.io.scenarios import load_reliability
    from foedus.model.dates import to_date

    if (on is None) == (years is None):
        raise InputError("give either --on DATE or --years FIRST-LAST (with --out-dir)")
    if years is not None and out_dir is None:
        raise InputError("--years needs --out-dir DIR, where each year's CSV is written")
    names = [s.strip() for s in states.split(",") if s.strip()] if states else None
    if names is not None and len(names) < 2:
        raise InputError("--states: name at least two states, separated by commas")
    world = load_world(corpus_folders(corpus))
    model = load_reliability(reliability)

    def run(when: dt.date) -> list[dict[str, Any]]:
        available = None
        if names is not None:
            available = [n for n in names if _exists(world, n, when)]
        rows = run_sweep(
            world,
            when,
            reliability=model,
            states=available,
            runs=runs,
            seed=seed,
            discretionary=discretionary,
        )
        return _records(rows, runs)

    if years is not None:
        assert out_dir is not None
        done = skipped = 0
        for when in _year_days(years, day):
            path = out_dir / f"sweep-{when.isoformat()}.csv"
            if path.exists():
                skipped += 1
                continue
            write_text(path, _csv(run(when)))
            done += 1
        typer.echo(f"swept {done} year(s) into {out_dir}; {skipped} already there, skipped")
        return
    try:
        when = to_date(on or "")
    except ValueError as exc:
        raise InputError(f"--on: {exc}") from None
    records = run(when)
    if out is not None:
        write_text(out, _csv(records))
    if fmt is Format.JSON:
        print_json(records)
    else:
        key = "mean belligerents" if runs else "belligerents"
        _show(records, f"Sweep on {when}: {len(records)} pairs, ranked by {key}", top)


def _exists(world: Any, name: str, when: dt.date) -> bool:
    from foedus.errors import FoedusError

    try:
        world.resolve(name, when)
    except FoedusError:
        return False
    return True


def register(app: typer.Typer) -> None:
    """Add ``sweep`` to the app."""
    app.command("sweep")(sweep)
