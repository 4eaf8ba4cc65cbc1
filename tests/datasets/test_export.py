"""Exports: write then read back gives the same frame (CSV, Parquet, Stata); writes are atomic."""

from __future__ import annotations

import tempfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.datasets import data_dictionary
from foedus.errors import InputError
from foedus.io.export import dictionary_path, read_frame, write_frame

STATA_LONG = (-2_147_483_647, 2_147_483_620)


@st.composite
def frames(draw: st.DrawFn) -> pl.DataFrame:
    """Frames shaped like research data: codes and years, 0/1 flags, counts, shares, names."""
    n = draw(st.integers(0, 30))
    ints = st.integers(*STATA_LONG)
    columns = {
        "ccode1": pl.Series(
            draw(st.lists(st.integers(1, 999), min_size=n, max_size=n)), dtype=pl.Int64
        ),
        "year": pl.Series(
            draw(st.lists(st.integers(1816, 2030), min_size=n, max_size=n)), dtype=pl.Int64
        ),
        "atop_defense": pl.Series(
            draw(st.lists(st.integers(0, 1), min_size=n, max_size=n)), dtype=pl.Int8
        ),
        "count": pl.Series(
            draw(st.lists(st.none() | ints, min_size=n, max_size=n)), dtype=pl.Int64
        ),
        "share": pl.Series(
            draw(
                st.lists(
                    st.none() | st.floats(-1e300, 1e300, allow_nan=False), min_size=n, max_size=n
                )
            ),
            dtype=pl.Float64,
        ),
        "name": pl.Series(
            draw(
                st.lists(
                    st.none()
                    | st.text(
                        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                        min_size=1,
                        max_size=12,
                    ),
                    min_size=n,
                    max_size=n,
                )
            ),
            dtype=pl.String,
        ),
    }
    return pl.DataFrame(columns)


def roundtrip(frame: pl.DataFrame, suffix: str) -> pl.DataFrame:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"data{suffix}"
        write_frame(frame, path, data_dictionary(frame, {"*": "test"}))
        assert dictionary_path(path).is_file()
        assert sorted(p.name for p in Path(tmp).iterdir()) == sorted(
            [path.name, dictionary_path(path).name]
        )
        return read_frame(path)


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".dta"])
@settings(max_examples=40, deadline=None)
@given(frame=frames())
def test_roundtrip(frame: pl.DataFrame, suffix: str) -> None:
    back = roundtrip(frame, suffix)
    assert back.schema == frame.schema
    assert back.equals(frame)


def test_unknown_extension_is_bad_input(tmp_path: Path) -> None:
    frame = pl.DataFrame({"x": [1]})
    with pytest.raises(InputError, match=r"\.csv, \.parquet or \.dta"):
        write_frame(frame, tmp_path / "out.xlsx", data_dictionary(frame, {}))


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    """Out-of-range values for Stata fail before anything appears; an old file survives."""
    target = tmp_path / "out.dta"
    target.write_bytes(b"previous")
    frame = pl.DataFrame({"big": [2**40]})
    with pytest.raises(InputError, match="Stata"):
        write_frame(frame, target, data_dictionary(frame, {}))
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.dta"]


def test_interrupt_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Ctrl-C in the middle of writing removes the temporary file."""

    def interrupted(self: pl.DataFrame, path: Path) -> None:
        Path(path).write_text("half")
        raise KeyboardInterrupt

    monkeypatch.setattr(pl.DataFrame, "write_parquet", interrupted)
    frame = pl.DataFrame({"x": [1]})
    with pytest.raises(KeyboardInterrupt):
        write_frame(frame, tmp_path / "out.parquet", data_dictionary(frame, {}))
    assert list(tmp_path.iterdir()) == []
