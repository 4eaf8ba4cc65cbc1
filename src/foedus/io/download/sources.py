"""Where each research dataset is published: the official address and what to expect there.

No checksum is recorded for these files: the projects publish none, and foedus has not
downloaded them in a trusted setting. ``foedus data fetch NAME --sha256 HEX`` verifies against a
checksum the user knows; otherwise the observed SHA-256 is recorded in the manifest, so a later
download that differs is visible (``foedus data list``).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SOURCES", "DataSource"]


@dataclass(frozen=True, slots=True)
class DataSource:
    """One downloadable dataset."""

    name: str
    title: str
    url: str
    homepage: str
    version: str
    sha256: str | None = None
    citation: str = ""

    @property
    def filename(self) -> str:
        return self.url.rstrip("/").rsplit("/", 1)[-1]

    @property
    def is_zip(self) -> bool:
        return self.filename.lower().endswith(".zip")


SOURCES: dict[str, DataSource] = {
    s.name: s
    for s in (
        DataSource(
            "atop",
            "Alliance Treaty Obligations and Provisions (ATOP) 5.1, CSV files",
            "https://www.atopdata.org/uploads/6/9/1/3/69134503/atop_5.1__.csv_.zip",
            "https://www.atopdata.org/data.html",
            "5.1",
            citation="Leeds, Ritter, Mitchell & Long (2002), International Interactions 28(3)",
        ),
        DataSource(
            "cow-states",
            "Correlates of War State System Membership v2016 (states2016.csv)",
            "https://correlatesofwar.org/wp-content/uploads/states2016.csv",
            "https://correlatesofwar.org/data-sets/state-system-membership/",
            "2016",
            citation="Correlates of War Project (2017), State System Membership List, v2016",
        ),
        DataSource(
            "nmc",
            "Correlates of War National Material Capabilities 6.0 (documentation and data)",
            "https://correlatesofwar.org/wp-content/uploads/NMC_Documentation-6.0.zip",
            "https://correlatesofwar.org/data-sets/national-material-capabilities/",
            "6.0",
            citation="Singer, Bremer & Stuckey (1972); Singer (1987)",
        ),
        DataSource(
            "cow-alliances",
            "Correlates of War Formal Alliances v4.1 (CSV files)",
            "https://correlatesofwar.org/wp-content/uploads/version4.1_csv.zip",
            "https://correlatesofwar.org/data-sets/formal-alliances/",
            "4.1",
            citation="Gibler (2009), International Military Alliances, 1648-2008",
        ),
    )
}
