"""Research-data commands: ``dyadyears``, ``stateyears``, ``sql``, ``data fetch``, ``data list``.

Registered on the main app by :func:`register`. They need the ``research`` extra
(``pip install 'foedus[research]'``); without it they fail with that command (exit 2).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from foedus.cli.output import Format, print_json, print_table
from foedus.errors import InputError

if TYPE_CHECKING:
    import polars as pl

    from foedus.io.research import ResearchInputs

__all__ = ["register"]

data_app = typer.Typer(
    help="Download research datasets and list what is installed.", no_args_is_help=True
)

SOURCES = ("corpus", "atop", "cow", "combined")
SourceOpt = Annotated[str, typer.Option("--source", help="corpus, atop, cow or combined.")]
DataDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Data folder (default: the user data folder, $FOEDUS_DATA_DIR).",
        show_default=False,
    ),
]
YearsOpt = Annotated[str, typer.Option("--years", help="First-last year, e.g. 1816-2016.")]
SystemOpt = Annotated[str, typer.Option("--system", help="State system: cow or gw.")]
RuleOpt = Annotated[
    str, typer.Option("--rule", help="any-day (as ATOP), dec31, or MM-DD: when a year counts.")
]
OutOpt = Annotated[
    Path | None,
    typer.Option(
        "--out",
        help="Write to FILE (.csv, .parquet or .dta) with a dictionary beside it.",
        show_default=False,
    ),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table or json.")]
LimitOpt = Annotated[
    int | None,
    typer.Option(
        "--limit", help="Rows to print (default: 20 in a table, all in JSON).", show_default=False
    ),
]


def _require() -> None:
    from foedus.datasets._deps import require

    require("polars", "numpy", "pyarrow")


def _years(text: str) -> tuple[int, int]:
    parts = text.replace("–", "-").split("-")
    if len(parts) == 1 and parts[0].strip().isdigit():
        return int(parts[0]), int(parts[0])
    if len(parts) == 2 and all(p.strip().isdigit() for p in parts):
        lo, hi = int(parts[0]), int(parts[1])
        if hi < lo:
            raise InputError(f"--years {text}: the last year is before the first; swap them")
        return lo, hi
    raise InputError(f"--years {text!r}: write FIRST-LAST, e.g. 1816-2016")


def _choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        raise InputError(f"{option} {value!r}: use one of {', '.join(allowed)}")
    return value


def _folder(data_dir: Path | None) -> Path:
    from foedus.io.download import data_dir as default

    return data_dir if data_dir is not None else default()


def _inputs(source: str, system: str, data_dir: Path | None) -> ResearchInputs:
    """Load the corpus when needed, import the data, and say which files were used."""
    from foedus.cli import app as main_app
    from foedus.io.corpus import bundled_registry, load_world
    from foedus.io.research import research_inputs

    _choice(source, SOURCES, "--source")
    _choice(system, ("cow", "gw"), "--system")
    if source in ("corpus", "combined"):
        world = load_world(main_app.corpus_folders(None))
        registry, corpus = world.registry, list(world.treaties.values())
    else:
        registry, corpus = bundled_registry(), []
    return research_inputs(
        _folder(data_dir),
        source,  # type: ignore[arg-type]
        system,  # type: ignore[arg-type]
        base_registry=registry,
        corpus=corpus,
    )


def _dyads(
    inputs: ResearchInputs, directed: bool, years: tuple[int, int], rule: str
) -> pl.DataFrame:
    from foedus.datasets import YearRule, dyad_years, join_dyad_frame

    frame = dyad_years(
        inputs.world,
        inputs.system,
        directed=directed,
        years=years,
        rule=YearRule.parse(rule),
        flags=inputs.flags,
    )
    for other in inputs.joins:
        frame = join_dyad_frame(frame, other)
    return frame


def _emit(
    frame: pl.DataFrame,
    title: str,
    out: Path | None,
    fmt: Format,
    limit: int | None,
    sources: dict[str, str],
) -> None:
    """Write ``frame`` to ``out``, or print it; exit 1 when it is empty."""
    if out is not None:
        from foedus.datasets import data_dictionary
        from foedus.io.export import write_frame

        written = write_frame(frame, out, data_dictionary(frame, sources))
        typer.echo(
            f"wrote {frame.height} rows to {written[0]} (dictionary: {written[1]})", err=True
        )
    else:
        shown = frame.head(limit) if limit is not None else frame
        if fmt is Format.JSON:
            print_json(shown.to_dicts())
        else:
            rows = shown.head(20 if limit is None else limit).rows()
            print_table(f"{title} ({frame.height} rows)", frame.columns, rows)
    if frame.is_empty():
        raise typer.Exit(1)


def dyadyears(
    source: SourceOpt = "corpus",
    data_dir: DataDirOpt = None,
    directed: Annotated[bool, typer.Option("--directed/--undirected", help="Both orders.")] = True,
    years: YearsOpt = "1816-2016",
    system: SystemOpt = "cow",
    rule: RuleOpt = "any-day",
    out: OutOpt = None,
    fmt: FormatOpt = Format.TABLE,
    limit: LimitOpt = None,
) -> None:
    """Dyad-years with ATOP-style flags (peacesciencer columns), to the screen or a file."""
    _require()
    span = _years(years)
    inputs = _inputs(source, system, data_dir)
    frame = _dyads(inputs, directed, span, rule)
    _emit(
        frame,
        f"{'Directed' if directed else 'Undirected'} dyad-years",
        out,
        fmt,
        limit,
        inputs.sources,
    )


def stateyears(
    source: SourceOpt = "corpus",
    data_dir: DataDirOpt = None,
    years: YearsOpt = "1816-2016",
    system: SystemOpt = "cow",
    rule: RuleOpt = "any-day",
    out: OutOpt = None,
    fmt: FormatOpt = Format.TABLE,
    limit: LimitOpt = None,
) -> None:
    """State-years: per obligation kind, owes it to anyone (0/1) and to how many states."""
    _require()
    from foedus.datasets import YearRule, state_years

    span = _years(years)
    inputs = _inputs(source, system, data_dir)
    frame = state_years(
        inputs.world, inputs.system, years=span, rule=YearRule.parse(rule), flags=inputs.flags
    )
    _emit(frame, "State-years", out, fmt, limit, inputs.sources)


VIEWS = ("dyad_years", "state_years", "obligations", "states")


def sql(
    statement: Annotated[str, typer.Argument(help=f"A SELECT over the views {', '.join(VIEWS)}.")],
    source: SourceOpt = "corpus",
    data_dir: DataDirOpt = None,
    years: YearsOpt = "1816-2016",
    system: SystemOpt = "cow",
    rule: RuleOpt = "any-day",
    out: OutOpt = None,
    fmt: FormatOpt = Format.TABLE,
    limit: LimitOpt = None,
) -> None:
    """Run SQL (DuckDB) over the datasets: dyad_years, state_years, obligations, states."""
    _require()
    from foedus.datasets import YearRule, state_years
    from foedus.datasets.edges import obligation_edges
    from foedus.datasets.sql import query

    span = _years(years)
    inputs = _inputs(source, system, data_dir)
    text = statement.lower()
    tables: dict[str, Any] = {}
    if "dyad_years" in text:
        tables["dyad_years"] = _dyads(inputs, True, span, rule)
    if "state_years" in text:
        tables["state_years"] = state_years(
            inputs.world, inputs.system, years=span, rule=YearRule.parse(rule), flags=inputs.flags
        )
    if "obligations" in text:
        tables["obligations"] = obligation_edges(inputs.world)
    if "states" in text:
        tables["states"] = inputs.system.spells
    if not tables:
        raise InputError(f"SQL: name at least one of the views {', '.join(VIEWS)}")
    _emit(query(statement, tables), "Query", out, fmt, limit, inputs.sources)


@data_app.command("fetch")
def data_fetch(
    name: Annotated[str, typer.Argument(help="atop, cow-states, nmc or cow-alliances.")],
    data_dir: DataDirOpt = None,
    url: Annotated[
        str | None,
        typer.Option("--url", help="Download from this address instead.", show_default=False),
    ] = None,
    sha256: Annotated[
        str | None,
        typer.Option("--sha256", help="Expected SHA-256 of the file.", show_default=False),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Download a dataset from its official address and install it in the data folder."""
    from foedus.io.download import SOURCES as DATA
    from foedus.io.download import fetch

    if name not in DATA:
        raise InputError(f"unknown dataset {name!r}; use one of {', '.join(DATA)}")
    if sha256 is not None and (
        len(sha256) != 64 or any(c not in "0123456789abcdefABCDEF" for c in sha256)
    ):
        raise InputError("--sha256: give the 64 hexadecimal digits of the checksum")
    entry = fetch(
        DATA[name],
        folder=_folder(data_dir),
        url=url,
        sha256=sha256,
        progress=not quiet and sys.stderr.isatty(),
    )
    check = "verified" if entry["verified"] else "recorded (no checksum given)"
    typer.echo(
        f"installed {name} in {entry['path']} ({len(entry['files'])} files; "
        f"sha256 {entry['sha256']} {check})"
    )


@data_app.command("list")
def data_list(data_dir: DataDirOpt = None, fmt: FormatOpt = Format.TABLE) -> None:
    """What is installed in the data folder, and where it came from."""
    from foedus.io.download import read_manifest

    folder = _folder(data_dir)
    manifest = read_manifest(folder)
    records = [{"name": k, **v} for k, v in sorted(manifest.items())]
    if fmt is Format.JSON:
        print_json(records)
    else:
        rows = [
            (
                r["name"],
                r.get("version"),
                r.get("installed"),
                r.get("url"),
                str(r.get("sha256", ""))[:12],
            )
            for r in records
        ]
        print_table(
            f"Installed in {folder}", ("name", "version", "installed", "from", "sha256"), rows
        )
    if not records:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the research commands to ``app``."""
    app.command()(dyadyears)
    app.command()(stateyears)
    app.command()(sql)
    app.add_typer(data_app, name="data")
