"""Downloads against a local server: install, zip, resume, wrong checksum, 404 — all atomic."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import zipfile
from pathlib import Path

import pytest

from foedus.io.download import SOURCES, DownloadError, fetch, read_manifest

_spec = importlib.util.spec_from_file_location("server", Path(__file__).with_name("server.py"))
assert _spec is not None
assert _spec.loader is not None
server = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(server)

SHARED = Path(__file__).resolve().parents[4] / "shared" / "data"
pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="external datasets missing")


def states() -> bytes:
    return (SHARED / "cow_states2016.csv").read_bytes()


def atop_zip() -> bytes:
    """A zip laid out as the official ATOP download, with a nested zip as COW ships them."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("notes.txt", "nested")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(SHARED / "atop_v4.01_member_level.csv", "ATOP 5.1 (.csv)/atop5_1m.csv")
        zf.write(SHARED / "atop_v4.01_alliance_level.csv", "ATOP 5.1 (.csv)/atop5_1a.csv")
        zf.writestr("ATOP 5.1 (.csv)/extra.zip", inner.getvalue())
    return buffer.getvalue()


def installed(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def test_install_plain_file_and_manifest(tmp_path: Path) -> None:
    body = states()
    with server.serve({"/states2016.csv": body}) as (base, _):
        entry = fetch(
            SOURCES["cow-states"],
            folder=tmp_path,
            url=f"{base}/states2016.csv",
            sha256=hashlib.sha256(body).hexdigest(),
            progress=False,
        )
    assert (tmp_path / "cow-states" / "states2016.csv").read_bytes() == body
    assert entry["verified"] is True
    manifest = read_manifest(tmp_path)
    assert manifest["cow-states"]["sha256"] == hashlib.sha256(body).hexdigest()
    assert manifest["cow-states"]["url"].startswith("http://127.0.0.1")
    assert installed(tmp_path) == ["cow-states", "manifest.json"]


def test_zip_is_unpacked(tmp_path: Path) -> None:
    with server.serve({"/atop.zip": atop_zip()}) as (base, _):
        entry = fetch(SOURCES["atop"], folder=tmp_path, url=f"{base}/atop.zip", progress=False)
    root = tmp_path / "atop" / "ATOP 5.1 (.csv)"
    assert (root / "atop5_1m.csv").is_file()
    assert (root / "extra" / "notes.txt").is_file()
    assert entry["verified"] is False
    assert len(entry["sha256"]) == 64


def test_truncated_transfer_then_resume(tmp_path: Path) -> None:
    body = states()
    with server.serve({"/states2016.csv": body}) as (base, ranges):
        with pytest.raises(DownloadError, match=r"interrupted after .* run the same command"):
            fetch(
                SOURCES["cow-states"],
                folder=tmp_path,
                url=f"{base}/truncated/states2016.csv",
                progress=False,
            )
        assert not (tmp_path / "cow-states").exists()
        assert read_manifest(tmp_path) == {}
        fetch(
            SOURCES["cow-states"],
            folder=tmp_path,
            url=f"{base}/states2016.csv",
            sha256=hashlib.sha256(body).hexdigest(),
            progress=False,
        )
    assert ranges
    assert ranges[0].startswith("bytes=")
    assert ranges[0] != "bytes=0-"
    assert (tmp_path / "cow-states" / "states2016.csv").read_bytes() == body
    assert not list((tmp_path / ".partial").iterdir())


def test_wrong_checksum_installs_nothing(tmp_path: Path) -> None:
    with (
        server.serve({"/states2016.csv": states()}) as (base, _),
        pytest.raises(DownloadError, match=r"checksum mismatch .* nothing was installed"),
    ):
        fetch(
            SOURCES["cow-states"],
            folder=tmp_path,
            url=f"{base}/states2016.csv",
            sha256="0" * 64,
            progress=False,
        )
    assert installed(tmp_path) == []
    assert not list((tmp_path / ".partial").iterdir())


def test_404_installs_nothing(tmp_path: Path) -> None:
    with (
        server.serve({}) as (base, _),
        pytest.raises(DownloadError, match="404 Not Found; nothing was installed"),
    ):
        fetch(SOURCES["nmc"], folder=tmp_path, url=f"{base}/gone.zip", progress=False)
    assert installed(tmp_path) == []


def test_reinstall_replaces_previous(tmp_path: Path) -> None:
    with server.serve({"/a.csv": b"one\n", "/b.csv": b"two\n"}) as (base, _):
        fetch(SOURCES["cow-states"], folder=tmp_path, url=f"{base}/a.csv", progress=False)
        fetch(SOURCES["cow-states"], folder=tmp_path, url=f"{base}/b.csv", progress=False)
    assert (tmp_path / "cow-states" / "states2016.csv").read_bytes() == b"two\n"
    assert installed(tmp_path) == ["cow-states", "manifest.json"]
