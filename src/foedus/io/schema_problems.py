"""Turn pydantic validation errors into ``file:line:column: what — how to fix`` problems."""

from __future__ import annotations

import difflib
from collections.abc import Hashable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from foedus.errors import Problem
from foedus.io.yaml_positions import Positions

__all__ = ["parse_model"]

M = TypeVar("M", bound=BaseModel)

_FIXES = {
    "missing": "add this field",
    "string_type": "write a text value",
    "int_type": "write a whole number",
    "bool_type": "write true or false",
    "enum": "use one of the allowed values",
    "literal_error": "use one of the allowed values",
    "string_pattern_mismatch": "follow the pattern shown",
    "too_short": "add at least one item",
    "tuple_type": "write a list (- item, or [a, b])",
    "model_type": "write a mapping of fields (key: value)",
}


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Hashable, ...]:
    """Drop pydantic's internal loc parts (union tags, validator names) keeping document keys."""
    return tuple(p for p in loc if isinstance(p, int) or not str(p).startswith(("function-", "[")))


def _unknown_field_fix(model: type[BaseModel], path: tuple[Hashable, ...], name: str) -> str:
    fields = _fields_at(model, path[:-1])
    close = difflib.get_close_matches(name, fields, n=1)
    hint = f"did you mean `{close[0]}`? " if close else ""
    return f"{hint}allowed fields here: {', '.join(sorted(fields))}" if fields else "remove it"


def _fields_at(model: type[BaseModel], path: tuple[Hashable, ...]) -> list[str]:
    """Field names (aliases) of the sub-model found by following ``path`` from ``model``."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = next((f for n, f in current.model_fields.items() if (f.alias or n) == part), None)
        if field is None:
            return []
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or n for n, f in current.model_fields.items()]
    return []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def parse_model(model: type[M], data: Any, positions: Positions) -> tuple[M | None, list[Problem]]:
    """Validate ``data`` as ``model``; every error becomes a located :class:`Problem`."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            path = _clean_loc(error["loc"])
            kind = error["type"]
            field = ".".join(str(p) for p in path) or "(document)"
            if kind == "extra_forbidden":
                name = str(path[-1]) if path else ""
                message = f"unknown field `{field}`"
                fix = _unknown_field_fix(model, path, name)
            elif "expected" in error.get("ctx", {}):
                message = f"`{field}`: {error['input']!r} is not allowed"
                fix = f"use {error['ctx']['expected']}"
            else:
                text = str(error["msg"]).removeprefix("Value error, ")
                message = f"`{field}`: {text}"
                fix = _FIXES.get(kind, "")
                if "pattern" in error.get("ctx", {}):
                    fix = f"must match {error['ctx']['pattern']}"
                elif kind == "value_error":
                    fix = (
                        "write a real date as YYYY-MM-DD (or YYYY-MM / YYYY)"
                        if "date" in text
                        else "see `foedus schema` for what is allowed here"
                    )
            problems.append(positions.problem(path, message, fix))
        return None, problems
