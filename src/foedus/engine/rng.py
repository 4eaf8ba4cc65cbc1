"""Counter-based random numbers: one uniform per (seed, draw, obligation).

Every draw's randomness depends only on its own counter, never on the order in which draws run,
so Monte Carlo results are identical for a seed whatever the number of threads. SplitMix64
(Steele, Lea & Flood 2014) is the mixing function.

>>> 0.0 <= uniform(42, 0, 0) < 1.0
True
>>> uniform(42, 7, 3) == uniform(42, 7, 3)
True
"""

from __future__ import annotations

__all__ = ["mix64", "uniform"]

_MASK = (1 << 64) - 1


def mix64(z: int) -> int:
    """The SplitMix64 finaliser on a 64-bit integer."""
    z = (z + 0x9E3779B97F4A7C15) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


def uniform(seed: int, draw: int, edge: int) -> float:
    """A uniform number in [0, 1) for obligation ``edge`` in draw ``draw`` of run ``seed``."""
    z = mix64(mix64(mix64(seed & _MASK) ^ draw) ^ edge)
    return (z >> 11) * (1.0 / (1 << 53))
