"""The Monte Carlo cascade kernel, compiled with numba (the same rules as :mod:`cascade`).

Draws run in parallel chunks; each draw takes its random numbers from :mod:`rng`'s counter-based
generator, so results do not depend on the number of threads. A state decides once per treaty and
draw whether to honour that treaty: all its obligations under one treaty share one random number
(``e_group``), so a member of a large pact does not get one chance per attacked partner. State
per draw is reset only where a draw touched it, which keeps a draw's cost proportional to the
size of its war, not the world.
"""

from __future__ import annotations

from typing import Any

import numba
import numpy as np

__all__ = ["simulate_sides"]

_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)


@numba.njit(inline="always")
def _mix64(z: Any) -> Any:
    z = z + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


@numba.njit(inline="always")
def _uniform(seed: Any, draw: Any, edge: Any) -> float:
    z = _mix64(_mix64(_mix64(seed) ^ np.uint64(draw)) ^ np.uint64(edge))
    return float(z >> np.uint64(11)) * (1.0 / 9007199254740992.0)


@numba.njit(inline="always")
def _attack(a: int, t: int, where: int, att: Any, n_att: Any, place: Any, dirty: Any) -> None:
    """``a`` attacks ``t`` at ``where``; both are marked for re-examination (``t`` has a new
    attacker, ``a`` a new target)."""
    for i in range(n_att[t]):
        if att[t, i] == a:
            break
    else:
        att[t, n_att[t]] = a
        n_att[t] += 1
        dirty[t] = True
        dirty[a] = True
    if place[t] < 0:
        place[t] = where
        dirty[t] = True


@numba.njit(inline="always")
def _is_attacker(a: int, t: int, att: Any, n_att: Any) -> bool:
    for i in range(n_att[t]):  # noqa: SIM110 (numba compiles no any() over a generator)
        if att[t, i] == a:
            return True
    return False


@numba.njit(inline="always")
def _rounds(
    seed: Any,
    d: int,
    n_order: int,
    order: Any,
    side: Any,
    cand: Any,
    place: Any,
    n_att: Any,
    att: Any,
    targets: Any,
    in_scope: Any,
    fires_f: Any,
    fires_e: Any,
    e_from: Any,
    e_group: Any,
    e_to: Any,
    e_offense: Any,
    e_unprovoked: Any,
    e_min: Any,
    scope_ptr: Any,
    scope_idx: Any,
    place_ok: Any,
    in_ptr: Any,
    in_idx: Any,
    p: Any,
    dirty: Any,
) -> int:
    """Rounds of the cascade until nothing fires; returns the new number of belligerents."""
    while True:
        nf = 0
        round_size = n_order
        for oi in range(round_size):
            t = order[oi]
            if not dirty[t]:
                continue  # nothing about t changed since its obligations were last examined
            dirty[t] = False
            for k in range(in_ptr[t], in_ptr[t + 1]):
                e = in_idx[k]
                f = e_from[e]
                if side[f] >= 0:
                    continue
                lo = scope_ptr[e]
                hi = scope_ptr[e + 1]
                for j in range(lo, hi):
                    in_scope[scope_idx[j]] = True
                hits = 0
                if e_offense[e]:
                    if side[t] != 0:
                        hits = -1
                    else:
                        for vi in range(n_order):
                            v = order[vi]
                            if _is_attacker(t, v, att, n_att) and (hi == lo or in_scope[v]):
                                hits += 1
                elif n_att[t] == 0 or (e_unprovoked[e] and side[t] == 0):
                    hits = -1
                else:
                    for j in range(n_att[t]):
                        if hi == lo or in_scope[att[t, j]]:
                            hits += 1
                for j in range(lo, hi):
                    in_scope[scope_idx[j]] = False
                if hits < e_min[e] or hits <= 0:
                    continue
                if not e_offense[e] and place[t] >= 0 and not place_ok[e, place[t]]:
                    continue
                if _uniform(seed, d, e_group[e]) >= p[e]:
                    continue
                fires_f[nf] = f
                fires_e[nf] = e
                nf += 1
                if cand[f] < 0:
                    cand[f] = side[t]
        if nf == 0:
            break
        for i in range(nf):
            f = fires_f[i]
            if side[f] < 0:
                side[f] = cand[f]
                order[n_order] = f
                dirty[f] = True
                n_order += 1
        for i in range(nf):
            f = fires_f[i]
            e = fires_e[i]
            t = e_to[e]
            cand[f] = -1
            if side[f] != side[t]:
                continue
            m = 0
            if e_offense[e]:
                for vi in range(n_order):
                    v = order[vi]
                    if _is_attacker(t, v, att, n_att):
                        targets[m] = v
                        m += 1
                for k in range(m):
                    _attack(f, targets[k], place[targets[k]], att, n_att, place, dirty)
            else:
                m = n_att[t]
                for k in range(m):
                    targets[k] = att[t, k]
                for k in range(m):
                    _attack(f, targets[k], place[t], att, n_att, place, dirty)
    return n_order


