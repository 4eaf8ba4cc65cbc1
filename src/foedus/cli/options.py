"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from foedus.cli.output import Format

__all__ = ["CorpusOpt", "DateOpt", "FormatOpt", "ReliabilityOpt"]

CorpusOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--corpus",
        help="Extra corpus folder overlaying the bundled one (repeatable; also $FOEDUS_CORPUS).",
        show_default=False,
    ),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table or json.")]
DateOpt = Annotated[str, typer.Option("--on", help="Date: YYYY-MM-DD, YYYY-MM, YYYY or today.")]
ReliabilityOpt = Annotated[
    Path | None, typer.Option("--reliability", help="Reliability parameter file.")
]
