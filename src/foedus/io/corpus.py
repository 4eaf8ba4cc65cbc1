"""Load corpora — the bundled one and users' folders — into a validated :class:`World`.

A corpus folder holds treaty files (``treaties/*.yaml``, or ``*.yaml`` directly in the folder),
and optionally ``states.yaml`` (more states) and ``areas.yaml`` (more named areas). Folders given
later overlay earlier ones: a treaty with the same id replaces the earlier file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from foedus.errors import CorpusError, Problem
from foedus.io.checks import TreatyDocument, check_treaties
from foedus.io.schema_problems import parse_model
from foedus.io.yaml_positions import load_yaml
from foedus.model.area import Area, AreaFile
from foedus.model.registry import StateRegistry
from foedus.model.state import State, StateFile
from foedus.model.treaty import Treaty
from foedus.query.world import World

__all__ = [
    "BUNDLED",
    "CORPUS_ENV",
    "Corpus",
    "bundled_registry",
    "corpus_dirs",
    "load_world",
    "read_corpus",
    "treaty_files",
    "validate_paths",
]

BUNDLED = Path(__file__).resolve().parent.parent / "corpus"
CORPUS_ENV = "FOEDUS_CORPUS"
_SPECIAL = {"states.yaml", "areas.yaml"}


@dataclass
class Corpus:
    """What a set of folders holds, parsed, with every problem found."""

    states: list[State] = field(default_factory=list)
    areas: dict[str, Area] = field(default_factory=dict)
    treaties: dict[str, TreatyDocument] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def registry(self) -> StateRegistry:
        return StateRegistry(self.states)

    def world(self) -> World:
        return World(
            self.registry(), (d.treaty for d in self.treaties.values()), self.areas.values()
        )


def corpus_dirs(extra: Iterable[Path | str] = (), *, bundled: bool = True) -> list[Path]:
    """The bundled corpus, then the ``$FOEDUS_CORPUS`` folders, then ``extra``."""
    dirs = [BUNDLED] if bundled else []
    env = os.environ.get(CORPUS_ENV, "")
    dirs += [Path(p) for p in env.split(os.pathsep) if p]
    dirs += [Path(p) for p in extra]
    return dirs


def treaty_files(folder: Path) -> list[Path]:
    """The treaty files of a corpus folder, sorted by name."""
    base = folder / "treaties" if (folder / "treaties").is_dir() else folder
    return sorted(p for p in base.glob("*.y*ml") if p.name not in _SPECIAL)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _read_states(path: Path, corpus: Corpus) -> None:
    located = load_yaml(path, display=_display(path))
    corpus.problems += located.problems
    if located.problems:
        return
    parsed, problems = parse_model(StateFile, located.data, located.positions)
    corpus.problems += problems
    if parsed is not None:
        known = {s.code for s in corpus.states}
        corpus.states += [s for s in parsed.states if s.code not in known]


def _read_areas(path: Path, corpus: Corpus) -> None:
    located = load_yaml(path, display=_display(path))
    corpus.problems += located.problems
    if located.problems:
        return
    parsed, problems = parse_model(AreaFile, located.data, located.positions)
    corpus.problems += problems
    if parsed is not None:
        corpus.areas.update({a.id: a for a in parsed.areas})


def read_treaty(path: Path) -> tuple[TreatyDocument | None, list[Problem]]:
    """Parse one treaty file (schema only; meaning is checked with the whole corpus)."""
    located = load_yaml(path, display=_display(path))
    if located.problems:
        return None, list(located.problems)
    treaty, problems = parse_model(Treaty, located.data, located.positions)
    return (TreatyDocument(treaty, located.positions) if treaty else None), problems


def _read_extras(folder: Path, corpus: Corpus) -> None:
    """Read a folder's optional ``states.yaml`` and ``areas.yaml`` into ``corpus``."""
    if (folder / "states.yaml").is_file():
        _read_states(folder / "states.yaml", corpus)
    if (folder / "areas.yaml").is_file():
        _read_areas(folder / "areas.yaml", corpus)


def _read_treaties(files: Iterable[Path], problems: list[Problem]) -> list[TreatyDocument]:
    docs = []
    for path in files:
        doc, found = read_treaty(path)
        problems += found
        if doc is not None:
            docs.append(doc)
    return docs


def read_corpus(dirs: Sequence[Path]) -> Corpus:
    """Parse every folder in order (later ones overlay earlier ones) and check the result."""
    corpus = Corpus()
    for folder in dirs:
        if not folder.is_dir():
            corpus.problems.append(
                Problem(str(folder), 1, 1, "corpus folder not found", "check the path")
            )
            continue
        _read_extras(folder, corpus)
        in_folder: dict[str, TreatyDocument] = {}
        for doc in _read_treaties(treaty_files(folder), corpus.problems):
            earlier = in_folder.get(doc.treaty.id)
            if earlier is not None:
                corpus.problems.append(
                    doc.positions.problem(
                        ("id",),
                        f"treaty id {doc.treaty.id!r} is also used in {earlier.positions.file}",
                        "give each treaty a distinct id",
                    )
                )
            in_folder[doc.treaty.id] = doc
        corpus.treaties.update(in_folder)
    corpus.problems += check_treaties(
        list(corpus.treaties.values()), corpus.registry(), corpus.areas
    )
    return corpus


def load_world(extra: Iterable[Path | str] = (), *, bundled: bool = True) -> World:
    """Load and validate the corpora into a :class:`World`; raises :class:`CorpusError`."""
    corpus = read_corpus(corpus_dirs(extra, bundled=bundled))
    if corpus.problems:
        raise CorpusError(corpus.problems)
    return corpus.world()


def validate_paths(paths: Sequence[Path]) -> list[Problem]:
    """Every problem in the given treaty files or corpus folders.

    They are checked against the bundled registry, areas and treaties, so a user's file may
    reference a bundled treaty (``replaces``) or area.
    """
    base = read_corpus([BUNDLED])
    extras = Corpus(states=list(base.states), areas=dict(base.areas))
    problems: list[Problem] = []
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            _read_extras(path, extras)
            files += treaty_files(path)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), 1, 1, "no such file or folder", "check the path"))
    problems += extras.problems
    docs = _read_treaties(files, problems)
    known = {tid: d.treaty for tid, d in base.treaties.items()}
    problems += check_treaties(docs, extras.registry(), extras.areas, known)
    return problems


def bundled_registry() -> StateRegistry:
    """The bundled state registry alone (``corpus/states.yaml``), without reading treaties."""
    corpus = Corpus()
    path = BUNDLED / "states.yaml"
    if path.is_file():
        _read_states(path, corpus)
    if corpus.problems:
        raise CorpusError(corpus.problems)
    return corpus.registry()
