"""Dataset downloads: dyad-years and state-years of the corpus as CSV and Parquet."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient

pl = pytest.importorskip("polars")


def test_dyad_years_csv(client: TestClient) -> None:
    response = client.get("/api/datasets/dyad-years", params={"years": "2000-2001"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    frame = pl.read_csv(io.BytesIO(response.content))
    assert frame.columns[:3] == ["ccode1", "ccode2", "year"]
    usa_can = frame.filter((pl.col("ccode1") == 2) & (pl.col("ccode2") == 20))
    assert usa_can["atop_defense"].to_list() == [1, 1]


def test_state_years_parquet_and_dictionary(client: TestClient) -> None:
    response = client.get(
        "/api/datasets/state-years", params={"years": "1914", "format": "parquet"}
    )
    assert response.status_code == 200
    frame = pl.read_parquet(io.BytesIO(response.content))
    assert {"ccode", "year", "atop_defense", "atop_defense_n"} <= set(frame.columns)
    assert set(frame["year"].to_list()) == {1914}
    columns = client.get("/api/datasets/state-years/dictionary").json()
    assert {c["column"] for c in columns} >= {"ccode", "atop_defense"}


def test_too_many_years_is_413(client: TestClient) -> None:
    response = client.get("/api/datasets/dyad-years", params={"years": "1500-2000"})
    assert response.status_code == 413
