"""Property-based tests from the OpenAPI spec (schemathesis): no input makes the server fail.

Generated requests, valid and invalid, must never get a 5xx. Kept small (a few examples per
operation) so the whole suite stays fast; the limits are lowered to keep each request cheap.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode

import foedus
from foedus.api import create_app
from foedus.api.limits import Limits

APP = create_app(foedus.load(), limits=Limits(max_runs=2_000, max_dataset_years=3), warm_up=False)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
# Valid requests and requests that break the schema on purpose (bad input).
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, (case.method, case.path, response.text[:500])
    if response.status_code >= 400:
        body = response.json()
        assert body["problems"]
        assert body["message"]
