"""Checks of the state registry (src/foedus/corpus/states.yaml) using only PyYAML and the CSVs.

Deliberately independent of the foedus package: it checks the data file itself, against the
Correlates of War state list and the Gleditsch-Ward list in shared/data when that folder exists.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import itertools
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

STATES_FILE = Path(__file__).parents[2] / "src/foedus/corpus/states.yaml"
SHARED_DATA = Path(__file__).parents[3] / "shared/data"
COW_ONGOING = dt.date(2016, 12, 31)
GW_NOT_INCLUDED = {89, 99, 815}  # Central American federation, Gran Colombia, pre-colonial Vietnam

DATA = yaml.safe_load(STATES_FILE.read_text(encoding="utf-8"))
STATES = DATA["states"]
BY_CODE = {s["code"]: s for s in STATES}


def bounds(value) -> tuple[dt.date, dt.date]:
    """First and last day a date can mean; PyYAML gives a date, an int year or 'YYYY-MM'."""
    if isinstance(value, dt.date):
        return value, value
    if isinstance(value, int):
        return dt.date(value, 1, 1), dt.date(value, 12, 31)
    year, month = map(int, value.split("-"))
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def first_day(value) -> dt.date:  # a `from`: null means before 1816
    return dt.date.min if value is None else bounds(value)[0]


def last_day(value) -> dt.date:  # a `to`: null means still exists
    return dt.date.max if value is None else bounds(value)[1]


def span(spell) -> tuple[dt.date, dt.date]:
    """A spell as [start, end) with an exclusive end (a partial `to` ends after its last day)."""
    to = spell["to"]
    end = to if isinstance(to, dt.date) else last_day(to)
    if to is not None and not isinstance(to, dt.date):
        end += dt.timedelta(days=1)
    return first_day(spell["from"]), end


def overlap(a, b) -> bool:
    spans_b = [span(sp) for sp in b["exists"]]
    return any(s1 < e2 and s2 < e1 for s1, e1 in map(span, a["exists"]) for s2, e2 in spans_b)


def shared_csv(name: str) -> list[dict[str, str]]:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA}")
    with open(SHARED_DATA / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_codes_are_unique_and_well_formed():
    assert [c for c, n in Counter(s["code"] for s in STATES).items() if n > 1] == []
    three_letters = re.compile(r"^[A-Z]{3}$")
    for s in STATES:
        assert three_letters.match(s["code"]), s["code"]
        assert s["iso3"] is None or three_letters.match(s["iso3"]), s["code"]
        assert s["un"] in ("member", "observer", None), s["code"]
        assert str(s["name"]).strip(), s["code"]


def test_sorted_by_cow_code_with_null_last():
    keys = [(s["cow"] is None, s["cow"] or 0) for s in STATES]
    assert keys == sorted(keys)


def test_un_membership_counts():
    counts = Counter(s["un"] for s in STATES)
    assert (counts["member"], counts["observer"]) == (193, 2)
    assert {s["name"] for s in STATES if s["un"] == "observer"} == {"Holy See", "Palestine"}


def test_sources_defined_and_used():
    defined = [src["id"] for src in DATA["sources"]]
    assert len(defined) == len(set(defined))
    used = {i for s in STATES for i in s["sources"]}
    assert used <= set(defined), used - set(defined)
    assert set(defined) <= used, set(defined) - used
    for s in STATES:  # each code or status the entry carries cites where it comes from
        needs = {
            "cow-states-2016": s["cow"] is not None,
            "un-member-states": s["un"] == "member",
            "un-observer-states": s["un"] == "observer",
            "iso-3166": s["iso3"] is not None,
            "gleditsch-ward": "gw" in s,
        }
        assert {k for k, v in needs.items() if v} <= set(s["sources"]), s["code"]


@pytest.mark.parametrize("state", STATES, ids=lambda s: s["code"])
def test_spells_ordered_and_disjoint(state):
    spans = [span(sp) for sp in state["exists"]]
    assert spans, "at least one spell"
    for start, end in spans:
        assert start < end
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start, "spells must be in order and must not overlap"


def test_names_do_not_collide_between_coexisting_states():
    keys = {
        s["code"]: {k.casefold() for k in (s["code"], s["name"], s["iso3"], *s["aliases"]) if k}
        for s in STATES
    }
    clashes = [
        (a["code"], b["code"], sorted(keys[a["code"]] & keys[b["code"]]))
        for i, a in enumerate(STATES)
        for b in STATES[i + 1 :]
        if keys[a["code"]] & keys[b["code"]] and overlap(a, b)
    ]
    assert clashes == []


def test_every_cow_state_once_with_its_abbreviation():
    rows = shared_csv("cow_states2016.csv")
    by_cow = Counter(s["cow"] for s in STATES if s["cow"] is not None)
    assert {c for c, n in by_cow.items() if n > 1} == set()
    abbs = {int(r["ccode"]): r["stateabb"] for r in rows}
    assert set(by_cow) == set(abbs)
    assert {s["cow"]: s["cow_abb"] for s in STATES if s["cow"] is not None} == abbs


def test_cow_membership_lies_inside_existence():
    outside = []
    by_cow = {s["cow"]: s for s in STATES if s["cow"] is not None}
    for r in shared_csv("cow_states2016.csv"):
        state = by_cow[int(r["ccode"])]
        start = dt.date(int(r["styear"]), int(r["stmonth"]), int(r["stday"]))
        end = dt.date(int(r["endyear"]), int(r["endmonth"]), int(r["endday"]))
        inside = any(
            first_day(sp["from"]) <= start
            and (sp["to"] is None if end == COW_ONGOING else last_day(sp["to"]) >= end)
            for sp in state["exists"]
        )
        if not inside:
            outside.append((state["code"], str(start), str(end)))
    assert outside == []


def test_gleditsch_ward_codes_are_known():
    known = {s.get("gw") for s in STATES} | {s["cow"] for s in STATES}
    gw_codes = {int(r["gwcode"]) for r in shared_csv("gw_states.csv")}
    assert gw_codes - known == GW_NOT_INCLUDED
