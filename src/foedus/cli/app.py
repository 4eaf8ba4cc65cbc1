"""``foedus`` commands. Exit status: 0 success, 1 no result / check failed, 2 bad input."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from foedus.cli.options import CorpusOpt, DateOpt, FormatOpt
from foedus.cli.output import Format, print_json, print_table
from foedus.errors import CorpusError, FoedusError, InputError

if TYPE_CHECKING:
    from foedus.query.world import World

app = typer.Typer(
    name="foedus",
    help="Alliance treaties as code: who must defend whom, as of any date.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
treaty_app = typer.Typer(help="Look at one treaty.", no_args_is_help=True)
app.add_typer(treaty_app, name="treaty")

_corpora: list[Path] = []


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"foedus: {message}", err=True)
    raise typer.Exit(code)


def _date(text: str, option: str) -> dt.date:
    from foedus.model.dates import to_date

    try:
        return to_date(text)
    except ValueError as exc:
        raise InputError(f"{option}: {exc}") from None


def corpus_folders(corpus: list[Path] | None) -> list[Path]:
    """The folders given by the global and the command's ``--corpus`` options."""
    return [*_corpora, *(corpus or [])]


def _world(corpus: list[Path] | None) -> World:
    from foedus.io.corpus import load_world

    return load_world(corpus_folders(corpus))


def _done(found: bool) -> None:
    if not found:
        raise typer.Exit(1)


@app.callback()
def _main(corpus: CorpusOpt = None) -> None:
    """Global options."""
    _corpora[:] = corpus or []


