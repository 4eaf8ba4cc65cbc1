"""Research datasets (dyad-years, state-years) from any World, as polars frames.

Pure functions of a :class:`~foedus.query.world.World` and a
:class:`~foedus.datasets.systems.StateSystem`: no file I/O (the importers in
:mod:`foedus.io.importers` read the files). ``frame.to_pandas()`` gives pandas.
Needs the ``research`` extra: ``pip install 'foedus[research]'``.
"""

from foedus.datasets._deps import require

require("polars", "numpy")

from foedus.datasets.dictionary import data_dictionary  # noqa: E402
from foedus.datasets.dyadyears import (  # noqa: E402
    ATOP_FLAGS,
    COW_FLAGS,
    dyad_universe,
    dyad_years,
    join_dyad_frame,
)
from foedus.datasets.rules import ANY_DAY, YearRule, on_day  # noqa: E402
from foedus.datasets.stateyears import state_universe, state_years  # noqa: E402
from foedus.datasets.systems import StateSystem, cow_to_gw  # noqa: E402

__all__ = [
    "ANY_DAY",
    "ATOP_FLAGS",
    "COW_FLAGS",
    "StateSystem",
    "YearRule",
    "cow_to_gw",
    "data_dictionary",
    "dyad_universe",
    "dyad_years",
    "join_dyad_frame",
    "on_day",
    "state_universe",
    "state_years",
]
