"""Write research frames to CSV, Parquet or Stata, each with its data dictionary, atomically.

The format follows the file's extension. Beside ``name.ext`` goes ``name.dictionary.csv``
(``column, type, meaning, source``), which :func:`read_frame` also uses to restore column types.

Writes are atomic: the data go to a temporary file in the same folder, are flushed to disk, and
replace the target with :func:`os.replace`; an error or Ctrl-C removes the temporary file, so a
reader never sees a half-written file.

Stata files are written with pandas' ``DataFrame.to_stata`` (format 118, Stata 14 and later,
UTF-8): pandas is already the ``to_pandas()`` dependency and its writer is pure Python, while
pyreadstat would add a compiled library for value labels we do not need. Integer columns are
stored in the smallest Stata type that holds their values (byte, int, long); values outside
Stata's ``long`` range are refused rather than silently rounded.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

import polars as pl

from foedus.errors import InputError
from foedus.io.atomic import atomic_path as _atomic

__all__ = ["FORMATS", "dictionary_path", "read_frame", "write_frame"]

Format = Literal["csv", "parquet", "dta"]
FORMATS: dict[str, Format] = {".csv": "csv", ".parquet": "parquet", ".dta": "dta"}

# Stata's valid (non-missing) ranges: byte, int, long.
_STATA_INTS = ((-127, 100, pl.Int8), (-32767, 32740, pl.Int16), (-2147483647, 2147483620, pl.Int32))


_STATA_DOUBLE = 8.9884656743115e307


def _format(path: Path) -> Format:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise InputError(
            f"--out {path}: unknown file type {path.suffix or '(none)'!r}; "
            "end the name with .csv, .parquet or .dta"
        ) from None


def dictionary_path(path: Path) -> Path:
    """``data/dyads.parquet`` → ``data/dyads.dictionary.csv``."""
    return path.with_name(f"{path.stem}.dictionary.csv")


def _stata_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """Cast columns to types Stata can hold (checked against each column's values)."""
    casts: dict[str, pl.DataType] = {}
    for name, dtype in frame.schema.items():
        if len(name) > 32 or not name.isidentifier():
            raise InputError(
                f"column {name!r} is not a valid Stata name (at most 32 letters, "
                "digits and _); rename it before writing .dta"
            )
        if dtype == pl.Boolean:
            casts[name] = pl.Int8()
        elif dtype.is_integer():
            lo, hi = frame[name].min(), frame[name].max()
            for low, high, stata in _STATA_INTS:
                if lo is None or (low <= lo and hi <= high):  # type: ignore[operator]
                    casts[name] = stata()
                    break
            else:
                raise InputError(
                    f"column {name!r} has values ({lo!r}..{hi!r}) outside Stata's "
                    "integer range; write .csv or .parquet instead"
                )
        elif dtype.is_float():
            casts[name] = pl.Float64()
            top = frame[name].abs().max()
            if top is not None and top > _STATA_DOUBLE:  # type: ignore[operator]
                raise InputError(
                    f"column {name!r} has values beyond Stata's double range; "
                    "write .csv or .parquet instead"
                )
    strings = [n for n, t in frame.schema.items() if t == pl.String]
    # Stata's missing string is the empty string
    return frame.cast(casts).with_columns(pl.col(n).fill_null("") for n in strings)  # type: ignore[arg-type]


def _writer(fmt: Format, frame: pl.DataFrame, labels: dict[str, str]) -> Callable[[Path], None]:
    if fmt == "csv":
        return lambda p: frame.write_csv(p)
    if fmt == "parquet":
        return lambda p: frame.write_parquet(p)

    def write_dta(p: Path) -> None:
        from foedus.datasets._deps import require

        require("pandas", "pyarrow")
        stata = _stata_frame(frame).to_pandas()
        stata.to_stata(
            p,
            write_index=False,
            version=118,
            variable_labels={k: v[:80] for k, v in labels.items() if v},
        )

    return write_dta


def write_frame(frame: pl.DataFrame, path: Path, dictionary: pl.DataFrame) -> list[Path]:
    """Write ``frame`` to ``path`` (format from the extension) and its dictionary beside it.

    Returns the paths written (data file, dictionary).
    """
    fmt = _format(path)
    labels = dict(zip(dictionary["column"], dictionary["meaning"], strict=True))
    with _atomic(path) as tmp:
        _writer(fmt, frame, labels)(tmp)
    target = dictionary_path(path)
    with _atomic(target) as tmp:
        dictionary.write_csv(tmp)
    return [path, target]


_TYPES: dict[str, pl.DataType] = {
    str(t): t()
    for t in (
        pl.Int8,
        pl.Int16,
        pl.Int32,
        pl.Int64,
        pl.UInt8,
        pl.UInt16,
        pl.UInt32,
        pl.UInt64,
        pl.Float32,
        pl.Float64,
        pl.Boolean,
        pl.String,
        pl.Date,
    )
}


def read_frame(path: Path) -> pl.DataFrame:
    """Read a file written by :func:`write_frame`, with the column types its dictionary records."""
    fmt = _format(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    schema: dict[str, pl.DataType] = {}
    if dictionary_path(path).is_file():
        d = pl.read_csv(dictionary_path(path))
        schema = {c: _TYPES[t] for c, t in zip(d["column"], d["type"], strict=True) if t in _TYPES}
    if fmt == "csv":
        return pl.read_csv(path, schema_overrides=schema or None)
    if fmt == "parquet":
        return pl.read_parquet(path)
    import pandas as pd

    raw = pl.from_pandas(pd.read_stata(path, convert_categoricals=False))
    strings = [c for c, t in schema.items() if t == pl.String and c in raw.columns]
    raw = raw.with_columns(pl.col(c).replace("", None) for c in strings)
    return raw.cast({c: t for c, t in schema.items() if c in raw.columns})
