"""``foedus backtest``: the engine against COW wars and Berkemeier–Fuhrmann fulfilment data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from foedus.cli.output import Format, print_json, print_table

__all__ = ["register"]


def backtest(
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="Folder with the COW war, COW states and ATOP files (default: the user data "
            "folder, $FOEDUS_DATA_DIR).",
            show_default=False,
        ),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option("--report", help="Write an HTML report with plots into this folder."),
    ] = None,
    runs: Annotated[
        int, typer.Option("--runs", min=1, max=1_000_000, help="Monte Carlo draws per war.")
    ] = 2000,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Random seed (reproducible).")] = 0,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.TABLE,
) -> None:
    """Backtest: predicted vs actual joiners of COW wars; alliance fulfilment vs B&F (2018)."""
    from foedus.datasets._deps import require

    require("polars", "numpy")
    from foedus.engine.backtest import build_cases, run_backtest
    from foedus.io.backtest import load_inputs
    from foedus.io.download import data_dir as default_dir
    from foedus.io.records_backtest import backtest_record
    from foedus.io.scenarios import load_reliability

    folder = data_dir if data_dir is not None else default_dir()
    inputs = load_inputs(folder)
    known = {r.cowwarid: r.warid for r in inputs.bf if r.cowwarid is not None}
    cases = build_cases(inputs.participants, inputs.iwd, known_iwd=known)
    bt = run_backtest(
        inputs.world,
        cases,
        members_on=inputs.system.members_on,
        default=load_reliability(),
        runs=runs,
        seed=seed,
        bf_rows=inputs.bf,
        covariates=inputs.covariates,
    )
    record = backtest_record(bt, files=inputs.files)
    if report is not None:
        from foedus.io.backtest_report import write_report

        write_report(bt, record, report)
    if fmt is Format.JSON:
        print_json(record)
    else:
        _show(record, report)


def _cells(scores: dict[str, Any], cols: tuple[str, ...]) -> list[str]:
    """Table cells: three decimals, four for the Brier score (test-period values are small)."""
    return [
        "–" if scores[c] is None else f"{scores[c]:.4f}" if c == "brier" else f"{scores[c]:.3f}"
        for c in cols
    ]


def _show(record: dict[str, Any], report: Path | None) -> None:
    cols = ("precision", "recall", "f1", "side_accuracy", "brier", "log_loss")
    rows = []
    for name, entry in record["metrics"].items():
        for period in ("fit", "test"):
            s = entry[period]
            rows.append((name, period, *_cells(s, cols)))
    split = record["split"]
    title = f"Backtest: {split['fit']['wars']} fit wars (< 1946), {split['test']['wars']} test wars"
    print_table(title, ("model", "period", *cols), rows)
    f = record.get("fulfilment")
    if f:
        c = f["confusion"]
        typer.echo(
            f"Fulfilment vs Berkemeier & Fuhrmann: {f['matched']} (war, alliance) rows matched, "
            f"agreement on 'applies' {f['agreement']:.3f} (both yes {c['ours_yes_theirs_yes']}, "
            f"ours only {c['ours_yes_theirs_no']}, theirs only {c['ours_no_theirs_yes']}, "
            f"both no {c['ours_no_theirs_no']})"
        )
    if report is not None:
        typer.echo(f"Report written to {report / 'index.html'}")


def register(app: typer.Typer) -> None:
    """Add ``backtest`` to ``app``."""
    app.command("backtest")(backtest)
