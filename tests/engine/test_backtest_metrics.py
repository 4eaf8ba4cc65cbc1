"""Backtest metrics, applicability and fitting on small hand-made inputs (exact values)."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from foedus.engine.backtest.cases import Belligerent, WarCase
from foedus.engine.backtest.fit import fit_reliability, honour_rates
from foedus.engine.backtest.history import Commitment, FoughtWar, judge
from foedus.engine.backtest.metrics import EPS, Row, calibration, score
from foedus.model.obligation import AttackerScope, Obligation, ObligationKind, Response, Trigger
from foedus.model.treaty import Article, Party, Treaty
from foedus.query.edges import ObligationEdge


def test_scores_exact() -> None:
    rows = [
        Row(0, 0, 0.8),  # TP, right side
        Row(1, 0, 0.6),  # TP, wrong side
        Row(0, None, 0.5),  # FP
        Row(None, 1, 0.0),  # FN
        Row(None, None, 0.0),  # TN
    ]
    s = score(rows)
    assert (s.tp, s.fp, s.fn, s.joiners, s.predicted) == (2, 1, 1, 3, 3)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 / 3)
    assert s.side_accuracy == pytest.approx(0.5)
    assert s.brier == pytest.approx((0.04 + 0.16 + 0.25 + 1.0 + 0.0) / 5)
    expected = -(math.log(0.8) + math.log(0.6) + math.log(0.5) + math.log(EPS) + math.log(1 - EPS))
    assert s.log_loss == pytest.approx(expected / 5)


def test_no_predictions_and_base_rate() -> None:
    s = score(
        [Row(None, 0, 0.25), Row(None, None, 0.25), Row(None, None, 0.25), Row(None, None, 0.25)]
    )
    assert (s.precision, s.recall, s.f1, s.side_accuracy) == (0.0, 0.0, 0.0, None)
    assert s.brier == pytest.approx((0.75**2 + 3 * 0.25**2) / 4)
    assert score([]).brier is None


def test_calibration_bins() -> None:
    rows = [Row(None, None, 0.0), Row(None, 0, 0.0), Row(0, 0, 0.15), Row(0, None, 0.12)]
    bins = calibration(rows, bins=10)
    assert [(b.lo, b.hi, b.n, b.observed) for b in bins] == [(0.0, 0.0, 2, 0.5), (0.1, 0.2, 2, 0.5)]
    assert bins[1].mean_p == pytest.approx(0.135)


def _edge(
    kind: ObligationKind, *, unprovoked: bool = False, against: tuple[str, ...] = ()
) -> ObligationEdge:
    trigger = Trigger(attacker=AttackerScope(states=against), unprovoked_only=unprovoked)
    ob = Obligation(kind=kind, trigger=trigger, response=Response(automatic=False))
    art = Article(number="1", says="x", obligations=(ob,))
    return ObligationEdge(_treaty(), art, ob, "BBB", "AAA")


def _treaty() -> Treaty:
    return Treaty.model_construct(
        id="t",
        name="T",
        atop=(1,),
        parties=(Party.model_construct(state="AAA"), Party.model_construct(state="BBB")),
        sources=(),
    )


def test_judge_follows_the_trigger_semantics() -> None:
    attacked = FoughtWar({"AAA": 1, "XXX": 0}, {"AAA": frozenset({"XXX"})})
    assert judge(_edge(ObligationKind.DEFENSE), attacked) == (True, "casus foederis met", False)
    joined = FoughtWar({"AAA": 1, "XXX": 0, "BBB": 1}, {"AAA": frozenset({"XXX"})})
    assert judge(_edge(ObligationKind.DEFENSE), joined)[2] is True
    started = FoughtWar({"AAA": 0, "XXX": 1}, {"AAA": frozenset({"XXX"})})
    assert not judge(_edge(ObligationKind.DEFENSE, unprovoked=True), started)[0]
    assert not judge(_edge(ObligationKind.DEFENSE, against=("YYY",)), attacked)[0]
    entered = FoughtWar({"AAA": 1, "XXX": 0}, {"XXX": frozenset({"AAA"})})
    assert judge(_edge(ObligationKind.DEFENSE), entered)[1].startswith(
        "protected state was not attacked"
    )
    assert judge(
        _edge(ObligationKind.OFFENSE), FoughtWar({"AAA": 0, "XXX": 1}, {"XXX": frozenset({"AAA"})})
    )[0]
    assert judge(_edge(ObligationKind.NONAGGRESSION), FoughtWar({"AAA": 1, "BBB": 0}, {})) == (
        True,
        "fought a partner",
        False,
    )
    assert judge(_edge(ObligationKind.NEUTRALITY), attacked) == (
        True,
        "protected state at war",
        True,
    )


def _c(
    war: int, obligor: str, honoured: bool, kind: str = "defense", initial: bool = False
) -> Commitment:
    return Commitment(war, 1, "t", kind, obligor, "AAA", True, "", honoured, initial)


def test_fit_counts_units_once_and_smooths() -> None:
    found = [
        _c(1, "B", True),
        _c(1, "B", True),  # same unit twice: counted once
        _c(1, "C", False),
        _c(2, "D", False),
        _c(2, "E", True, initial=True),  # initial: left out
        _c(3, "F", True),  # test period: left out
        _c(1, "G", True, kind="offense"),
    ]
    years = {1: 1900, 2: 1930, 3: 1990}
    rates = honour_rates(found, years, first=0, last=1945)
    assert (rates["defense"].honoured, rates["defense"].applicable) == (1, 3)
    model = fit_reliability(found, years, split_year=1946)
    pooled = next(r for r in model.rules if r.from_ is None and r.kind == "defense")
    assert pooled.p == pytest.approx(round(2 / 5, 4))
    early = next(r for r in model.rules if r.from_ == 1816 and r.kind == "defense")
    assert early.to == 1913
    assert early.p == pytest.approx(round(2 / 4, 4))
    assert model.default == pytest.approx(round(3 / 6, 4))


def test_war_case_period() -> None:
    b = Belligerent(1, "A", 0, dt.date(1945, 12, 31), True)
    assert WarCase(1, "W", dt.date(1945, 12, 31), (b,), ()).period == "fit"
    assert WarCase(2, "W", dt.date(1946, 1, 1), (b,), ()).period == "test"
