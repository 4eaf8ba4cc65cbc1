"""Did an alliance commitment apply in a war as it was fought, and was it honoured?

The war "as fought" is a :class:`~foedus.engine.backtest.cases.WarCase`: sides, entry dates and
the attacks (the onset's, the IWD's dyadic wars, and for joiners the IWD says nothing about, an
attack on the other side's initial belligerents). Each obligation in force on the onset date
between two states is then judged with the engine's trigger semantics (``cascade._blocked``,
DESIGN.md §5):

* **defense** of ``f`` towards ``t`` applies when ``t`` was attacked, an attacker is in scope
  (named adversaries), the number of attackers in scope reaches the minimum, and — for a
  provocation clause — ``t`` is not on the side that started the war. Honoured when ``f`` fought
  on ``t``'s side (at any entry date), violated otherwise.
* **offense** applies when ``t`` is on the side that started the war and attacked someone in
  scope; honoured as above.
* **neutrality** applies when ``t`` is at war (attacked, if the clause says so; unprovoked, if
  it says so); honoured unless ``f`` fought against ``t``.
* **nonaggression** applies only when ``f`` fought against ``t`` (violated); a pact whose
  members did not fight each other is not a performance case (as Berkemeier & Fuhrmann code it).
* **consultation** (and the kinds beyond ATOP) never apply here.

Location scopes are not checked: every ATOP obligation is imported with scope ``anywhere``.

References
----------
Leeds, B. A., Long, A. G. & Mitchell, S. M. (2000). Reevaluating Alliance Reliability.
*Journal of Conflict Resolution* 44(5), 686-699.
Berkemeier, M. & Fuhrmann, M. (2018). Reassessing the Fulfillment of Alliance Commitments in War.
*Research & Politics* 5(2).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from foedus.engine.backtest.cases import WarCase
from foedus.model.obligation import ObligationKind
from foedus.query.edges import ObligationEdge

__all__ = ["Commitment", "FoughtWar", "commitments", "fought_war"]


@dataclass(frozen=True, slots=True)
class FoughtWar:
    """Sides and attacks of a war as fought, by registry code (side 0 started the war)."""

    sides: Mapping[str, int]
    attackers: Mapping[str, frozenset[str]]

    def victims(self, code: str) -> set[str]:
        return {v for v, a in self.attackers.items() if code in a}


@dataclass(frozen=True, slots=True)
class Commitment:
    """One directed obligation judged against one war."""

    war: int
    atopid: int | None
    treaty: str
    kind: str
    obligor: str
    protected: str
    applies: bool
    reason: str
    honoured: bool | None
    obligor_initial: bool = False


def fought_war(case: WarCase, code_of: Mapping[int, str]) -> FoughtWar:
    """The case's sides and attacks with registry codes (states without a code are left out)."""
    sides = {code_of[b.ccode]: b.side for b in case.belligerents if b.ccode in code_of}
    attackers: dict[str, set[str]] = defaultdict(set)
    for a, b, _ in case.attacks:
        if a in code_of and b in code_of:
            attackers[code_of[b]].add(code_of[a])
    return FoughtWar(sides, {t: frozenset(a) for t, a in attackers.items()})


def _scope(edge: ObligationEdge, enemies: Iterable[str]) -> tuple[list[str], str]:
    attacker = edge.obligation.trigger.attacker
    hits = [x for x in enemies if not attacker.states or x in attacker.states]
    if not hits:
        return hits, f"applies only against {', '.join(attacker.states)}"
    if len(hits) < attacker.min_attackers:
        return hits, f"needs at least {attacker.min_attackers} attackers; there were {len(hits)}"
    return hits, ""


def judge(edge: ObligationEdge, war: FoughtWar) -> tuple[bool, str, bool | None]:
    """(applies, why not / how, honoured) for one obligation in one war."""
    f, t = edge.from_, edge.to
    side_t, side_f = war.sides.get(t), war.sides.get(f)
    kind = edge.kind
    trigger = edge.obligation.trigger
    if kind is ObligationKind.NONAGGRESSION:
        fought = side_t is not None and side_f is not None and side_t != side_f
        return (True, "fought a partner", False) if fought else (False, "did not fight", None)
    if kind not in (ObligationKind.DEFENSE, ObligationKind.OFFENSE, ObligationKind.NEUTRALITY):
        return False, f"{kind.value} obligations are not performance cases", None
    if side_t is None:
        return False, "protected state not at war", None
    if kind is ObligationKind.OFFENSE:
        if side_t != 0:
            return False, "protected state not on the side that started the war", None
        enemies: Iterable[str] = war.victims(t)
        if not enemies:
            return False, "protected state attacked no one", None
    else:
        attacked = war.attackers.get(t, frozenset())
        needs_attack = kind is ObligationKind.DEFENSE or trigger.event == "armed_attack"
        if needs_attack and not attacked:
            return False, "protected state was not attacked (it entered the war itself)", None
        if trigger.unprovoked_only and side_t == 0:
            return False, "provocation clause: the protected state's side started the war", None
        enemies = attacked | war.victims(t) if kind is ObligationKind.NEUTRALITY else attacked
    _, why = _scope(edge, enemies)
    if why:
        return False, why, None
    if kind is ObligationKind.NEUTRALITY:
        return True, "protected state at war", side_f is None or side_f == side_t
    return True, "casus foederis met", side_f == side_t


def commitments(
    case: WarCase,
    edges: Iterable[ObligationEdge],
    war: FoughtWar,
    *,
    initial: Iterable[str] = (),
) -> list[Commitment]:
    """Every obligation in ``edges`` with a belligerent at either end, judged against ``war``."""
    first = set(initial)
    out = []
    for edge in edges:
        if edge.from_ not in war.sides and edge.to not in war.sides:
            continue
        applies, why, honoured = judge(edge, war)
        out.append(
            Commitment(
                war=case.war,
                atopid=edge.treaty.atop[0] if edge.treaty.atop else None,
                treaty=edge.treaty.id,
                kind=edge.kind.value,
                obligor=edge.from_,
                protected=edge.to,
                applies=applies,
                reason=why,
                honoured=honoured,
                obligor_initial=edge.from_ in first,
            )
        )
    return out
