"""Read YAML with libyaml and keep where every value came from (line and column).

The loaders validate plain data with pydantic, whose errors name a path such as
``("parties", 2, "ratified")``; :class:`Positions` turns that path back into ``file:line:column``.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from foedus.errors import Problem

__all__ = ["Located", "Positions", "load_yaml"]

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_BOOL = "tag:yaml.org,2002:bool"
_YAML12_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


def _resolvers() -> dict[Any, Any]:
    """libyaml's implicit resolvers without timestamps and with YAML 1.2 booleans."""
    out: dict[Any, Any] = {}
    for first, resolvers in _Base.yaml_implicit_resolvers.items():
        kept = []
        for tag, regexp in resolvers:
            if tag == "tag:yaml.org,2002:timestamp":
                continue
            kept.append((tag, _YAML12_BOOL if tag == _BOOL else regexp))
        out[first] = kept
    return out


class _Loader(_Base):  # type: ignore[misc]
    """libyaml's safe loader with two YAML 1.2 habits: dates stay text, so that the schema checks
    them and says where an impossible one (2000-02-30) is; and only true/false are booleans, so
    that keys such as `on:` and `no:` stay words."""

    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = _resolvers()


PathKey = tuple[Hashable, ...]


@dataclass(slots=True)
class Positions:
    """Map from a value's path in a document to its 1-based line and column."""

    file: str
    where: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Sequence[Hashable]) -> tuple[int, int]:
        """Position of the deepest part of ``path`` that exists in the document."""
        key = tuple(path)
        while key:
            if key in self.where:
                return self.where[key]
            key = key[:-1]
        return self.where.get((), (1, 1))

    def problem(self, path: Sequence[Hashable], message: str, fix: str = "") -> Problem:
        line, column = self.locate(path)
        return Problem(self.file, line, column, message, fix)


@dataclass(frozen=True, slots=True)
class Located:
    """A parsed document with its positions (or the problems that stopped parsing)."""

    data: Any
    positions: Positions
    problems: tuple[Problem, ...] = ()


def load_yaml(path: Path, *, display: str | None = None) -> Located:
    """Parse one YAML file; syntax errors and duplicate keys become :class:`Problem`s."""
    name = display or str(path)
    positions = Positions(name)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problem = Problem(
            name, 1, 1, f"cannot read the file ({exc})", "check the path and encoding"
        )
        return Located(None, positions, (problem,))
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "invalid YAML"
        fix = "fix the YAML syntax (indentation, quotes, colons)"
        return Located(None, positions, (Problem(name, line, column, f"YAML: {what}", fix),))
    except yaml.YAMLError as exc:
        return Located(None, positions, (Problem(name, 1, 1, f"YAML: {exc}", "fix the syntax"),))
    problems: list[Problem] = []
    if node is not None:
        _record(node, (), positions, problems)
    return Located(data, positions, tuple(problems))


def _record(node: Any, path: PathKey, positions: Positions, problems: list[Problem]) -> None:
    positions.where[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[Hashable] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            if key in seen:
                problems.append(
                    Problem(
                        positions.file,
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        f"duplicate key {key!r}",
                        "keep one of them",
                    )
                )
            seen.add(key)
            _record(value_node, (*path, key), positions, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(item, (*path, index), positions, problems)
