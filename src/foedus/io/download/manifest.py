"""``manifest.json`` in the data folder: what is installed, from where, with which checksum."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["MANIFEST", "read_manifest", "record"]

MANIFEST = "manifest.json"


def read_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """The installed datasets by name (empty when nothing is installed)."""
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def record(folder: Path, name: str, entry: dict[str, Any]) -> None:
    """Add or replace ``name`` in the manifest (atomically)."""
    data = read_manifest(folder)
    data[name] = entry
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{MANIFEST}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, sort_keys=True)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, folder / MANIFEST)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
