"""The deterministic cascade, with reasons (DESIGN.md §5).

Rules, applied in rounds until nothing changes:

* An initial attack puts the attacker on side 0 (the side that started the war) and the target on
  side 1; an intervention puts a state on the side of the state it supports and makes it attack
  that state's attackers.
* A *defense* obligation of ``f`` towards ``t`` is triggered when ``t`` is under attack and its
  conditions hold: the attacker is in scope (named states, number of attackers), the attack on
  ``t`` is where the obligation applies, and — for a provocation clause — ``t`` is not on the side
  that started the war. An *offense* obligation is triggered when ``t`` is at war on the side that
  started it.
* A triggered automatic obligation makes ``f`` join ``t``'s side (discretionary ones too when the
  scenario says so; otherwise they are listed as expected). A joiner attacks ``t``'s attackers (or,
  for offense, ``t``'s targets) where they attacked ``t``, so their partners are examined next.
* A state pulled to both sides in one round takes the side of its oldest commitment and is listed as
  torn; a belligerent obliged towards a state of the other side is listed as torn too.

References
----------
Berkemeier, M. & Fuhrmann, M. (2018). Reassessing the Fulfillment of Alliance Commitments in War.
*Research & Politics* 5(2).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from foedus.engine.compile import Compiled, InitialEvent
from foedus.engine.locations import place_name
from foedus.errors import InputError
from foedus.query.edges import ObligationEdge

__all__ = ["Cascade", "Entry", "NotTriggered", "Reason", "Torn", "run_cascade"]


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a state entered: an obligation (treaty, article) towards ``protected`` against
    ``attacker``, or an initiating event (``treaty`` is None, ``kind`` is the event)."""

    treaty: str | None
    article: str | None
    kind: str
    protected: str
    attacker: tuple[str, ...]
    automatic: bool | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    state: str
    side: int
    step: int
    because: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class NotTriggered:
    state: str
    treaty: str
    article: str
    kind: str
    protected: str
    reason: str


@dataclass(frozen=True, slots=True)
class Torn:
    state: str
    side: int
    pulled_to: int
    treaty: str
    article: str
    protected: str


@dataclass
class Cascade:
    """The outcome: sides, entries in order with reasons, and what did not happen and why."""

    compiled: Compiled
    entries: list[Entry] = field(default_factory=list)
    expected: list[Entry] = field(default_factory=list)
    not_triggered: list[NotTriggered] = field(default_factory=list)
    torn: list[Torn] = field(default_factory=list)

    @property
    def sides(self) -> tuple[list[str], list[str]]:
        return (
            [e.state for e in self.entries if e.side == 0],
            [e.state for e in self.entries if e.side == 1],
        )

    def side_of(self, code: str) -> int | None:
        return next((e.side for e in self.entries if e.state == code), None)


class _War:
    """Mutable state of one cascade: sides, who attacks whom, where."""

    def __init__(self, n: int):
        self.side = [-1] * n
        self.step = [-1] * n
        self.order: list[int] = []
        self.attackers: list[list[int]] = [[] for _ in range(n)]
        self.place = [-1] * n
        self.front = [-1] * n
        self.because: dict[int, list[Reason]] = defaultdict(list)

    def enter(self, s: int, side: int, step: int) -> None:
        self.side[s] = side
        self.step[s] = step
        self.order.append(s)

    def attack(self, a: int, t: int, place: int) -> None:
        if self.front[a] < 0:
            self.front[a] = place
        if a not in self.attackers[t]:
            self.attackers[t].append(a)
        if self.place[t] < 0:
            self.place[t] = place

    def victims(self, a: int) -> list[int]:
        return [v for v in self.order if a in self.attackers[v]]


def _phases(c: Compiled) -> list[list[InitialEvent]]:
    """Initial events grouped by date: each group enters after the previous one has settled."""
    groups: list[list[InitialEvent]] = []
    last: object = object()
    for ev in c.events:
        if not groups or ev.date != last:
            groups.append([])
            last = ev.date
        groups[-1].append(ev)
    return groups


def _apply_event(c: Compiled, war: _War, ev: InitialEvent, step: int) -> None:
    code = c.codes
    if ev.attack:
        if war.side[ev.a] < 0:
            war.enter(ev.a, 1 - war.side[ev.b] if war.side[ev.b] >= 0 else 0, step)
        if war.side[ev.b] < 0:
            war.enter(ev.b, 1 - war.side[ev.a], step)
        war.attack(ev.a, ev.b, ev.place)
        war.because[ev.a].append(Reason(None, None, "attack", code[ev.b], (code[ev.a],)))
        war.because[ev.b].append(Reason(None, None, "attacked", code[ev.b], (code[ev.a],)))
        return
    if war.side[ev.b] < 0:
        raise InputError(
            f"{code[ev.a]} intervenes for {code[ev.b]}, which is not at war at that date; "
            "date the intervention on or after an attack involving it"
        )
    if war.side[ev.a] < 0:
        war.enter(ev.a, war.side[ev.b], step)
    for enemy in list(war.attackers[ev.b]):
        war.attack(ev.a, enemy, war.place[ev.b])
    enemies = tuple(code[x] for x in war.attackers[ev.b])
    war.because[ev.a].append(Reason(None, None, "intervene", code[ev.b], enemies))


