"""The API returns the CLI's JSON shapes: the same records for the same question."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from foedus.io.scenarios import BUNDLED_SCENARIOS
from foedus.io.yaml_positions import load_yaml


@pytest.mark.parametrize(
    ("params", "args"),
    [
        ({"from": "RUS", "to": "PRK", "on": "2024-12-05"}, ["--from", "RUS", "--to", "PRK"]),
        (
            {"from": "Russia", "to": "North Korea", "on": "2024-12-05", "kind": "defense"},
            ["--from", "Russia", "--to", "North Korea", "--kind", "defense"],
        ),
        (
            {"to": "JPN", "kind": "defense", "on": "2025-01-01"},
            ["--to", "JPN", "--kind", "defense"],
        ),
        (
            {"from": "RUS", "to": "PRK", "on": "2024-11-15", "kind": "defense"},
            ["--from", "RUS", "--to", "PRK", "--kind", "defense"],
        ),
        (
            {"treaty": "north-atlantic-treaty", "to": "SWE", "on": "2024-03-07"},
            ["--treaty", "north-atlantic-treaty", "--to", "SWE"],
        ),
    ],
)
def test_obligations_match_cli(
    client: TestClient, cli_json: Any, params: dict[str, str], args: list[str]
) -> None:
    response = client.get("/api/obligations", params=params)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == cli_json("obligations", *args, "--on", params["on"])


def test_obligation_record_cites_article(client: TestClient) -> None:
    rows = client.get(
        "/api/obligations",
        params={"from": "RUS", "to": "PRK", "kind": "defense", "on": "2024-12-05"},
    ).json()
    assert [(r["treaty"], r["article"], r["automatic"]) for r in rows] == [
        ("rus-prk-2024-csp", "4", True)
    ]
    assert rows[0]["sources"]
    assert all("title" in s for s in rows[0]["sources"])


def test_repeated_queries_are_cached(client: TestClient) -> None:
    service = client.app.state.service  # type: ignore[attr-defined]
    params = {"to": "POL", "kind": "defense", "on": "2020-01-01"}
    first = client.get("/api/obligations", params=params).content
    before = service.obligations.cache_info().hits
    assert client.get("/api/obligations", params=params).content == first
    assert service.obligations.cache_info().hits == before + 1


def test_treaties_changes_invocations_states_match_cli(client: TestClient, cli_json: Any) -> None:
    assert client.get("/api/treaties", params={"state": "PRK", "on": "2024-11-15"}).json() == (
        cli_json("treaties", "--state", "PRK", "--on", "2024-11-15")
    )
    assert client.get("/api/changes", params={"from": "2024-01-01", "to": "2025-01-01"}).json() == (
        cli_json("changes", "--from", "2024-01-01", "--to", "2025-01-01")
    )
    nato = "north-atlantic-treaty"
    assert client.get("/api/invocations", params={"treaty": nato}).json() == (
        cli_json("invocations", "--treaty", nato)
    )
    assert client.get("/api/states", params={"search": "DPRK"}).json() == (
        cli_json("states", "--search", "DPRK")
    )
    assert client.get("/api/states", params={"on": "1914-07-28"}).json() == (
        cli_json("states", "--on", "1914-07-28")
    )


def test_treaty_matches_treaty_show(client: TestClient, cli_json: Any) -> None:
    data = client.get("/api/treaties/rus-prk-2024-csp").json()
    assert data == cli_json("treaty", "show", "rus-prk-2024-csp")
    assert data["bound"]["RUS"] == {"from": "2024-12-04", "to": None}
    assert any(a["number"] == "4" for a in data["articles"])


def test_treaty_changes_give_the_party_timeline(client: TestClient) -> None:
    rows = client.get("/api/treaties/north-atlantic-treaty/changes").json()
    sweden = [r for r in rows if r["state"] == "SWE"]
    assert [(r["date"], r["effect"]) for r in sweden] == [("2024-03-07", "bind")]


def test_network_moves_sweden_into_nato(client: TestClient) -> None:
    def nato_protects(day: str) -> bool:
        body = client.get("/api/network", params={"on": day, "kind": "defense"}).json()
        treaty = next(t for t in body["treaties"] if t["id"] == "north-atlantic-treaty")
        return "SWE" in treaty["protected"]

    assert not nato_protects("2024-03-06")
    assert nato_protects("2024-03-07")


def _bundled(name: str) -> dict[str, Any]:
    data = load_yaml(BUNDLED_SCENARIOS / f"{name}.yaml").data  # keeps `on:` a key, not True
    as_json: dict[str, Any] = json.loads(json.dumps(data, default=str))  # dates as text
    return as_json


@pytest.mark.parametrize("name", ["korea-north-attacks-south-2025", "july-1914"])
def test_scenario_matches_cli(client: TestClient, cli_json: Any, name: str) -> None:
    body = _bundled(name)
    response = client.post("/api/scenarios/run", json=body)
    assert response.status_code == 200, response.text
    assert response.json() == cli_json("scenario", name)


def test_monte_carlo_matches_cli(client: TestClient, cli_json: Any) -> None:
    body = _bundled("korea-north-attacks-south-2025")
    api = client.post("/api/scenarios/run", json=body, params={"runs": 1000, "seed": 3}).json()
    cli = cli_json("scenario", "korea-north-attacks-south-2025", "--runs", "1000", "--seed", "3")
    assert api == cli
    assert set(api) >= {"p_join", "p_join_side", "p_join_ci95", "belligerents"}


def test_korean_war_brings_in_russia_by_article_4(client: TestClient) -> None:
    body = {
        "date": "2025-06-01",
        "discretionary": True,
        "events": [{"attack": {"by": "North Korea", "on": "South Korea"}}],
    }
    record = client.post("/api/scenarios/run", json=body).json()
    russia = next(e for e in record["entries"] if e["state"] == "RUS")
    assert {(r["treaty"], r["article"]) for r in russia["because"]} == {("rus-prk-2024-csp", "4")}


def test_bundled_scenarios_round_trip(client: TestClient) -> None:
    listed = client.get("/api/scenarios").json()
    assert {"july-1914", "korea-north-attacks-south-2025"} <= {s["id"] for s in listed}
    one = client.get("/api/scenarios/july-1914").json()
    one.pop("id")
    assert client.post("/api/scenarios/run", json=one).status_code == 200


def test_openapi_describes_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/states",
        "/api/treaties",
        "/api/treaties/{treaty_id}",
        "/api/obligations",
        "/api/changes",
        "/api/invocations",
        "/api/scenarios/run",
        "/api/datasets/{name}",
    ):
        assert path in paths
