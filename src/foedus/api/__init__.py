"""The REST API (FastAPI): the Python API over HTTP, described by OpenAPI at ``/openapi.json``.

Needs the ``api`` extra (``pip install 'foedus[api]'``). Nothing else in foedus imports this
package, so ``import foedus`` and the other commands never pay for FastAPI.

>>> from foedus.api import create_app  # doctest: +SKIP
>>> app = create_app()  # doctest: +SKIP
"""

from foedus.api.app import create_app

__all__ = ["create_app"]
