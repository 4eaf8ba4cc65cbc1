"""``foedus invocations`` and ``foedus corpus report``: what the corpus records as a whole.

Exit status as everywhere: 0 results, 1 no result, 2 bad input (raised as a ``FoedusError``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from foedus.cli.options import CorpusOpt, DateOpt, FormatOpt
from foedus.cli.output import Format, print_json, print_table
from foedus.errors import InputError

if TYPE_CHECKING:
    import datetime as dt

    from foedus.query.report import CorpusReport, Tally
    from foedus.query.world import World

__all__ = ["register"]


def _date(text: str, option: str) -> dt.date:
    from foedus.model.dates import to_date

    try:
        return to_date(text)
    except ValueError as exc:
        raise InputError(f"{option}: {exc}") from None


def _world(corpus: list[Path] | None) -> World:
    from foedus.cli.app import _corpora
    from foedus.io.corpus import load_world

    return load_world([*_corpora, *(corpus or [])])


def invocations(
    on: DateOpt = "today",
    treaty: Annotated[str | None, typer.Option("--treaty", help="Only this treaty id.")] = None,
    state: Annotated[
        str | None, typer.Option("--state", help="Only invocations by this state.")
    ] = None,
    corpus: CorpusOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Formal invocations of treaty articles made on or before a date, in date order."""
    from foedus.io.records_corpus import invocation_record
    from foedus.query.invocations import invocations as find

    day = _date(on, "--on")
    world = _world(corpus)
    records = [
        invocation_record(e, world.registry)
        for e in find(world, on=day, treaty=treaty, state=state)
    ]
    if fmt is Format.JSON:
        print_json(records)
    else:
        rows = [
            (r["date"], r["treaty"], r["article"], ", ".join(r["by"]), _clip(r["note"], 70))
            for r in records
        ]
        print_table(
            f"Invocations made by {day} ({len(rows)})",
            ("date", "treaty", "article", "by", "note"),
            rows,
        )
    if not records:
        raise typer.Exit(1)


def report(
    on: DateOpt = "today",
    corpus: CorpusOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Coverage of the corpus: counts by kind, region and era; sourcing; uncertain treaties."""
    from foedus.io.records_corpus import report_record
    from foedus.query.report import corpus_report

    result = corpus_report(_world(corpus), on=_date(on, "--on"))
    if fmt is Format.JSON:
        print_json(report_record(result))
    else:
        _print_report(result)
    if not result.treaties:
        raise typer.Exit(1)


def _tally_rows(groups: dict[str, Tally]) -> list[tuple[str, int, int]]:
    return [(name, t.treaties, t.obligations) for name, t in groups.items()]


def _print_report(report: CorpusReport) -> None:
    from rich.console import Console

    console = Console()
    latest = report.latest
    console.print(
        f"[bold]Corpus report[/bold] on {report.on}: {report.treaties} treaties, "
        f"{report.obligations} obligations, {len(report.in_force)} treaties in force, "
        f"{report.invocations} invocations; latest fact "
        + (f"{latest.date} ({latest.treaty}: {latest.what})" if latest else "none")
    )
    columns = ("treaties", "obligations")
    print_table("By kind", ("kind", *columns), _tally_rows(report.by_kind))
    print_table("By region (COW codes)", ("region", *columns), _tally_rows(report.by_region))
    print_table("By era (signature year)", ("era", *columns), _tally_rows(report.by_era))
    if report.unsourced:
        print_table(
            f"Facts without a source ({len(report.unsourced)})",
            ("treaty", "fact"),
            [(f.treaty, f.what) for f in report.unsourced],
        )
    else:
        console.print("Facts without a source: none")
    console.print(
        f"Signed only, never in force ({len(report.signed_only)}): "
        + (", ".join(report.signed_only) or "none")
    )
    print_table(
        f"Status uncertain ({len(report.uncertain)} treaties)",
        ("treaty", "first line of each note"),
        [(u.treaty, "\n".join(_clip(line) for line in u.lines)) for u in report.uncertain],
    )


def _clip(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def register(app: typer.Typer) -> None:
    """Add ``invocations`` and the ``corpus`` group (``corpus report``) to ``app``."""
    app.command()(invocations)
    corpus_app = typer.Typer(help="The corpus as a whole.", no_args_is_help=True)
    corpus_app.command("report")(report)
    app.add_typer(corpus_app, name="corpus")
