"""SQL over research frames with DuckDB, for users who think in SQL.

>>> import polars as pl
>>> query("SELECT count(*) AS n FROM t", {"t": pl.DataFrame({"x": [1, 2]})})["n"].to_list()
[2]
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from foedus.datasets._deps import require
from foedus.errors import InputError

__all__ = ["query"]


def query(sql: str, tables: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """Run ``sql`` with each frame of ``tables`` registered as a view of that name."""
    require("duckdb", "pyarrow")
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        for name, table in tables.items():
            con.register(name, table)
        try:
            result = con.sql(sql)
        except duckdb.Error as exc:
            first = str(exc).strip().splitlines()[0]
            raise InputError(f"SQL: {first} (views: {', '.join(tables)})") from None
        if result is None:
            raise InputError("SQL: the statement returns no rows; write a SELECT")
        frame: pl.DataFrame = result.pl()
        return frame
    finally:
        con.close()