@numba.njit(cache=True, nogil=True)
def _run_chunk(
    seed: Any,
    first: int,
    count: int,
    n: int,
    e_from: Any,
    e_group: Any,
    e_to: Any,
    e_offense: Any,
    e_unprovoked: Any,
    e_min: Any,
    scope_ptr: Any,
    scope_idx: Any,
    place_ok: Any,
    in_ptr: Any,
    in_idx: Any,
    p: Any,
    ev_attack: Any,
    ev_a: Any,
    ev_b: Any,
    ev_place: Any,
    ev_phase: Any,
    sides_out: Any,
    keep: bool,
    joined: Any,
    sizes: Any,
) -> None:
    side = np.full(n, -1, np.int8)
    place = np.full(n, -1, np.int32)
    n_att = np.zeros(n, np.int32)
    att = np.empty((n, n), np.int32)
    cand = np.full(n, -1, np.int8)
    order = np.empty(n, np.int32)
    fires_f = np.empty(in_idx.shape[0] + 1, np.int32)
    fires_e = np.empty(in_idx.shape[0] + 1, np.int32)
    in_scope = np.zeros(n, np.bool_)
    targets = np.empty(n, np.int32)
    dirty = np.zeros(n, np.bool_)
    for d in range(first, first + count):
        n_order = 0
        i = 0
        while i < ev_a.shape[0]:
            phase = ev_phase[i]
            while i < ev_a.shape[0] and ev_phase[i] == phase:
                a = ev_a[i]
                b = ev_b[i]
                if ev_attack[i]:
                    if side[a] < 0:
                        side[a] = 1 - side[b] if side[b] >= 0 else 0
                        order[n_order] = a
                        dirty[a] = True
                        n_order += 1
                    if side[b] < 0:
                        side[b] = 1 - side[a]
                        order[n_order] = b
                        dirty[b] = True
                        n_order += 1
                    _attack(a, b, ev_place[i], att, n_att, place, dirty)
                elif side[b] >= 0:
                    if side[a] < 0:
                        side[a] = side[b]
                        order[n_order] = a
                        dirty[a] = True
                        n_order += 1
                    m = n_att[b]
                    for k in range(m):
                        targets[k] = att[b, k]
                    for k in range(m):
                        _attack(a, targets[k], place[b], att, n_att, place, dirty)
                i += 1
            n_order = _rounds(
                seed,
                d,
                n_order,
                order,
                side,
                cand,
                place,
                n_att,
                att,
                targets,
                in_scope,
                fires_f,
                fires_e,
                e_from,
                e_group,
                e_to,
                e_offense,
                e_unprovoked,
                e_min,
                scope_ptr,
                scope_idx,
                place_ok,
                in_ptr,
                in_idx,
                p,
                dirty,
            )
        sizes[d - first] = n_order
        for oi in range(n_order):
            s = order[oi]
            joined[side[s], s] += 1
            if keep:
                sides_out[d - first, s] = side[s]
            side[s] = -1
            place[s] = -1
            n_att[s] = 0
            dirty[s] = False


@numba.njit(cache=True, parallel=True)
def _run_all(
    seed: Any,
    runs: int,
    chunks: int,
    n: int,
    e_from: Any,
    e_group: Any,
    e_to: Any,
    e_offense: Any,
    e_unprovoked: Any,
    e_min: Any,
    scope_ptr: Any,
    scope_idx: Any,
    place_ok: Any,
    in_ptr: Any,
    in_idx: Any,
    p: Any,
    ev_attack: Any,
    ev_a: Any,
    ev_b: Any,
    ev_place: Any,
    ev_phase: Any,
    sides_out: Any,
    keep: bool,
    joined: Any,
    sizes: Any,
) -> None:
    per = (runs + chunks - 1) // chunks
    for c in numba.prange(chunks):
        first = c * per
        count = min(per, runs - first)
        if count <= 0:
            continue
        view = sides_out[first : first + count] if keep else sides_out
        _run_chunk(
            seed,
            first,
            count,
            n,
            e_from,
            e_group,
            e_to,
            e_offense,
            e_unprovoked,
            e_min,
            scope_ptr,
            scope_idx,
            place_ok,
            in_ptr,
            in_idx,
            p,
            ev_attack,
            ev_a,
            ev_b,
            ev_place,
            ev_phase,
            view,
            keep,
            joined[c],
            sizes[first : first + count],
        )


def simulate_sides(
    arrays: dict[str, Any], p: Any, *, runs: int, seed: int, keep: bool = False, chunks: int = 0
) -> tuple[Any, Any, Any]:
    """Run ``runs`` cascades; returns (join counts [2, n], belligerent count per draw, and the
    side of every state in every draw [runs, n] when ``keep``, else an empty array)."""
    n = int(arrays["n"])
    chunks = chunks or max(1, min(runs, numba.get_num_threads() * 4))
    joined = np.zeros((chunks, 2, n), np.int64)
    sizes = np.zeros(runs, np.int32)
    sides = np.full((runs, n) if keep else (1, n), -1, np.int8)
    _run_all(
        np.uint64(seed & 0xFFFFFFFFFFFFFFFF),
        runs,
        chunks,
        n,
        arrays["e_from"],
        arrays["e_group"],
        arrays["e_to"],
        arrays["e_offense"],
        arrays["e_unprovoked"],
        arrays["e_min"],
        arrays["scope_ptr"],
        arrays["scope_idx"],
        arrays["e_place_ok"],
        arrays["in_ptr"],
        arrays["in_idx"],
        p,
        arrays["ev_attack"],
        arrays["ev_a"],
        arrays["ev_b"],
        arrays["ev_place"],
        arrays["ev_phase"],
        sides,
        keep,
        joined,
        sizes,
    )
    return joined.sum(axis=0), sizes, sides if keep else np.empty((0, n), np.int8)
