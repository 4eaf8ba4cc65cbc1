"""One broken treaty file per error; each must give exactly one precise, located message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from foedus.io.corpus import validate_paths

INVALID = Path(__file__).parent / "invalid"
FILES = sorted(INVALID.glob("*.yaml"))


def _expectation(path: Path) -> tuple[str | None, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.match(r"# expect: (?:(\d+:\d+): )?(.*)$", first)
    assert match, f"{path.name}: first line must be '# expect: [LINE:COL: ]message'"
    return match[1], match[2]


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_broken_file_gives_one_located_message(path: Path) -> None:
    where, message = _expectation(path)
    problems = validate_paths([path])
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert message in str(problem)
    assert problem.file.endswith(path.name)
    if where is not None:
        assert f"{problem.line}:{problem.column}" == where, str(problem)
    assert problem.fix, "every problem says how to fix it"


def test_all_problems_are_reported_in_one_run() -> None:
    problems = validate_paths([INVALID])
    assert len(problems) == len(FILES)
    assert {Path(p.file).name for p in problems} == {p.name for p in FILES}


def test_duplicate_treaty_ids_are_reported(tmp_path: Path) -> None:
    text = (INVALID / "unknown-state.yaml").read_text().replace("XYZ", "CHE")
    (tmp_path / "a.yaml").write_text(text)
    (tmp_path / "b.yaml").write_text(text)
    problems = validate_paths([tmp_path])
    assert [p.message for p in problems] == [
        f"treaty id 'test-unknown-state' is also used in {tmp_path / 'a.yaml'}"
    ]
