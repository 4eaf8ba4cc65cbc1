"""Cross-check of the bundled corpus against ATOP (issue 3, item 6) — a check, not a source.

Per treaty (ATOP v4.01, coverage to 2016-12-31): members, entry/exit dates and obligation kinds
agree, or the treaty file records each difference in ``atop_differences`` (the rules are in
:mod:`foedus.io.atop_check`). Aggregate (ATOP 5.1): the share of ATOP's 2018 directed defence
dyads that the corpus has in force on 2018-12-31, with and without the documented exclusions of
``atop_2018_exclusions.yaml``. Run with ``-s`` to see the figures.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

import foedus
from foedus.io.atop_check import (
    AtopMember,
    check_treaty,
    defense_dyads,
    excluded_dyads,
    read_atop_members,
    read_defense_dyads,
)
from foedus.io.corpus import BUNDLED, read_corpus

pytestmark = pytest.mark.data

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
MEMBERS = DATA / "atop_v4.01_member_level.csv"
DYADS = DATA / "atop_v5.1_ddyr_obligations.csv"
EXCLUSIONS = Path(__file__).with_name("atop_2018_exclusions.yaml")
YEAR = 2018
#: Issue 3's aim for the 2018 aggregate; not reached yet (the closing notes say why).
AIM = 0.95
#: The share the corpus has reached: a ratchet, so that no change can lose bound dyads unnoticed.
#: Raise it when sourcing lifts the share; never lower it without saying why in the change.
FLOOR = 0.81


@pytest.fixture(scope="module")
def atop() -> dict[int, list[AtopMember]]:
    if not MEMBERS.is_file():
        pytest.skip(f"ATOP v4.01 member-level file not found at {MEMBERS}")
    return read_atop_members(MEMBERS)


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    """Treaty id → its file, as the loader reports it."""
    corpus = read_corpus([BUNDLED])
    return {tid: doc.positions.file for tid, doc in corpus.treaties.items()}


@pytest.fixture(scope="module")
def exclusions() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(EXCLUSIONS.read_text(encoding="utf-8"))
    return data


def test_per_treaty_differences_are_recorded(
    world: foedus.World, atop: dict[int, list[AtopMember]], files: dict[str, str]
) -> None:
    checked = [t for t in sorted(world.treaties.values(), key=lambda t: t.id) if t.atop]
    assert checked, "no corpus treaty has an ATOP id"
    unrecorded: list[str] = []
    print(f"\nATOP v4.01 per-treaty agreement ({len(checked)} treaties with ATOP ids)")
    for treaty in checked:
        check = check_treaty(world, treaty, atop)
        print("  " + check.summary())
        for stale in check.stale:
            who = stale.state or stale.kind or "all"
            print(f"    warning: recorded {stale.what} difference ({who}) no longer occurs")
        for m in check.unrecorded:
            where = files.get(treaty.id, treaty.id)
            kind = f" {m.kind}" if m.kind else ""
            unrecorded.append(f"{where}: {m.state or '-'} {m.what}{kind} — {m.detail}")
    assert not unrecorded, (
        f"{len(unrecorded)} differences from ATOP are not recorded in `atop_differences` "
        "(add an entry with what/state/kind and why):\n" + "\n".join(unrecorded)
    )


def test_exclusions_are_documented(
    atop: dict[int, list[AtopMember]], exclusions: dict[str, Any]
) -> None:
    """Each exclusion names an ATOP alliance and says why it is left out."""
    assert exclusions["year"] == YEAR
    for entry in exclusions["exclusions"]:
        assert entry.get("reason"), entry
        assert entry.get("name"), entry
        assert entry["atop"] in atop, f"ATOP id {entry['atop']} is not in ATOP v4.01"


def _active_exclusions(world: foedus.World, exclusions: dict[str, Any]) -> list[int]:
    """Excluded ATOP ids that no treaty file encodes yet (an encoded alliance always counts)."""
    encoded = {i for t in world.treaties.values() for i in t.atop}
    ids = [int(e["atop"]) for e in exclusions["exclusions"]]
    for atopid in sorted(set(ids) & encoded):
        print(f"\nwarning: ATOP {atopid} is now encoded; remove it from {EXCLUSIONS.name}")
    return [i for i in ids if i not in encoded]


def _share(world: foedus.World, atop: dict[int, list[AtopMember]], ids: list[int]) -> str:
    wanted = read_defense_dyads(DYADS, YEAR)
    ours = defense_dyads(world, dt.date(YEAR, 12, 31))
    dropped = excluded_dyads(atop, wanted, ids)
    kept = wanted - dropped
    raw = len(wanted & ours) / len(wanted)
    share = len(kept & ours) / len(kept)
    return (
        f"{share:.1%}|ATOP 5.1 {YEAR} directed defence dyads: {len(wanted)}; in the corpus on "
        f"{YEAR}-12-31: {len(wanted & ours)} ({raw:.1%}); excluding {len(dropped)} dyads of "
        f"{len(ids)} excluded alliances (not yet encoded, or replaced without a defence clause): "
        f"{len(kept & ours)}/{len(kept)} ({share:.1%}); "
        f"corpus defence dyads ATOP does not code: {len(ours - wanted)}"
    )


def test_aggregate_2018_defence_dyads(
    world: foedus.World, atop: dict[int, list[AtopMember]], exclusions: dict[str, Any]
) -> None:
    if not DYADS.is_file():
        pytest.skip(f"ATOP 5.1 dyad-year file not found at {DYADS}")
    ids = _active_exclusions(world, exclusions)
    figure, text = _share(world, atop, ids).split("|", 1)
    print("\n" + text)
    share = float(figure.rstrip("%")) / 100
    if share < AIM:
        print(
            f"below issue 3's aim of {AIM:.0%}: parties of the Arab League, ECOWAS, SADC and AU "
            "pacts whose ratifications are not sourced are not bound"
        )
    assert share >= FLOOR, f"the share fell below {FLOOR:.0%}: {text}"