@app.command()
def obligations(
    on: DateOpt = "today",
    from_: Annotated[str | None, typer.Option("--from", help="Owed by this state.")] = None,
    to: Annotated[str | None, typer.Option("--to", help="Owed to this state.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="defense, consultation, …")] = None,
    treaty: Annotated[str | None, typer.Option("--treaty", help="Only this treaty id.")] = None,
    corpus: CorpusOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Obligations in force on a date, with article and sources."""
    from foedus.io.records import obligation_record
    from foedus.model.obligation import ObligationKind

    day = _date(on, "--on")
    if kind is not None and kind not in {k.value for k in ObligationKind}:
        kinds = ", ".join(k.value for k in ObligationKind)
        raise InputError(f"--kind: {kind!r} is not a kind of obligation; use one of {kinds}")
    world = _world(corpus)
    if treaty is not None:
        world.treaty(treaty)
    snap = world.on(day)
    found = snap.obligations(from_=from_, to=to, kind=kind, treaty=treaty)
    records = [obligation_record(e, snap) for e in found]
    if fmt is Format.JSON:
        print_json(records)
    else:
        rows = [
            (
                r["from"],
                r["to"],
                r["kind"],
                f"{r['treaty']} art. {r['article']}",
                "automatic" if r["automatic"] else "discretionary",
                f"by {r['since']}" if r["since_at_the_latest"] else r["since"],
            )
            for r in records
        ]
        cols = ("from", "to", "kind", "treaty, article", "response", "since")
        print_table(f"Obligations in force on {day} ({len(rows)})", cols, rows)
    _done(bool(records))


@app.command()
def treaties(
    on: DateOpt = "today",
    state: Annotated[
        str | None, typer.Option("--state", help="Only treaties of this state.")
    ] = None,
    corpus: CorpusOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Treaties signed by a date, whether in force, and each party's status."""
    from foedus.io.records import treaty_status_record

    day = _date(on, "--on")
    snap = _world(corpus).on(day)
    records = [treaty_status_record(s, snap) for s in snap.treaties(state=state)]
    if fmt is Format.JSON:
        print_json(records)
    else:
        rows = [
            (
                r["id"],
                r["signed"],
                "yes" if r["in_force"] else "no",
                ", ".join(f"{p['state']}:{p['status']}" for p in r["parties"]),
            )
            for r in records
        ]
        print_table(f"Treaties on {day}", ("id", "signed", "in force", "parties"), rows)
    _done(bool(records))


@app.command()
def changes(
    start: Annotated[str, typer.Option("--from", help="Start date (exclusive).")],
    end: Annotated[str, typer.Option("--to", help="End date (inclusive).")],
    corpus: CorpusOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """What changed between two dates: entries into force, accessions, suspensions, exits."""
    from foedus.io.records import change_record

    lo, hi = _date(start, "--from"), _date(end, "--to")
    if hi < lo:
        raise InputError(f"--to ({hi}) is before --from ({lo}); swap them")
    world = _world(corpus)
    records = [change_record(c, world.registry) for c in world.changes(lo, hi)]
    if fmt is Format.JSON:
        print_json(records)
    else:
        rows = [
            (r["date"], r["treaty"], r["state"], r["kind"], ", ".join(r["towards"]))
            for r in records
        ]
        print_table(
            f"Changes from {lo} to {hi}", ("date", "treaty", "state", "kind", "towards"), rows
        )
    _done(bool(records))


@app.command()
def states(
    on: Annotated[str | None, typer.Option("--on", help="Only states existing then.")] = None,
    search: Annotated[str | None, typer.Option("--search", help="Resolve this name.")] = None,
    corpus: CorpusOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """The state registry (codes, COW numbers, names), or what one name resolves to."""
    world = _world(corpus)
    day = _date(on, "--on") if on else None
    if search is not None:
        chosen = [world.registry.resolve(search, day)]
    else:
        chosen = [s for s in world.registry if day is None or s.exists_on(day)]
    records = [s.model_dump(mode="json", by_alias=True, exclude_none=True) for s in chosen]
    if fmt is Format.JSON:
        print_json(records)
    else:
        rows = [
            (s.code, s.cow, s.cow_abb, s.iso3, s.name, ", ".join(s.aliases[:4])) for s in chosen
        ]
        print_table(
            f"States ({len(rows)})", ("code", "cow", "cow abb", "iso3", "name", "aliases"), rows
        )
    _done(bool(records))


@treaty_app.command("show")
def treaty_show(
    treaty_id: Annotated[str, typer.Argument(help="Treaty id, e.g. rus-prk-2024-csp.")],
    corpus: CorpusOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """One treaty: dates, parties and their lifecycle, articles, obligations, sources."""
    from foedus.io.records_treaty import treaty_record

    world = _world(corpus)
    treaty = world.treaty(treaty_id)
    data = treaty_record(treaty, world)
    if fmt is Format.JSON:
        print_json(data)
        return
    from rich.console import Console

    console = Console()
    console.print(f"[bold]{treaty.name}[/bold] ({treaty.id})")
    console.print(
        f"signed {treaty.signed or '?'}{f' at {treaty.place}' if treaty.place else ''}; "
        f"in force {treaty.in_force or 'never'}"
        f"{f'; ended {treaty.ended.date} ({treaty.ended.how})' if treaty.ended else ''}"
    )
    rows = [
        (
            p.state,
            p.signed,
            p.ratified or p.acceded,
            data["bound"].get(p.state, {}).get("from"),
            data["bound"].get(p.state, {}).get("to"),
            p.exit.how if p.exit else "",
        )
        for p in treaty.parties
    ]
    print_table(
        "Parties", ("state", "signed", "ratified/acceded", "bound from", "until", "exit"), rows
    )
    for article in treaty.articles:
        kinds = ", ".join(o.kind.value for o in article.obligations)
        console.print(
            f"[bold]Art. {article.number}[/bold] {f'[{kinds}] ' if kinds else ''}{article.says}"
        )
    for source in treaty.sources:
        console.print(f"  [{source.id}] {source.title} {source.url or ''}")


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Treaty files or corpus folders.")
    ] = None,
) -> None:
    """Check treaty files: syntax and meaning; every problem as file:line:column (exit 2)."""
    from foedus.io.corpus import BUNDLED, corpus_dirs, read_corpus, validate_paths

    if paths:
        problems = validate_paths(paths)
    else:
        dirs = corpus_dirs(_corpora)
        problems = read_corpus(dirs).problems
        paths = dirs if dirs else [BUNDLED]
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        _fail(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found")
    typer.echo(f"ok: {', '.join(str(p) for p in paths)} validate clean")


@app.command()
def schema(
    of: Annotated[str, typer.Option("--of", help="treaty, states or areas.")] = "treaty",
) -> None:
    """Print the JSON Schema of a file format."""
    from pydantic import BaseModel

    from foedus.model.area import AreaFile
    from foedus.model.state import StateFile
    from foedus.model.treaty import Treaty

    models: dict[str, type[BaseModel]] = {"treaty": Treaty, "states": StateFile, "areas": AreaFile}
    if of not in models:
        raise InputError(f"--of: {of!r} is not a format; use one of {', '.join(models)}")
    sys.stdout.write(json.dumps(models[of].model_json_schema(by_alias=True), indent=2) + "\n")


from foedus.cli.scenario_cmd import register as _register_scenario  # noqa: E402

_register_scenario(app)

from foedus.cli.sweep_cmd import register as _register_sweep  # noqa: E402

_register_sweep(app)

from foedus.cli.research import register as _register_research  # noqa: E402

_register_research(app)

from foedus.cli.corpus_cmds import register as _register_corpus  # noqa: E402

_register_corpus(app)

from foedus.cli.serve_cmd import register as _register_serve  # noqa: E402

_register_serve(app)

from foedus.cli.backtest_cmd import register as _register_backtest  # noqa: E402

_register_backtest(app)


def main() -> None:
    """Entry point: run the app, turning foedus errors into one-line messages and exit codes."""
    try:
        app()
    except CorpusError as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        count = len(exc.problems)
        typer.echo(
            f"foedus: {count} problem{'s' if count != 1 else ''} in the input files above", err=True
        )
        sys.exit(2)
    except FoedusError as exc:
        typer.echo(f"foedus: {exc}", err=True)
        sys.exit(2)
