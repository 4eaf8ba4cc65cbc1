"""The record of one treaty as ``foedus treaty show --format json`` prints it (JSON contract).

The treaty file as data, plus ``bound``: per party, the first and last+1 day it was bound.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from foedus.model.treaty import Treaty
from foedus.query.world import World

__all__ = ["treaty_record"]


def treaty_record(treaty: Treaty, world: World) -> dict[str, Any]:
    """``treaty`` as data with the per-party ``bound`` intervals computed by ``world``."""
    data = treaty.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
    data["bound"] = {
        p.state: {
            "from": span.start.isoformat(),
            "to": None if span.end == dt.date.max else span.end.isoformat(),
        }
        for p in treaty.parties
        if (span := world.spans.get((treaty.id, p.state))) is not None
    }
    return data
