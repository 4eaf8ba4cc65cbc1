"""Download research datasets from their official addresses into the user's data folder.

``fetch(name)`` downloads with a progress bar, resumes an interrupted transfer (HTTP Range),
verifies the SHA-256, unpacks zips, and installs atomically into ``data_dir()/<name>``;
``manifest.json`` in the data folder records what is installed and where it came from.
"""

from foedus.io.download.fetch import DownloadError, data_dir, fetch
from foedus.io.download.manifest import read_manifest
from foedus.io.download.sources import SOURCES, DataSource

__all__ = ["SOURCES", "DataSource", "DownloadError", "data_dir", "fetch", "read_manifest"]
