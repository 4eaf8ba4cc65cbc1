"""``foedus serve``: needs the api extra, says how to install it; other commands stay light."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from foedus.cli.app import app


def test_serve_without_the_extra_prints_the_install_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = importlib.util.find_spec

    def missing(name: str, *args: object) -> object:
        return None if name == "fastapi" else real(name)

    monkeypatch.setattr(importlib.util, "find_spec", missing)
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code != 0
    assert isinstance(result.exception, Exception)
    assert "pip install 'foedus[api]'" in str(result.exception)


def test_main_exits_2_without_the_extra() -> None:
    code = (
        "import importlib.util, sys\n"
        "real = importlib.util.find_spec\n"
        "importlib.util.find_spec = lambda n, *a: None if n == 'fastapi' else real(n, *a)\n"
        "sys.argv = ['foedus', 'serve']\n"
        "from foedus.cli.app import main\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 2
    assert "pip install 'foedus[api]'" in done.stderr


def test_cli_and_package_do_not_import_fastapi() -> None:
    code = (
        "import sys, foedus, foedus.cli.app\n"
        "heavy = [m for m in ('fastapi', 'starlette', 'uvicorn') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
