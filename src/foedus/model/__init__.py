"""The domain model: pure, immutable values with no I/O."""

from foedus.model.dates import PartialDate, Precision, to_date
from foedus.model.obligation import (
    ATOP_KINDS,
    AttackerScope,
    LocationScope,
    Obligation,
    ObligationKind,
    Response,
    Trigger,
)
from foedus.model.source import Source
from foedus.model.state import Spell, State, StateFile
from foedus.model.treaty import (
    Article,
    Exit,
    Invocation,
    Party,
    Suspension,
    Treaty,
    TreatyEnd,
)

__all__ = [
    "ATOP_KINDS",
    "Article",
    "AttackerScope",
    "Exit",
    "Invocation",
    "LocationScope",
    "Obligation",
    "ObligationKind",
    "PartialDate",
    "Party",
    "Precision",
    "Response",
    "Source",
    "Spell",
    "State",
    "StateFile",
    "Suspension",
    "Treaty",
    "TreatyEnd",
    "Trigger",
    "to_date",
]
