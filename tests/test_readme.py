"""Every `foedus` command shown in the README runs: exit 0 or 1 (no result), never 2 or a crash."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).parents[1] / "README.md"
BLOCKS = re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
SHARED_DATA = Path(__file__).parents[2] / "shared" / "data"
# Not run: downloads (no test reaches the internet) and examples naming the user's own files.
SKIP = ("data fetch", "my-")
COMMANDS = [
    re.split(r"\s+#\s", line.split("$ ", 1)[1])[0].strip()
    for block in BLOCKS
    for line in block.splitlines()
    if line.startswith("$ foedus") and not any(s in line for s in SKIP)
]


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs(command: str, tmp_path: Path) -> None:
    research = any(
        w in command for w in ("dyadyears", "stateyears", "sql", "data list", "backtest")
    )
    if research and not SHARED_DATA.is_dir():
        pytest.skip("research commands need the external datasets")
    args = shlex.split(command)[1:]
    done = subprocess.run(
        [sys.executable, "-m", "foedus", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "COLUMNS": "120", "FOEDUS_DATA_DIR": str(SHARED_DATA)},
    )
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr


def test_readme_python_examples_run() -> None:
    """The Python blocks of the README run as written (with `world` and `scenario` defined)."""
    import foedus
    from foedus.engine import Attack, Scenario

    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert blocks
    namespace: dict[str, object] = {
        "world": foedus.load(),
        "scenario": Scenario(date="2025-06-01", events=[Attack(by="PRK", on="KOR")]),
    }
    for block in blocks:
        exec(compile(block, str(README), "exec"), namespace)  # our own README
