"""The browser UI: plain JavaScript modules and bundled assets, served by ``foedus serve`` at ``/``.

Everything the page needs is in :data:`STATIC` (no CDN): the world map's country shapes come from
Natural Earth via the npm package ``world-atlas``, converted by ``scripts/build_web_assets.py``.
The page talks to the server only through the REST API (``/api/...``).
"""

from pathlib import Path

__all__ = ["INDEX", "STATIC"]

STATIC = Path(__file__).resolve().parent / "static"
INDEX = STATIC / "index.html"
