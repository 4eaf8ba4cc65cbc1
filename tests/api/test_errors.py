"""Errors are JSON naming the field at fault and the fix: 422, 404, 413, 501, 500."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from fastapi.testclient import TestClient

import foedus
from foedus.api import create_app
from foedus.api.limits import Limits

KOREA = {"date": "2025-06-01", "events": [{"attack": {"by": "PRK", "on": "KOR"}}]}


def problem(response: Any, status: int, field: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error", "message", "problems"}
    assert "Traceback" not in response.text
    found = next(p for p in body["problems"] if p["field"] == field)
    assert found["message"]
    return found


def test_unknown_state_suggests(client: TestClient) -> None:
    found = problem(
        client.get("/api/obligations", params={"from": "Sweeden", "on": "2024-12-05"}),
        422,
        "query.from",
    )
    assert "did you mean SWE (Sweden)?" in found["message"]
    assert found["loc"] == ["query", "from"]
    assert found["fix"]


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/api/obligations", {"on": "2024-13-45"}, "query.on"),
        ("/api/obligations", {"kind": "friendship"}, "query.kind"),
        ("/api/obligations", {"treaty": "nato"}, "query.treaty"),
        ("/api/changes", {"from": "2025-01-01", "to": "2024-01-01"}, "query.to"),
        ("/api/changes", {"from": "2025-01-01"}, "query.to"),
        ("/api/states", {"search": "Atlantis"}, "query.search"),
        ("/api/treaties", {"state": "Narnia", "on": "2024-01-01"}, "query.state"),
        ("/api/datasets/dyad-years", {"years": "abc"}, "query.years"),
        ("/api/datasets/dyad-years", {"rule": "13-45"}, "query.rule"),
        ("/api/datasets/lost-years", {}, "path.name"),
    ],
)
def test_bad_query_is_422(
    client: TestClient, path: str, params: dict[str, str], field: str
) -> None:
    problem(client.get(path, params=params), 422, field)


def test_state_that_did_not_exist_says_so(client: TestClient) -> None:
    found = problem(
        client.get("/api/obligations", params={"to": "UKR", "on": "1950-01-01"}), 422, "query.to"
    )
    assert "did not exist" in found["message"]


def test_unknown_treaty_is_404_with_suggestions(client: TestClient) -> None:
    found = problem(client.get("/api/treaties/rus-prk-2024"), 404, "path.treaty_id")
    assert "rus-prk-2024-csp" in found["message"]


def test_unknown_path_and_method(client: TestClient) -> None:
    problem(client.get("/api/nothing"), 404, "path")
    problem(client.delete("/api/obligations"), 405, "method")


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        (
            {**KOREA, "events": [{"attack": {"by": "PRK", "on": "Korea South"}}]},
            "body.events.0.on",
            "did you mean",
        ),
        (
            {**KOREA, "events": [{"attack": {"by": "PRK", "on": "PRK"}}]},
            "body.events.0.on",
            "attacks itself",
        ),
        ({**KOREA, "date": "2025-02-30"}, "body.date", "not a real date"),
        ({"date": "2025-06-01", "events": []}, "body.events", ""),
        ({**KOREA, "edits": [{"add": "/etc/passwd"}]}, "body.edits.0", "not accepted"),
        (
            {**KOREA, "edits": [{"without": {"state": "SWE", "treaty": "nato"}}]},
            "body.edits.0.treaty",
            "unknown treaty",
        ),
        ({**KOREA, "colour": "red"}, "body.colour", ""),
    ],
)
def test_bad_scenario_is_422_with_field(
    client: TestClient, body: dict[str, Any], field: str, words: str
) -> None:
    found = problem(client.post("/api/scenarios/run", json=body), 422, field)
    assert words in found["message"]


def test_malformed_json_is_422(client: TestClient) -> None:
    response = client.post(
        "/api/scenarios/run", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["problems"]


def test_oversized_body_is_413(client: TestClient) -> None:
    body = {**KOREA, "description": "x" * 100_000}
    found = problem(client.post("/api/scenarios/run", json=body), 413, "body")
    assert "bytes" in found["message"]


def test_too_many_runs_or_events_is_413(client: TestClient) -> None:
    found = problem(
        client.post("/api/scenarios/run", json=KOREA, params={"runs": 200_001}), 413, "query.runs"
    )
    assert "200000" in found["message"]
    many = {**KOREA, "events": [{"attack": {"by": "PRK", "on": "KOR"}}] * 21}
    problem(client.post("/api/scenarios/run", json=many), 413, "body.events")
    problem(client.post("/api/scenarios/run", json=KOREA, params={"runs": 0}), 422, "query.runs")


def test_time_budget_is_413_with_a_number_that_fits(world: foedus.World) -> None:
    tight = TestClient(create_app(world, limits=Limits(time_budget_s=1e-6), warm_up=False))
    response = tight.post("/api/scenarios/run", json=KOREA, params={"runs": 100_000})
    found = problem(response, 413, "query.runs")
    assert "budget" in found["message"]
    assert "use at most" in found["fix"]


def test_unexpected_error_is_500_without_internals(
    world: foedus.World, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(world, warm_up=False)

    def boom(*args: object) -> bytes:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(app.state.service, "network", boom)
    response = TestClient(app, raise_server_exceptions=False).get("/api/network")
    found = problem(response, 500, "server")
    assert "secret" not in response.text
    assert "unexpected" in found["message"]


def test_datasets_without_research_extra_is_501(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "foedus.api.research", None)
    found = problem(client.get("/api/datasets/state-years"), 501, "path.name")
    assert "pip install 'foedus[research]'" in found["fix"]
