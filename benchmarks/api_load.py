"""Load benchmark of the REST API (not a test): requests/s and latency under 32 clients.

Starts ``foedus serve`` on 127.0.0.1 (a free port, ``--workers 2`` by default) in a subprocess and
drives it from a second process: ``wrk`` (Debian's package) when installed, else an asyncio +
httpx client. Each load runs for a bounded time (default 20 s) with 32 concurrent connections:

1. ``GET /health`` — the reference: the server's floor cost per request, measured in this run;
2. cached obligation queries (``GET /api/obligations`` over a few dates and pairs);
3. small deterministic scenarios (``POST /api/scenarios/run``, the Korean war of 2025).

It reports requests/s, p50/p99 latency and errors for each, and each rate as a ratio of the
reference. Only 127.0.0.1 is ever contacted.

Run: ``python benchmarks/api_load.py [--seconds 20] [--connections 32] [--workers 2] [--json]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

OBLIGATION_QUERIES = [
    "/api/obligations?from=RUS&to=PRK&on=2024-12-05",
    "/api/obligations?to=JPN&kind=defense&on=2025-01-01",
    "/api/obligations?from=USA&to=KOR&on=2025-01-01",
    "/api/obligations?to=SWE&kind=defense&on=2024-03-07",
]
SCENARIO = {
    "name": "North Korea attacks South Korea",
    "date": "2025-06-01",
    "discretionary": True,
    "events": [{"attack": {"by": "PRK", "on": "KOR"}}],
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def server(workers: int) -> Iterator[str]:
    """``foedus serve`` on a free port of 127.0.0.1; yields its base URL, stops it after."""
    port = free_port()
    cmd = [sys.executable, "-m", "foedus", "serve", "--port", str(port)]
    cmd += ["--workers", str(workers), "--log-level", "warning"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("foedus serve did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def warm(url: str, workers: int) -> None:
    """Fill every worker's caches: each query many times (requests spread over workers)."""
    body = json.dumps(SCENARIO).encode()
    for _ in range(8 * workers):
        for path in OBLIGATION_QUERIES:
            with urllib.request.urlopen(url + path, timeout=30) as r:
                r.read()
        request = urllib.request.Request(
            f"{url}/api/scenarios/run", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=60) as r:
            r.read()


# -- wrk ------------------------------------------------------------------------------------------

_LUA_ROTATE = """
paths = {%s}
i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""
_LUA_POST = """
wrk.method = "POST"
wrk.body = [[%s]]
wrk.headers["Content-Type"] = "application/json"
"""


def _ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url: str, lua: str | None, seconds: float, connections: int) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(lua or "")
        script = fh.name
    try:
        cmd = ["wrk", "-t2", f"-c{connections}", f"-d{int(seconds)}s", "--latency"]
        cmd += ["--timeout", "10s", "-s", script, url]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script)
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(bad.group(1)) if bad else 0) + (sum(map(int, sock.groups())) if sock else 0)
    return {
        "requests": total,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50_ms": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),  # type: ignore[union-attr]
        "p99_ms": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),  # type: ignore[union-attr]
        "errors": errors,
    }


# -- asyncio + httpx (when wrk is missing) -------------------------------------------------------


async def _drive(
    url: str, paths: list[str], body: bytes | None, seconds: float, connections: int
) -> dict[str, Any]:
    import httpx

    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=10) as client:

        async def one(k: int) -> None:
            nonlocal errors
            i = k
            while time.perf_counter() < stop:
                path = paths[i % len(paths)]
                i += 1
                t0 = time.perf_counter()
                try:
                    if body is None:
                        r = await client.get(path)
                    else:
                        r = await client.post(
                            path, content=body, headers={"Content-Type": "application/json"}
                        )
                    ok = r.status_code < 400
                except httpx.HTTPError:
                    ok = False
                latencies.append((time.perf_counter() - t0) * 1000)
                errors += not ok

        started = time.perf_counter()
        await asyncio.gather(*(one(k) for k in range(connections)))
        took = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": len(latencies) / took,
        "p50_ms": statistics.median(latencies),
        "p99_ms": latencies[int(0.99 * (len(latencies) - 1))],
        "errors": errors,
    }


def run_httpx(
    url: str, paths: list[str], body: bytes | None, seconds: float, connections: int
) -> dict[str, Any]:
    """The same load from a second process (so the client does not share the server's GIL)."""
    code = (
        "import asyncio, json, sys\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from api_load import _drive\n"
        "a = json.loads(sys.argv[2])\n"
        "body = a['body'].encode() if a['body'] is not None else None\n"
        "print(json.dumps(asyncio.run(_drive(a['url'], a['paths'], body, a['s'], a['c']))))\n"
    )
    args = {"url": url, "paths": paths, "body": body.decode() if body else None}
    args |= {"s": seconds, "c": connections}
    here = str(Path(__file__).resolve().parent)
    out = subprocess.run(
        [sys.executable, "-c", code, here, json.dumps(args)], capture_output=True, text=True
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def measure(url: str, seconds: float, connections: int) -> tuple[str, dict[str, dict[str, Any]]]:
    body = json.dumps(SCENARIO)
    if shutil.which("wrk"):
        rotate = _LUA_ROTATE % ", ".join(f'"{p}"' for p in OBLIGATION_QUERIES)
        return "wrk", {
            "health (reference)": run_wrk(f"{url}/health", None, seconds, connections),
            "obligations (cached)": run_wrk(url, rotate, seconds, connections),
            "scenario (small)": run_wrk(
                f"{url}/api/scenarios/run", _LUA_POST % body, seconds, connections
            ),
        }
    return "asyncio+httpx", {
        "health (reference)": run_httpx(url, ["/health"], None, seconds, connections),
        "obligations (cached)": run_httpx(url, OBLIGATION_QUERIES, None, seconds, connections),
        "scenario (small)": run_httpx(
            url, ["/api/scenarios/run"], body.encode(), seconds, connections
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="duration of each load")
    parser.add_argument("--connections", type=int, default=32, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    seconds = min(max(args.seconds, 1.0), 120.0)  # bounded, whatever is asked
    with server(args.workers) as url:
        warm(url, args.workers)
        tool, results = measure(url, seconds, args.connections)
    reference = results["health (reference)"]["rps"]
    for r in results.values():
        r["ratio_to_health"] = r["rps"] / reference if reference else 0.0
    if args.json:
        print(json.dumps({"tool": tool, "seconds": seconds, "results": results}, indent=2))
        return 0
    print(
        f"foedus serve --workers {args.workers}, {args.connections} connections, "
        f"{seconds:g} s each, driven by {tool} from another process"
    )
    print(f"{'load':24} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'× health':>9}")
    for name, r in results.items():
        print(
            f"{name:24} {r['rps']:9.0f} {r['p50_ms']:8.2f} {r['p99_ms']:8.2f} "
            f"{r['errors']:7d} {r['ratio_to_health']:9.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
