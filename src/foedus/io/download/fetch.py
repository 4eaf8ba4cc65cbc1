"""Download one dataset: resume, verify, unpack, install atomically, record in the manifest.

The transfer goes to ``<data>/.partial/<name>-<file>.part``; an interrupted transfer is resumed
from there with an HTTP ``Range`` request the next time. Only a complete file whose SHA-256
matches (when a checksum is known) is installed: it is unpacked into a staging folder beside the
target, which then replaces ``<data>/<name>`` with :func:`os.replace`, so ``<data>/<name>`` is
always either the previous complete install or the new one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import http.client
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

from foedus.errors import FoedusError
from foedus.io.download.manifest import record
from foedus.io.download.sources import DataSource

__all__ = ["DATA_ENV", "DownloadError", "data_dir", "fetch"]

DATA_ENV = "FOEDUS_DATA_DIR"
_CHUNK = 1 << 16


class DownloadError(FoedusError):
    """A download that failed; nothing was installed, and the message says what to do."""


def data_dir() -> Path:
    """The user data folder: ``$FOEDUS_DATA_DIR``, else platformdirs' ``user_data_dir``."""
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("foedus"))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@contextmanager
def _bar(label: str, total: int | None, done: int, show: bool) -> Iterator[Any]:
    """A rich progress bar on standard error (a no-op object when hidden)."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TransferSpeedColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
    )
    with Progress(
        *columns, console=Console(stderr=True), transient=True, disable=not show
    ) as progress:
        task = progress.add_task(label, total=total, completed=done)
        yield lambda n: progress.advance(task, n)


def _open(url: str, start: int, timeout: float, source: DataSource) -> http.client.HTTPResponse:
    headers = {"User-Agent": "foedus (research data download)"}
    if start:
        headers["Range"] = f"bytes={start}-"
    try:
        response: http.client.HTTPResponse = urllib.request.urlopen(
            urllib.request.Request(url, headers=headers), timeout=timeout
        )
    except urllib.error.HTTPError as exc:
        raise DownloadError(
            f"{url}: the server answered {exc.code} {exc.reason}; nothing was installed — the "
            f"project may have moved the file: find it on {source.homepage} and pass --url"
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DownloadError(
            f"cannot reach {url} ({reason}); nothing was installed — check the connection "
            "and run the command again"
        ) from None
    return response


def _download(url: str, part: Path, source: DataSource, timeout: float, show: bool) -> int:
    """Fetch ``url`` into ``part``, resuming what is there; returns the size in bytes."""
    part.parent.mkdir(parents=True, exist_ok=True)
    have = part.stat().st_size if part.exists() else 0
    response = _open(url, have, timeout, source)
    with response:
        if response.status != 206:  # the server ignored the range: start again
            have = 0
        length = response.headers.get("Content-Length")
        total = have + int(length) if length is not None else None
        done = have
        with part.open("ab" if have else "wb") as out, _bar(source.name, total, have, show) as tick:
            try:
                while block := response.read(_CHUNK):
                    out.write(block)
                    done += len(block)
                    tick(len(block))
            except (http.client.HTTPException, OSError) as exc:
                raise DownloadError(
                    f"{url}: the transfer was interrupted after {done} of {total or '?'} bytes "
                    f"({type(exc).__name__}); nothing was installed — run the same command "
                    "again to resume"
                ) from None
    if total is not None and done < total:
        raise DownloadError(
            f"{url}: the transfer was interrupted after {done} of {total} bytes; nothing was "
            "installed — run the same command again to resume"
        )
    return done


def _safe_name(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts:
        raise DownloadError(f"the archive holds an unsafe path {name!r}; not installed")
    return path


def _unzip(archive: Path, into: Path, depth: int = 0) -> None:
    """Extract ``archive`` into ``into``; zips inside it go to a folder named after them."""
    try:
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                target = into / _safe_name(info.filename)
                if info.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, target.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
                if target.suffix.lower() == ".zip" and depth < 3:
                    _unzip(target, target.with_suffix(""), depth + 1)
                    target.unlink()
    except zipfile.BadZipFile:
        raise DownloadError(
            f"{archive.name} is not a valid zip archive; nothing was installed — "
            "the download may be damaged: delete it and fetch again"
        ) from None


def _install(part: Path, source: DataSource, folder: Path) -> list[str]:
    """Unpack or copy ``part`` into a staging folder and swap it in as ``folder/name``."""
    staging = Path(tempfile.mkdtemp(prefix=f".staging-{source.name}-", dir=folder))
    try:
        if source.is_zip:
            _unzip(part, staging)
        else:
            shutil.copyfile(part, staging / source.filename)
        files = sorted(str(p.relative_to(staging)) for p in staging.rglob("*") if p.is_file())
        target = folder / source.name
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".old-{source.name}-", dir=folder))
            os.replace(target, old / "previous")
        os.replace(staging, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return files
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def fetch(
    source: DataSource,
    *,
    folder: Path | None = None,
    url: str | None = None,
    sha256: str | None = None,
    progress: bool = True,
    timeout: float = 60.0,
) -> dict[str, Any]:
    """Download and install ``source``; returns its manifest entry.

    ``url`` overrides the official address (a mirror); ``sha256`` the expected checksum.
    """
    folder = folder or data_dir()
    url = url or source.url
    expected = (sha256 or source.sha256 or "").lower() or None
    part = folder / ".partial" / f"{source.name}-{source.filename}.part"
    size = _download(url, part, source, timeout, progress)
    observed = _sha256(part)
    if expected is not None and observed != expected:
        part.unlink(missing_ok=True)
        raise DownloadError(
            f"{source.filename}: checksum mismatch (expected sha256 {expected}, got {observed}); "
            "the download was deleted and nothing was installed — check the checksum, or the "
            "address with --url"
        )
    files = _install(part, source, folder)
    entry: dict[str, Any] = {
        "title": source.title,
        "version": source.version,
        "url": url,
        "homepage": source.homepage,
        "sha256": observed,
        "verified": expected is not None,
        "bytes": size,
        "installed": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "path": str(folder / source.name),
        "files": files,
    }
    record(folder, source.name, entry)
    part.unlink(missing_ok=True)
    return entry
