"""Read a CSV data file into a polars frame with checked column names and whole-number columns.

Every published dataset spells a few columns differently across versions (ATOP 4.01 and 5.1,
COW NMC 6 and 7). A :class:`Column` lists the accepted spellings; the frame comes back with the
canonical name, and a missing column or a value that is not a whole number fails with the file,
the row (the line number in the file, the header being row 1) and the column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from foedus.io.importers.errors import DataFileError

__all__ = ["Column", "read_table"]


@dataclass(frozen=True, slots=True)
class Column:
    """A column a reader needs: its canonical name, other accepted spellings, and its type."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "int"  # "int" (whole numbers), "float" or "str"; blank = missing
    required: bool = True
    missing: tuple[int, ...] = ()  # codes that mean "missing" (e.g. -9 in COW NMC 6.0)

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _header_map(path: Path, header: Sequence[str], columns: Sequence[Column]) -> dict[str, str]:
    """Map each wanted column to the file's spelling of it (case-insensitive)."""
    by_fold = {h.strip().casefold(): h for h in header}
    found: dict[str, str] = {}
    missing: list[Column] = []
    for col in columns:
        spelled = next(
            (by_fold[s.casefold()] for s in col.spellings if s.casefold() in by_fold), None
        )
        if spelled is not None:
            found[col.name] = spelled
        elif col.required:
            missing.append(col)
    if missing:
        names = ", ".join(
            c.name + (f" (or {', '.join(c.aliases)})" if c.aliases else "") for c in missing
        )
        raise DataFileError(
            path,
            f"unknown file layout: no column {names} in the header",
            row=1,
            fix="check that this is the right file and version; the header has "
            + ", ".join(list(header)[:12])
            + (" …" if len(header) > 12 else ""),
        )
    return found


def _floats(
    path: Path, series: pl.Series, as_float: pl.Series, col: Column, spelled: str
) -> pl.Series:
    bad = (series.is_not_null() & as_float.is_null()).arg_true()
    if len(bad):
        i = int(bad[0])
        raise DataFileError(
            path,
            f"{series[i]!r} is not a number",
            row=i + 2,
            column=spelled,
            fix="write a number, or leave the cell blank when unknown",
        )
    missing = [float(m) for m in col.missing]
    return (
        pl.select(pl.when(as_float.is_in(missing)).then(None).otherwise(as_float))
        .to_series()
        .alias(col.name)
    )


def read_table(path: Path, columns: Sequence[Column], *, what: str = "data file") -> pl.DataFrame:
    """Read ``path`` and return the wanted columns, renamed to their canonical names.

    Integer columns become ``Int64`` with blanks (and the column's ``missing`` codes) as null.
    """
    if not path.is_file():
        raise DataFileError(
            path, f"{what} not found", fix="check the path or run `foedus data fetch`"
        )
    try:
        raw = pl.read_csv(
            path, infer_schema_length=0, null_values=["", "NA"], encoding="utf8-lossy"
        )
    except (pl.exceptions.ComputeError, pl.exceptions.NoDataError, OSError) as exc:
        raise DataFileError(
            path, f"cannot be read as CSV ({exc})", fix="is it a CSV file?"
        ) from None
    spelled = _header_map(path, raw.columns, columns)
    out: list[pl.Series] = []
    for col in columns:
        if col.name not in spelled:
            continue
        series = raw[spelled[col.name]].str.strip_chars()
        if col.kind == "str":
            out.append(series.alias(col.name))
            continue
        as_float = series.cast(pl.Float64, strict=False)
        if col.kind == "float":
            out.append(_floats(path, series, as_float, col, spelled[col.name]))
            continue
        bad = (
            series.is_not_null() & (as_float.is_null() | (as_float != as_float.round()))
        ).arg_true()
        if len(bad):
            i = int(bad[0])
            raise DataFileError(
                path,
                f"{series[i]!r} is not a whole number ({len(bad)} such value"
                f"{'s' if len(bad) != 1 else ''} in this column)",
                row=i + 2,
                column=spelled[col.name],
                fix="write whole numbers, or leave the cell blank when the value is unknown",
            )
        ints = as_float.cast(pl.Int64)
        if col.missing:
            ints = pl.select(
                pl.when(ints.is_in(list(col.missing))).then(None).otherwise(ints)
            ).to_series()
        out.append(ints.alias(col.name))
    return pl.DataFrame(out)
