"""Backtest the engine against history: COW wars, their joiners, and alliance fulfilment.

Pure functions on records the io layer reads (:mod:`foedus.io.backtest`):

- :mod:`~foedus.engine.backtest.cases`: war cases from the COW participants and IWD files;
- :mod:`~foedus.engine.backtest.predict`: the engine's predictions from each war's onset;
- :mod:`~foedus.engine.backtest.history`: whether each obligation applied in the war as fought;
- :mod:`~foedus.engine.backtest.fit`: reliability fitted on the fit period;
- :mod:`~foedus.engine.backtest.metrics`: precision, recall, F1, side accuracy, Brier, log loss;
- :mod:`~foedus.engine.backtest.fulfilment`: (war, alliance) fulfilment against Berkemeier &
  Fuhrmann (2018);
- :mod:`~foedus.engine.backtest.run`: all of it, with baselines, per period.

References
----------
Berkemeier, M. & Fuhrmann, M. (2018). Reassessing the Fulfillment of Alliance Commitments in War.
*Research & Politics* 5(2).
Leeds, B. A., Long, A. G. & Mitchell, S. M. (2000). Reevaluating Alliance Reliability.
*Journal of Conflict Resolution* 44(5), 686-699.
Reiter, D., Stam, A. C. & Horowitz, M. C. (2016). A Revised Look at Interstate Wars, 1816-2007.
*Journal of Conflict Resolution* 60(5), 956-976.
"""

from __future__ import annotations

from foedus.engine.backtest.cases import (
    SPLIT_YEAR,
    Belligerent,
    IwdWar,
    Participation,
    WarCase,
    build_cases,
)
from foedus.engine.backtest.fulfilment import BfRow
from foedus.engine.backtest.metrics import Row, Scores, calibration, score
from foedus.engine.backtest.run import MODELS, Backtest, run_backtest

__all__ = [
    "MODELS",
    "SPLIT_YEAR",
    "Backtest",
    "Belligerent",
    "BfRow",
    "IwdWar",
    "Participation",
    "Row",
    "Scores",
    "WarCase",
    "build_cases",
    "calibration",
    "run_backtest",
    "score",
]
