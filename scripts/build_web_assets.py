#!/usr/bin/env python3
"""Build the web UI's world map from Natural Earth country shapes (run once; output is committed).

What it does:

1. ``npm pack world-atlas@VERSION`` downloads the npm package ``world-atlas`` (pre-built TopoJSON
   of Natural Earth's 1:110m countries; Natural Earth is public domain, world-atlas is ISC) from
   the npm registry with the ordinary npm client, into a temporary folder.
2. Its ``countries-110m.json`` (TopoJSON) is decoded here in plain Python (the arcs are
   quantized and delta-encoded, as topojson-client's ``feature()`` decodes them), projected with
   the Equal Earth projection (Šavrič, Patterson & Jenny 2018) and written as SVG path strings.
3. Each shape gets its ISO 3166-1 alpha-3 code from its numeric id (with ``pycountry``), so the
   page can match shapes to foedus states by ``iso3``.

Output: ``src/foedus/web/static/world.json`` (about 100 kB) and the licence notes in
``src/foedus/web/static/THIRD_PARTY.md``. The package ships these files, so ``pip install .``
needs neither npm nor a network.

Usage: ``python scripts/build_web_assets.py`` (needs ``npm`` and ``pip install pycountry``).
"""

from __future__ import annotations

import itertools
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

WORLD_ATLAS = "world-atlas@2.0.2"
OUT = Path(__file__).resolve().parents[1] / "src" / "foedus" / "web" / "static"
WIDTH = 1000.0
LAT_MIN, LAT_MAX = -58.0, 84.0  # Antarctica is left out; the map is cropped to these latitudes
#: Shapes without an ISO number in Natural Earth, and the foedus code of their state if any.
UNNUMBERED = {"Kosovo": "KOS", "N. Cyprus": None, "Somaliland": None}
#: Codes whose foedus registry code differs from ISO alpha-3.
CODE_OVERRIDES: dict[str, str] = {}

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth projection of degrees, in units of the unit sphere."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


def fetch_topojson(tmp: Path) -> tuple[dict[str, Any], str]:
    """``countries-110m.json`` and the licence text of the world-atlas npm package."""
    subprocess.run(
        ["npm", "pack", WORLD_ATLAS, "--pack-destination", str(tmp), "--silent"],
        check=True,
        cwd=tmp,
        stdout=subprocess.DEVNULL,
    )
    (tarball,) = tmp.glob("world-atlas-*.tgz")
    with tarfile.open(tarball) as tar:
        data = tar.extractfile("package/countries-110m.json")
        licence = tar.extractfile("package/LICENSE")
        assert data is not None
        assert licence is not None
        return json.load(data), licence.read().decode()


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute longitude/latitude points of every arc (undo quantization and delta coding)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(
    ring: list[int], arcs: list[list[tuple[float, float]]]
) -> list[tuple[float, float]]:
    """Stitch a ring from arc indexes (a negative index ``~i`` is arc ``i`` reversed)."""
    out: list[tuple[float, float]] = []
    for index in ring:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        out.extend(points[1:] if out else points)
    return out


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Keep a ring on one side of the antimeridian (Russia's Chukotka, Fiji): where a ring jumps
    across ±180°, the points on its minority side are moved onto the 180° meridian."""
    jumps = any(abs(b[0] - a[0]) > 180 for a, b in itertools.pairwise(points))
    if not jumps:
        return points
    east = sum(1 for lon, _ in points if lon > 0) >= len(points) / 2
    edge = 180.0 if east else -180.0
    return [((edge if (lon < 0) == east else lon), lat) for lon, lat in points]


def path_of(polygons: list[list[list[int]]], arcs: list[list[tuple[float, float]]]) -> str:
    """One SVG path for a (multi)polygon, projected and scaled to the map's box."""
    x_max, _ = equal_earth(180, 0)
    scale = WIDTH / (2 * x_max)
    _, y_top = equal_earth(0, LAT_MAX)
    parts = []
    for polygon in polygons:
        for ring in polygon:
            pts = []
            for lon, lat in unwrap(ring_points(ring, arcs)):
                x, y = equal_earth(lon, lat)
                pts.append(f"{(x + x_max) * scale:.1f},{(y_top - y) * scale:.1f}")
            deduped = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
            if len(deduped) >= 3:
                parts.append("M" + "L".join(deduped) + "Z")
    return "".join(parts)


def iso3_of(numeric: str | None, name: str) -> tuple[str | None, str | None]:
    """ISO alpha-3 and foedus code of a shape."""
    import pycountry

    if numeric is None:
        return None, UNNUMBERED.get(name)
    country = pycountry.countries.get(numeric=numeric)
    iso3 = country.alpha_3 if country else None
    return iso3, CODE_OVERRIDES.get(iso3 or "", iso3)


def build(topo: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topo)
    x_max, _ = equal_earth(180, 0)
    scale = WIDTH / (2 * x_max)
    height = (equal_earth(0, LAT_MAX)[1] - equal_earth(0, LAT_MIN)[1]) * scale
    countries = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        if name == "Antarctica" or geometry.get("type") is None:
            continue
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else list(geometry["arcs"])
        iso3, code = iso3_of(geometry.get("id"), name)
        countries.append(
            {
                "id": geometry.get("id"),
                "iso3": iso3,
                "code": code,
                "name": name,
                "d": path_of(polygons, arcs),
            }
        )
    countries.sort(key=lambda c: c["name"])
    return {
        "source": f"Natural Earth 1:110m countries via npm {WORLD_ATLAS} (Equal Earth projection)",
        "viewBox": f"0 0 {WIDTH:.0f} {height:.1f}",
        "countries": countries,
    }


THIRD_PARTY = """# Third-party material in this folder

## world.json — country shapes

- **Data:** [Natural Earth](https://www.naturalearthdata.com/) 1:110m Cultural Vectors, Admin 0 –
  Countries. Natural Earth is in the **public domain** ("No permission is needed to use Natural
  Earth. Crediting the authors is unnecessary."). Made with Natural Earth.
- **Package:** the npm package [`{package}`](https://www.npmjs.com/package/world-atlas) by Mike
  Bostock, pre-built TopoJSON of Natural Earth, under the ISC licence reproduced below.
- **Conversion:** `scripts/build_web_assets.py` decodes the TopoJSON, projects it (Equal Earth)
  and maps ISO numeric ids to alpha-3 codes with the `pycountry` package (build time only; the
  codes are ISO 3166-1 facts, not pycountry's work).

### ISC licence of world-atlas

```
{licence}
```

## Everything else here

`index.html`, `*.js` and `style.css` are part of foedus (MIT), written for it; no third-party
JavaScript or CSS is bundled.
"""


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        topo, licence = fetch_topojson(Path(tmp))
    world = build(topo)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "world.json").write_text(json.dumps(world, separators=(",", ":")) + "\n")
    (OUT / "THIRD_PARTY.md").write_text(
        THIRD_PARTY.format(package=WORLD_ATLAS, licence=licence.strip())
    )
    size = (OUT / "world.json").stat().st_size
    print(f"wrote {OUT / 'world.json'} ({len(world['countries'])} shapes, {size // 1024} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
