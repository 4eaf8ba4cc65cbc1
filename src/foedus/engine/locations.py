"""Does an attack at a place fall within an obligation's location scope?

A place is a state code (its territory) or a named area id (``north-atlantic``, ``guam`` …).
"""

from __future__ import annotations

from collections.abc import Mapping

from foedus.model.area import Area
from foedus.model.obligation import LocationScope

__all__ = ["location_applies", "place_name"]


def place_name(place: str, areas: Mapping[str, Area]) -> str:
    area = areas.get(place)
    return area.name if area else place


def location_applies(
    scope: LocationScope, protected: str, place: str, areas: Mapping[str, Area]
) -> bool:
    """True when an attack on ``protected`` at ``place`` is inside ``scope``.

    >>> from foedus.model.obligation import LocationScope
    >>> location_applies(LocationScope(scope="territory"), "KOR", "KOR", {})
    True
    >>> location_applies(LocationScope(scope="territory"), "USA", "KOR", {})
    False
    """
    if scope.scope == "anywhere":
        return True
    area = areas.get(place)
    if scope.scope in ("territory", "administered_territory"):
        return place == protected or (area is not None and area.part_of == protected)
    wanted = scope.area or ""
    if place == wanted:
        return True
    if area is not None:
        return wanted in area.within
    named = areas.get(wanted)
    return named is not None and place in named.covers
