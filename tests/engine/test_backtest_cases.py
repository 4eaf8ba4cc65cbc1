"""Case extraction from the COW participants and IWD files, checked by hand on real wars."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from foedus.engine.backtest import Participation, WarCase, build_cases
from foedus.io.backtest import find_file, read_bf, read_iwd, read_participants

D = dt.date


@pytest.fixture(scope="module")
def cases(shared_data: Path) -> dict[int, WarCase]:
    rows = read_participants(find_file(shared_data, "cow-war"))  # type: ignore[arg-type]
    iwd = read_iwd(find_file(shared_data, "iwd"))  # type: ignore[arg-type]
    bf = read_bf(find_file(shared_data, "bf"))  # type: ignore[arg-type]
    known = {r.cowwarid: r.warid for r in bf if r.cowwarid is not None}
    return {c.war: c for c in build_cases(rows, iwd, known_iwd=known)}


def test_every_war_once_and_split(cases: dict[int, WarCase]) -> None:
    assert len(cases) == 95
    assert sum(c.period == "fit" for c in cases.values()) == 57
    assert all(c.initiators and all(b.side == 0 for b in c.initiators) for c in cases.values())


def test_world_war_one(cases: dict[int, WarCase]) -> None:
    war = cases[106]
    assert war.onset == D(1914, 7, 29)
    assert war.iwd_war == 38
    assert [(b.ccode, b.side, b.initiator) for b in war.initial] == [
        (300, 0, True),
        (345, 1, False),
    ]
    joiners = {b.ccode: (b.side, b.entry) for b in war.joiners}
    assert joiners == {
        255: (0, D(1914, 8, 1)),  # Germany
        365: (1, D(1914, 8, 1)),  # Russia
        220: (1, D(1914, 8, 3)),  # France
        211: (1, D(1914, 8, 4)),  # Belgium
        200: (1, D(1914, 8, 5)),  # United Kingdom
        740: (1, D(1914, 8, 23)),  # Japan
        640: (0, D(1914, 10, 28)),  # Ottoman Empire
        325: (1, D(1915, 5, 23)),  # Italy
        355: (0, D(1915, 10, 12)),  # Bulgaria
        235: (1, D(1916, 3, 1)),  # Portugal
        360: (1, D(1916, 8, 27)),  # Romania
        2: (1, D(1917, 4, 17)),  # USA
        350: (1, D(1917, 6, 29)),  # Greece
    }
    # the IWD code errors are fixed: Japan fought Germany (not Russia), Greece Bulgaria
    japan, greece = war.joiner(740), war.joiner(350)
    assert japan is not None
    assert japan.fought == (255,)
    assert greece is not None
    assert greece.fought == (355,)
    assert (300, 345, D(1914, 7, 29)) in war.attacks
    assert (255, 211, D(1914, 8, 4)) in war.attacks


def test_korean_war(cases: dict[int, WarCase]) -> None:
    war = cases[151]
    assert war.onset == D(1950, 6, 24)  # COW's date (25 June local time in Korea)
    assert [(b.ccode, b.side, b.initiator) for b in war.initial] == [
        (731, 0, True),
        (732, 1, False),
    ]
    joiners = {b.ccode: (b.side, b.entry) for b in war.joiners}
    assert joiners[2] == (1, D(1950, 6, 27))
    assert joiners[710] == (0, D(1950, 10, 27))
    assert set(joiners) == {2, 200, 840, 640, 710, 900, 20, 220, 210, 211, 350, 800, 530, 100}
    assert all(side == 1 for c, (side, _) in joiners.items() if c != 710)
    assert 365 not in joiners  # the IWD lists the USSR; COW does not
    assert any("365 is no COW participant" in n for n in war.notes)


def test_side_switches_keep_the_first_entry(cases: dict[int, WarCase]) -> None:
    ww2 = cases[139]
    italy = ww2.joiner(325)
    assert italy is not None
    assert (italy.side, italy.entry) == (0, D(1940, 6, 10))
    assert italy.switched == ((D(1943, 10, 18), 1),)
    france = ww2.joiner(220)
    assert france is not None
    assert (france.side, france.entry) == (1, D(1939, 9, 3))
    germany = cases[108].joiner(255)
    assert germany is not None
    assert (germany.side, germany.entry) == (1, D(1918, 12, 7))


def test_several_initial_belligerents() -> None:
    rows = [
        Participation(1, "W", 10, 2, D(2000, 1, 1), None, True),
        Participation(1, "W", 11, 2, D(2000, 1, 1), None, False),
        Participation(1, "W", 20, 1, D(2000, 1, 1), None, False),
        Participation(1, "W", 30, 1, D(2000, 2, 1), None, False),
    ]
    (case,) = build_cases(rows)
    assert [b.ccode for b in case.initial] == [10, 11, 20]
    assert case.initiators[0].ccode == 10
    assert [(b.ccode, b.side) for b in case.joiners] == [(30, 1)]
    # the joiner the IWD says nothing about attacks the other side's initial belligerents
    assert (30, 10, D(2000, 2, 1)) in case.attacks
    assert (30, 11, D(2000, 2, 1)) in case.attacks