def run_cascade(c: Compiled, *, discretionary: bool = False) -> Cascade:
    """Resolve the scenario deterministically: automatic obligations fire (and discretionary ones
    when ``discretionary``). Events of a later date enter once the earlier ones have settled."""
    war = _War(c.n_states)
    out = Cascade(c)
    code = c.codes
    starter = c.world.registry.get(code[c.events[0].a]) if c.events else None
    starter_name = starter.name if starter else ""
    failed: dict[int, str] = {}
    seen_expected: set[int] = set()
    seen_torn: set[int] = set()
    step = 0
    for phase in _phases(c):
        for ev in phase:
            _apply_event(c, war, ev, step)
        while True:
            step += 1
            fires: list[tuple[int, int]] = []
            chosen: dict[int, int] = {}
            for t in list(war.order):
                for k in range(c.in_ptr[t], c.in_ptr[t + 1]):
                    e = int(c.in_idx[k])
                    f = int(c.e_from[e])
                    if war.side[f] == war.side[t]:
                        failed.pop(e, None)  # already on that side: nothing left to explain
                        continue
                    why = _blocked(c, war, e, t, starter_name)
                    if why == "":
                        continue
                    if why is not None:
                        failed[e] = why
                        continue
                    failed.pop(e, None)
                    if war.side[f] >= 0:
                        if war.side[f] != war.side[t] and e not in seen_torn:
                            seen_torn.add(e)
                            out.torn.append(_torn(c, e, war.side[f], war.side[t]))
                        continue
                    if not (c.e_automatic[e] or discretionary):
                        if e not in seen_expected:
                            seen_expected.add(e)
                            out.expected.append(
                                Entry(code[f], war.side[t], step, (_reason(c, war, e, t),))
                            )
                        continue
                    fires.append((f, e))
                    if f not in chosen:
                        chosen[f] = war.side[t]
                    elif chosen[f] != war.side[t] and e not in seen_torn:
                        seen_torn.add(e)
                        out.torn.append(_torn(c, e, chosen[f], war.side[t]))
            if not fires:
                break
            for f, side in chosen.items():
                war.enter(f, side, step)
            for f, e in fires:
                t = int(c.e_to[e])
                if war.side[f] != war.side[t]:
                    continue
                war.because[f].append(_reason(c, war, e, t))
                offense = bool(c.e_offense[e])
                targets = war.victims(t) if offense else list(war.attackers[t])
                for enemy in targets:
                    war.attack(f, enemy, war.place[enemy] if offense else war.place[t])
    out.entries = [
        Entry(code[s], war.side[s], war.step[s], tuple(war.because[s])) for s in war.order
    ]
    joined = {e.state: e.side for e in out.entries}
    for e, why in failed.items():
        edge = c.edges[e]
        if edge.from_ in joined and joined[edge.from_] == joined.get(edge.to):
            continue
        out.not_triggered.append(
            NotTriggered(
                edge.from_, edge.treaty.id, edge.article.number, edge.kind.value, edge.to, why
            )
        )
    out.not_triggered += _partners_without_obligation(c, war, joined)
    out.not_triggered += _unattacked_belligerents(c, war, joined, starter_name)
    out.expected = [x for x in out.expected if x.state not in joined]
    return out


def _reason(c: Compiled, war: _War, e: int, t: int) -> Reason:
    edge = c.edges[e]
    enemies = war.victims(t) if c.e_offense[e] else war.attackers[t]
    return Reason(
        edge.treaty.id,
        edge.article.number,
        edge.kind.value,
        edge.to,
        tuple(c.codes[x] for x in enemies),
        edge.automatic,
    )


def _torn(c: Compiled, e: int, side: int, pulled: int) -> Torn:
    edge = c.edges[e]
    return Torn(edge.from_, side, pulled, edge.treaty.id, edge.article.number, edge.to)


def _place(c: Compiled, place: int) -> str:
    """A place's readable name: a named area's name or a state's name."""
    key = c.places[place]
    return _name(c, key) if key in c.world.registry else place_name(key, c.world.areas)


def _name(c: Compiled, code: str) -> str:
    state = c.world.registry.get(code)
    return state.name if state else code


