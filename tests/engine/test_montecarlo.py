"""Monte Carlo: same rules as the deterministic cascade, reproducible, and converging to
closed-form probabilities on small worlds."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.engine import Attack, ReliabilityModel, Scenario, prepare, run_cascade
from foedus.engine.kernel import simulate_sides
from foedus.engine.montecarlo import arrays_of, run_monte_carlo
from foedus.query import World

from .worlds import random_events, random_worlds, treaty, world

DEFENSE = {"kind": "defense", "response": {"automatic": True}}


def _attack(by: str = "AAA", on: str = "BBB") -> Scenario:
    return Scenario(date="2000-01-01", events=[Attack(by=by, on=on)])


@settings(max_examples=120, deadline=None)
@given(random_worlds(), random_events(), st.booleans())
def test_kernel_follows_the_deterministic_rules(world_: World, events: list, flag: bool) -> None:
    """With p = 1 for obligations that fire and 0 for the others, every draw of the kernel ends
    with exactly the sides of the deterministic cascade."""
    scenario = Scenario.model_validate({"date": "2000-01-01", "events": events})
    try:
        compiled = prepare(world_, scenario)
        war = run_cascade(compiled, discretionary=flag)
    except ValueError:
        return  # an intervention for a state not at war: rejected by validation
    p = np.where(compiled.e_automatic | flag, 1.0, 0.0)
    _, sizes, sides = simulate_sides(arrays_of(compiled), p, runs=3, seed=1, keep=True)
    want = {e.state: e.side for e in war.entries}
    for draw in sides:
        got = {compiled.codes[i]: int(s) for i, s in enumerate(draw) if s >= 0}
        assert got == want
    assert set(sizes) == {len(want)}


def _p(world_: World, scenario: Scenario, p: float, state: str, runs: int = 40_000) -> float:
    mc = run_monte_carlo(prepare(world_, scenario), ReliabilityModel.constant(p), runs=runs, seed=7)
    return mc.p_join(state)


def _close(estimate: float, exact: float, runs: int = 40_000) -> bool:
    return abs(estimate - exact) <= 4.5 * math.sqrt(max(exact * (1 - exact), 1e-4) / runs)


@settings(max_examples=8, deadline=None)
@given(st.floats(0.05, 0.95))
def test_one_obligation_is_honoured_with_its_probability(p: float) -> None:
    w = world(treaty("t", ["BBB", "CCC"], DEFENSE))
    assert _close(_p(w, _attack(), p, "CCC"), p)


@settings(max_examples=8, deadline=None)
@given(st.floats(0.05, 0.95))
def test_two_treaties_give_two_chances(p: float) -> None:
    w = world(treaty("t1", ["BBB", "CCC"], DEFENSE), treaty("t2", ["BBB", "CCC"], DEFENSE))
    assert _close(_p(w, _attack(), p, "CCC"), 1 - (1 - p) ** 2)


@settings(max_examples=8, deadline=None)
@given(st.floats(0.05, 0.95))
def test_one_treaty_is_one_decision(p: float) -> None:
    """AAA attacks both BBB and DDD; CCC's obligations to both under one treaty are one choice."""
    w = world(treaty("t", ["BBB", "CCC", "DDD"], DEFENSE))
    both = Scenario(
        date="2000-01-01", events=[Attack(by="AAA", on="BBB"), Attack(by="AAA", on="DDD")]
    )
    assert _close(_p(w, both, p, "CCC"), p)


@settings(max_examples=8, deadline=None)
@given(st.floats(0.05, 0.95))
def test_a_chain_multiplies(p: float) -> None:
    """AAA attacks BBB; CCC defends BBB (p); then DDD defends AAA against CCC (p)."""
    w = world(treaty("t1", ["BBB", "CCC"], DEFENSE), treaty("t2", ["AAA", "DDD"], DEFENSE))
    assert _close(_p(w, _attack(), p, "DDD"), p * p)


def test_same_seed_same_result_whatever_the_chunking() -> None:
    w = world(
        treaty("t1", ["BBB", "CCC"], DEFENSE),
        treaty("t2", ["AAA", "DDD"], DEFENSE),
        treaty("t3", ["CCC", "EEE"], DEFENSE),
    )
    compiled = prepare(w, _attack())
    model = ReliabilityModel.constant(0.5)
    one = run_monte_carlo(compiled, model, runs=5000, seed=3, keep_draws=True, chunks=1)
    many = run_monte_carlo(compiled, model, runs=5000, seed=3, keep_draws=True, chunks=37)
    assert np.array_equal(one.sides, many.sides)
    assert np.array_equal(one.joined, many.joined)
    other = run_monte_carlo(compiled, model, runs=5000, seed=4, keep_draws=True)
    assert not np.array_equal(one.sides, other.sides)


def test_runs_must_be_positive() -> None:
    from foedus.engine import simulate

    w = world(treaty("t", ["BBB", "CCC"], DEFENSE))
    with pytest.raises(ValueError, match="at least 1"):
        simulate(w, _attack(), runs=0, reliability=ReliabilityModel.constant(0.5))


def test_reliability_rules_by_treaty_size() -> None:
    w = world(
        treaty("small", ["BBB", "CCC"], DEFENSE),
        treaty("large", ["BBB", "DDD", "EEE", "FFF"], DEFENSE),
    )
    model = ReliabilityModel.model_validate(
        {"default": 0.5, "rules": [{"max_parties": 2, "p": 0.9}, {"min_parties": 3, "p": 0.1}]}
    )
    day = prepare(w, _attack()).day
    p = {(e.treaty.id, e.from_): model.p(e, day) for e in w.edges}
    assert p[("small", "CCC")] == 0.9
    assert p[("large", "DDD")] == 0.1
