"""Read the backtest's input files: COW war participants, the IWD, Berkemeier–Fuhrmann.

Files are found by name anywhere below a data folder (the published names and the names of the
copies in ``shared/data``): ``Inter-StateWarData_v4.0.csv`` or
``cow_interstate_war_v4.0_participants.csv``; ``interstate-war-rev.csv`` or ``iwd_*.csv``;
``BerkemeierFuhrmann*.csv`` or ``alliance_fulfillment_berkemeier_fuhrmann_2018.csv``. The ATOP
world and the COW state system come from :func:`foedus.io.research.research_inputs`. The COW
major-power (``majors2016.csv``) and direct contiguity (``contdird.csv`` or peacesciencer's
``cow_contdir*.csv``) files, when both are present, give the hybrid model's covariates.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from foedus.datasets.systems import StateSystem
from foedus.engine.backtest.cases import IwdWar, Participation, fix_iwd_code
from foedus.engine.backtest.covariates import Covariates
from foedus.engine.backtest.fulfilment import BfRow
from foedus.io.importers.errors import DataFileError
from foedus.io.research import find_one
from foedus.query.world import World

__all__ = [
    "BacktestInputs",
    "find_file",
    "load_covariates",
    "load_inputs",
    "read_bf",
    "read_iwd",
    "read_participants",
]

PATTERNS = {
    "cow-war": r"^(inter-?state-?war-?data.*|cow_interstate_war.*participants)\.csv$",
    "iwd": r"^(interstate-war-rev|iwd.*)\.csv$",
    "bf": r"^(berkemeier.?fuhrmann.*|alliance_fulfil+ment.*)\.csv$",
}


def find_file(folder: Path, kind: str, *, required: bool = True) -> Path | None:
    """The one file of ``kind`` (``cow-war``, ``iwd``, ``bf``) below ``folder``."""
    fix = "point --data-dir at a folder holding it"
    return find_one(folder, kind, PATTERNS[kind], fix=fix, required=required)


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for i, row in enumerate(csv.DictReader(handle)):
            yield i + 2, row


def _int(value: str | None) -> int | None:
    if value is None or value.strip() in ("", "NA", "."):
        return None
    return int(float(value))


def _date(path: Path, line: int, y: str, m: str, d: str) -> dt.date:
    try:
        return dt.date(int(y), int(m), int(d))
    except (TypeError, ValueError):
        raise DataFileError(
            path, f"not a date: {y}-{m}-{d}", row=line, fix="give year, month and day"
        ) from None


def read_participants(path: Path) -> list[Participation]:
    """The COW Inter-State War participants file, one record per row (first spell)."""
    out = []
    for line, r in _rows(path):
        try:
            end = _date(path, line, r["EndYear1"], r["EndMonth1"], r["EndDay1"])
        except DataFileError:
            end = None  # -7 (ongoing) or -9 (unknown)
        try:
            out.append(
                Participation(
                    war=int(r["WarNum"]),
                    war_name=r["WarName"],
                    ccode=int(r["ccode"]),
                    side=int(r["Side"]),
                    start=_date(path, line, r["StartYear1"], r["StartMonth1"], r["StartDay1"]),
                    end=end,
                    initiator=r["Initiator"].strip() == "1",
                    state_name=r.get("StateName", ""),
                )
            )
        except KeyError as exc:
            raise DataFileError(
                path, f"missing column {exc}", fix="use the COW participants file"
            ) from None
    return out


def read_iwd(path: Path) -> list[IwdWar]:
    """The IWD war-year file: one record per initial war, dated by its first row, codes fixed."""
    first: dict[int, IwdWar] = {}
    for line, r in _rows(path):
        wid = int(r["init_war_id"])
        name = r["init_war_name"]
        start = _date(path, line, r["year"], r["month_entry"], r["day_entry"])
        if wid in first and first[wid].start <= start:
            continue
        init, target = _int(r["init_ccode"]), _int(r["target_ccode"])
        if init is None or target is None:
            continue
        first[wid] = IwdWar(
            larger_war=int(r["larger_war_id"]),
            larger_name=r["larger_war_name"],
            id=wid,
            name=name,
            initiator=fix_iwd_code(name, "init_ccode", init),
            target=fix_iwd_code(name, "target_ccode", target),
            start=start,
            joiner=r.get("joiner", "").strip() == "1",
        )
    return sorted(first.values(), key=lambda w: (w.start, w.id))


def read_bf(path: Path) -> list[BfRow]:
    """The Berkemeier–Fuhrmann (2018) replication rows (Leeds–Long–Mitchell coding)."""
    out = []
    for _, r in _rows(path):

        def flag(name: str, r: dict[str, str] = r) -> bool:
            return r.get(name, "").strip() == "1"

        out.append(
            BfRow(
                warid=int(r["warid"]),
                atopid=int(r["atopid"]),
                cowwarid=_int(r.get("cowwarid")),
                warname=r.get("warname", ""),
                dna=flag("dnaLLM"),
                honoured=flag("honorLLM"),
                violated=flag("violateLLM"),
                cfna=flag("cfnaLLM"),
                nonagg=flag("nonaggLLM"),
                consul=flag("consulLLM"),
                early=flag("sample"),
            )
        )
    return out


@dataclass
class BacktestInputs:
    world: World
    system: StateSystem
    participants: list[Participation]
    iwd: list[IwdWar]
    bf: list[BfRow]
    files: dict[str, str]
    notes: list[str]
    covariates: Covariates | None = None


def load_covariates(majors: Path, contiguity: Path) -> Covariates:
    """Major-power and contiguity spells from the COW files (see module doc)."""
    from foedus.io.importers.cow import read_contiguity, read_majors

    return Covariates.build(
        majors=read_majors(majors).iter_rows(),
        contiguity=read_contiguity(contiguity).iter_rows(),
    )


def load_inputs(folder: Path) -> BacktestInputs:
    """The ATOP world with the COW registry, the COW system, and the three war files."""
    from foedus.io.corpus import bundled_registry
    from foedus.io.importers.atop import find_atop_files
    from foedus.io.research import find_data, research_inputs

    inputs = research_inputs(folder, "atop", "cow", base_registry=bundled_registry())
    war = find_file(folder, "cow-war")
    assert war is not None
    iwd = find_file(folder, "iwd", required=False)
    bf = find_file(folder, "bf", required=False)
    files = {
        "cow_war": str(war),
        "cow_states": str(find_data(folder, "cow-states")),
        "atop": str(find_atop_files(folder).members),
    }
    if iwd is not None:
        files["iwd"] = str(iwd)
    if bf is not None:
        files["berkemeier_fuhrmann"] = str(bf)
    majors = find_data(folder, "cow-majors", required=False)
    contiguity = find_data(folder, "cow-contiguity", required=False)
    covariates = None
    if majors is not None and contiguity is not None:
        files.update(cow_majors=str(majors), cow_contiguity=str(contiguity))
        covariates = load_covariates(majors, contiguity)
    return BacktestInputs(
        world=inputs.world,
        system=inputs.system,
        participants=read_participants(war),
        iwd=read_iwd(iwd) if iwd is not None else [],
        bf=read_bf(bf) if bf is not None else [],
        files=files,
        notes=list(inputs.notes),
        covariates=covariates,
    )
