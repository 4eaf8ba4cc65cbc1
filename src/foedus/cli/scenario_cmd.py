"""``foedus scenario``: run a scenario deterministically and, with ``--runs``, by Monte Carlo."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from foedus.cli.options import CorpusOpt, FormatOpt, ReliabilityOpt
from foedus.cli.output import Format, print_json, print_table

__all__ = ["register"]


def scenario(
    file: Annotated[str, typer.Argument(help="Scenario YAML file, or a bundled name (july-1914).")],
    runs: Annotated[
        int | None, typer.Option("--runs", min=1, max=10_000_000, help="Monte Carlo draws.")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Random seed (reproducible).")] = 0,
    discretionary: Annotated[
        bool | None,
        typer.Option(
            "--discretionary/--no-discretionary", help="Let discretionary obligations fire."
        ),
    ] = None,
    reliability: ReliabilityOpt = None,
    corpus: CorpusOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """If A attacks B: who is obliged to join, on which side, in what order, and why."""
    from foedus.cli.app import corpus_folders
    from foedus.engine import prepare
    from foedus.engine.cascade import run_cascade
    from foedus.engine.montecarlo import run_monte_carlo
    from foedus.io.corpus import load_world
    from foedus.io.records_engine import cascade_record, monte_carlo_record
    from foedus.io.scenarios import find_scenario, load_reliability, load_scenario

    world = load_world(corpus_folders(corpus))
    loaded = load_scenario(find_scenario(file), world)
    sc = loaded.scenario
    compiled = prepare(world, sc, added=loaded.added)
    flag = sc.discretionary if discretionary is None else discretionary
    cascade = run_cascade(compiled, discretionary=flag)
    record = cascade_record(cascade, sc.model_copy(update={"discretionary": flag}))
    if runs is not None:
        model = load_reliability(reliability)
        record.update(monte_carlo_record(run_monte_carlo(compiled, model, runs=runs, seed=seed)))
    if fmt is Format.JSON:
        print_json(record)
    else:
        _show(record)


def _because(entry: dict[str, Any]) -> str:
    parts = []
    for r in entry["because"]:
        if r["treaty"] is None:
            parts.append(f"{r['kind']} ({r['protected']} / {', '.join(r['attacker'])})")
        else:
            how = "" if r["automatic"] else ", discretionary"
            parts.append(
                f"{r['treaty']} art. {r['article']} for {r['protected']} against "
                f"{', '.join(r['attacker'])}{how}"
            )
    return "; ".join(parts)


def _show(record: dict[str, Any]) -> None:
    rows = [(e["step"], e["state"], e["name"], e["side"], _because(e)) for e in record["entries"]]
    title = f"{record['scenario']} — {record['date']} (side 0 started the war)"
    print_table(title, ("step", "state", "name", "side", "because"), rows)
    if record["expected"]:
        expected = [(e["state"], e["side"], _because(e)) for e in record["expected"]]
        print_table(
            "Expected (discretionary, not fired)", ("state", "side", "obligation"), expected
        )
    if record["not_triggered"]:
        missed = [
            (n["state"], f"{n['treaty']} art. {n['article']}", n["protected"], n["reason"])
            for n in record["not_triggered"]
        ]
        print_table("Not triggered", ("state", "obligation", "for", "why"), missed)
    if record["torn"]:
        torn = [
            (t["state"], t["side"], f"{t['treaty']} art. {t['article']}", t["protected"])
            for t in record["torn"]
        ]
        print_table(
            "Torn (obliged to the other side)", ("state", "side", "obligation", "for"), torn
        )
    if "p_join" in record:
        probs = [
            (
                s,
                f"{p:.3f}",
                "–".join(f"{x:.3f}" for x in record["p_join_ci95"][s]),
                " / ".join(f"{x:.3f}" for x in record["p_join_side"][s]),
            )
            for s, p in record["p_join"].items()
        ]
        print_table(
            f"P(join), {record['runs']} runs, seed {record['seed']}",
            ("state", "P", "95% CI", "side 0 / side 1"),
            probs,
        )
        dist = ", ".join(f"{k}: {v:.3f}" for k, v in record["belligerents"].items())
        print_table(
            "Belligerents", ("distribution", "mean"), [(dist, f"{record['belligerents_mean']:.2f}")]
        )


def register(app: typer.Typer) -> None:
    """Add ``scenario`` to the app."""
    app.command("scenario")(scenario)