def _blocked(c: Compiled, war: _War, e: int, t: int, starter: str) -> str | None:
    """None when edge ``e`` fires now; "" when it is not in play (``t`` not attacked); otherwise
    the reason it does not fire."""
    edge: ObligationEdge = c.edges[e]
    label = f"{edge.treaty.short_name or edge.treaty.id} art. {edge.article.number}"
    if c.e_offense[e]:
        if war.side[t] != 0 or not war.victims(t):
            return ""
        enemies = war.victims(t)
    else:
        enemies = war.attackers[t]
        if not enemies:
            return ""
        if c.e_unprovoked[e] and war.side[t] == 0:
            return f"{label} requires an unprovoked attack; {starter} started the war"
    lo, hi = int(c.scope_ptr[e]), int(c.scope_ptr[e + 1])
    if hi > lo:
        scope = {int(x) for x in c.scope_idx[lo:hi]}
        hits = [x for x in enemies if x in scope]
        if not hits:
            names = ", ".join(_name(c, c.codes[x]) for x in sorted(scope))
            return f"{label} applies only against {names}"
    else:
        hits = list(enemies)
    need = int(c.e_min[e])
    if len(hits) < need:
        return f"{label} needs at least {need} attackers; {_name(c, edge.to)} has {len(hits)}"
    place = war.place[t]
    if not c.e_offense[e] and place >= 0 and not c.e_place_ok[e, place]:
        return _outside(c, e, place, label)
    return None


def _outside(c: Compiled, e: int, place: int, label: str) -> str:
    """Why an attack at ``place`` is outside edge ``e``'s location scope."""
    edge = c.edges[e]
    loc = edge.obligation.trigger.location
    where = _place(c, place)
    scope_text = (
        f"the {place_name(loc.area or '', c.world.areas)}"
        if loc.scope == "area"
        else f"{_name(c, edge.to)}'s own territory"
    )
    return f"{label} covers attacks in {scope_text}; the fighting is in {where}"


def _unattacked_belligerents(
    c: Compiled, war: _War, joined: dict[str, int], starter: str
) -> list[NotTriggered]:
    """Defence obligations towards belligerents nobody attacked (they entered by their own
    decision or by treaty), with what would also stop them where they fight."""
    out = []
    for f in war.order:
        if war.attackers[f]:
            continue
        for k in range(c.in_ptr[f], c.in_ptr[f + 1]):
            e = int(c.in_idx[k])
            edge = c.edges[e]
            if c.e_offense[e] or joined.get(edge.from_) == war.side[f]:
                continue
            label = f"{edge.treaty.short_name or edge.treaty.id} art. {edge.article.number}"
            reasons = [f"{_name(c, edge.to)} entered the war itself and was not attacked"]
            if c.e_unprovoked[e] and war.side[f] == 0:
                reasons.append(f"{label} requires an unprovoked attack; {starter} started the war")
            if war.front[f] >= 0 and not c.e_place_ok[e, war.front[f]]:
                reasons.append(_outside(c, e, war.front[f], label))
            out.append(
                NotTriggered(
                    edge.from_,
                    edge.treaty.id,
                    edge.article.number,
                    edge.kind.value,
                    edge.to,
                    "; ".join(reasons),
                )
            )
    return out


def _partners_without_obligation(
    c: Compiled, war: _War, joined: dict[str, int]
) -> list[NotTriggered]:
    """Partners of an attacked state, in a treaty with a defence clause, that owe it none."""
    out = []
    bound = c.snapshot.bound
    for t in war.order:
        if not war.attackers[t]:
            continue
        protected = c.codes[t]
        owed = {
            (c.edges[int(e)].treaty.id, c.edges[int(e)].from_)
            for e in c.in_idx[c.in_ptr[t] : c.in_ptr[t + 1]]
        }
        for treaty in c.world.treaties.values():
            if (treaty.id, protected) not in bound:
                continue
            clauses = [
                (a, o) for a in treaty.articles for o in a.obligations if o.kind.value == "defense"
            ]
            if not clauses:
                continue
            article, ob = clauses[0]
            for party in treaty.parties:
                other = party.state
                if (
                    other == protected
                    or other in joined
                    or (treaty.id, other) in owed
                    or (treaty.id, other) not in bound
                ):
                    continue
                runs = f"from {', '.join(ob.from_) or 'all'} to {', '.join(ob.to) or 'all'}"
                detail = f" ({ob.conditions})" if ob.conditions else ""
                out.append(
                    NotTriggered(
                        other,
                        treaty.id,
                        article.number,
                        "defense",
                        protected,
                        f"no defence obligation towards {protected}: art. {article.number} "
                        f"runs {runs}{detail}",
                    )
                )
    return out
