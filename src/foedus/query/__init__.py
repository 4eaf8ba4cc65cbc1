"""Dated queries over a world of treaties: ``World`` (all time) → ``Snapshot`` (one day)."""

from foedus.query.changes import Change
from foedus.query.edges import ObligationEdge
from foedus.query.snapshot import PartyStatus, Snapshot, TreatyStatus
from foedus.query.world import World

__all__ = ["Change", "ObligationEdge", "PartyStatus", "Snapshot", "TreatyStatus", "World"]
