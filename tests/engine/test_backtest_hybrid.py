"""The hybrid backtest model: collective-action reliability, background, one decision per state."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from foedus.engine import Attack, Scenario, prepare
from foedus.engine.backtest.covariates import Covariates
from foedus.engine.backtest.history import Commitment
from foedus.engine.backtest.hybrid import (
    CollectiveReliability,
    combine,
    fit_background,
    fit_collective,
)
from foedus.engine.kernel import simulate_sides
from foedus.engine.montecarlo import arrays_of

from .worlds import treaty, world

DEFENSE = {"kind": "defense", "response": {"automatic": True}}


def _commitment(war: int, obligor: str, treaty_id: str, honoured: bool, **kw: object) -> Commitment:
    fields: dict[str, object] = {
        "war": war,
        "atopid": None,
        "treaty": treaty_id,
        "kind": "defense",
        "obligor": obligor,
        "protected": "BBB",
        "applies": True,
        "reason": "",
        "honoured": honoured,
    }
    fields.update(kw)
    return Commitment(**fields)  # type: ignore[arg-type]


def test_collective_fit_is_the_maximum_likelihood() -> None:
    """Bilateral units only: the MLE of a is the honour share (2 of 5); units from the test
    period, initial belligerents and obligations that did not apply are not counted."""
    found = [_commitment(1, c, "bi", c in ("C1", "C2")) for c in ("C1", "C2", "C3", "C4", "C5")]
    found += [
        _commitment(2, "C9", "bi", True),  # test period
        _commitment(1, "C8", "bi", True, obligor_initial=True),
        _commitment(1, "C7", "bi", True, applies=False),
    ]
    fitted = fit_collective(found, {1: 1900, 2: 1990}, {"bi": 2}, split_year=1946)
    assert (fitted.a, fitted.honoured, fitted.applicable) == (0.4, 2, 5)


def test_collective_rate_falls_with_treaty_size_and_the_file_says_so() -> None:
    """One unit honoured in a 5-party pact and one not: the likelihood a/4 · (1 - a/4) peaks at
    a = 2; the parameter file's rules give a / (n - 1) at each band's smallest size."""
    found = [_commitment(1, "C1", "big", True), _commitment(1, "C2", "big", False)]
    fitted = fit_collective(found, {1: 1900}, {"big": 5}, split_year=1946)
    assert fitted.a == 1.0  # the grid stops at 1 (a bilateral ally honours at most surely)
    model = CollectiveReliability(a=0.4, honoured=0, applicable=0).to_model(1946)
    by_band = {(r.min_parties, r.max_parties): r.p for r in model.rules if r.kind == "defense"}
    assert by_band[(None, 2)] == 0.4
    assert by_band[(6, 9)] == pytest.approx(0.08)
    assert by_band[(20, None)] == pytest.approx(0.4 / 19, abs=1e-4)


def test_background_counts_only_candidates_no_obligation_reached() -> None:
    rows = [((True, False), 0.0, True), ((True, False), 0.0, False), ((True, False), 0.3, True)]
    rows += [((False, False), 0.0, False)] * 8
    bg = fit_background(rows)
    assert bg.p((True, False)) == pytest.approx((1 + 1) / (2 + 2))
    assert bg.p((False, False)) == pytest.approx(1 / 10)
    assert combine(0.0, bg.p((False, False))) == pytest.approx(0.1)


def test_covariates_cells_use_half_open_spells() -> None:
    cov = Covariates.build(
        majors=[(2, dt.date(1898, 8, 13), dt.date(2017, 1, 1))],
        contiguity=[
            (2, 20, 1, dt.date(1920, 1, 1), dt.date(2016, 12, 2)),
            (2, 70, 4, dt.date(1900, 1, 1), dt.date(2017, 1, 1)),
        ],
    )
    assert cov.cell(2, [20], dt.date(1950, 6, 25)) == (True, True)
    assert cov.cell(2, [20], dt.date(1898, 8, 12)) == (False, False)
    assert cov.cell(2, [70], dt.date(1950, 6, 25)) == (True, False)  # 150 miles of water: not near
    assert cov.contiguous(2, 70, dt.date(1950, 6, 25), max_type=4)


def test_one_decision_per_state_when_grouped_by_obligor() -> None:
    """CCC is tied to BBB by two treaties with p = 0.5 each: two chances (0.75) per treaty,
    one (0.5) when its edges share the obligor's draw, as the hybrid model simulates."""
    w = world(treaty("t1", ["BBB", "CCC"], DEFENSE), treaty("t2", ["BBB", "CCC"], DEFENSE))
    compiled = prepare(w, Scenario(date="2000-01-01", events=[Attack(by="AAA", on="BBB")]))
    p = np.full(len(compiled.edges), 0.5)
    i = compiled.codes.index("CCC")
    arrays = arrays_of(compiled)
    per_treaty, _, _ = simulate_sides(arrays, p, runs=20_000, seed=2)
    per_state, _, _ = simulate_sides(
        {**arrays, "e_group": arrays["e_from"]}, p, runs=20_000, seed=2
    )
    assert per_treaty[:, i].sum() / 20_000 == pytest.approx(0.75, abs=0.02)
    assert per_state[:, i].sum() / 20_000 == pytest.approx(0.5, abs=0.02)
