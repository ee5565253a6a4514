"""Fuzz every route against the app's own OpenAPI spec (schemathesis): no input gives a
server error, and every response matches the status codes, content types and JSON shapes
the spec promises."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from consilience.api import build
from consilience.present.web import create_app


@pytest.fixture(scope="module")
def web_schema(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("fuzz") / "example.db"
    build([str(Path(__file__).resolve().parents[1] / "examples")], path).close()
    # schemathesis calls an ASGI app under the Host name "testserver".
    app = create_app(path, allowed_hosts=["testserver"])
    return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("web_schema")


@schema.parametrize()
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_conforms_to_its_spec(case: Any) -> None:
    response = case.call_and_validate()
    assert response.status_code < 500
