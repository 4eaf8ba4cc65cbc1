"""War cases for the backtest: who started each war, who joined later, on which side and when.

A case is built from the Correlates of War (COW) Inter-State War participants file, one row per
state per war, refined with the Reiter–Stam–Horowitz Interstate War Data (IWD), which splits each
war into dyadic "initial wars" (one initiator attacking one target) and flags the joiners.

Rules (each with its effect; README "Backtest" lists them too):

1. **Onset.** A war's onset is the earliest entry date of any participant (``StartYear1/
   StartMonth1/StartDay1``). In all 95 COW wars the initiators (``Initiator == 1``) entered on that
   day, on one side.
2. **Initial belligerents** are the participants that entered on the onset date, on either side.
   Side 0 is the initiators' side ("the side that started the war", as in the engine), side 1
   the other; COW's ``Side`` label (1/2) is only a label. 19 wars have more than one initial
   belligerent on a side (e.g. NATO's seven in Kosovo 1999, the Arab states in 1948).
3. **Joiners** are the participants that entered after the onset, with their side and entry
   date. A second spell of fighting (``StartYear2``) does not make a new entry.
4. **Side switches.** A state with two rows in one war (Germany in war 108; France, Italy,
   Romania and Bulgaria in the Second World War, war 139) enters on the side and date of its
   *first* row; the later row is kept as a switch (``switched``) and is not a second entry.
   Effect: Italy, Romania and Bulgaria join the initiator's (Germany's) side in 1940–41; France
   joins Poland's side on 1939-09-03 (its Vichy row of 1940-07-07 is a switch); Germany joins
   Latvia's side in war 108 on 1918-12-07.
5. **Several onsets.** The IWD sees several independent "initial wars" (``joiner == 0``) inside
   some COW wars (in the First World War: Austria-Hungary–Serbia on 07-29, Germany–France on
   08-03, Germany–Belgium on 08-04). We follow COW: only the first date is the onset; whoever
   entered later is a joiner (Germany, France and Belgium in 1914). COW wars that grew out of other
   wars (``TransFrom``) or are phases of one conflict (Vietnam phases 1 and 2) stay separate cases.
6. **Who fought whom.** The IWD's initial wars of the matching larger war give, for a joiner,
   whom it attacked or by whom it was attacked (``fought``), and the attacks of the actual war
   used by the fulfilment analysis (:mod:`foedus.engine.backtest.history`). An IWD pair is used
   only when both states are COW participants of the war on opposite sides; otherwise it is
   dropped with a note (the IWD lists the USSR against the USA in Korea from 1950-11-01, COW does
   not list the USSR). COW decides who took part; the IWD only adds who fought whom.
7. **Codes.** COW 345 is Serbia before 1918 and Yugoslavia after (COW names it "Yugoslavia" in
   1914); the registry has one state for 345, as ATOP has, so nothing changes. The IWD's
   published code errors are corrected before use (:data:`IWD_CODE_FIXES`): Germany coded 365 as
   the target of "WW1Jpn-Ger", as adv2 in "WW1Rus-AH" and ally2 in "WW1Bul-Ser"; Greece coded 360
   as the initiator of "WW1Grc-Bulg"; Hungary coded 255 as ally2 in two 1941 Yugoslavia rows.
   Without the first two, Japan would have fought Russia and Romania Bulgaria.
8. **Split.** Wars that began before 1946 are the *fit* period, later wars the *test* period.

References
----------
Sarkees, M. R. & Wayman, F. (2010). *Resort to War: 1816-2007*. CQ Press (COW Inter-State War
data v4.0).
Reiter, D., Stam, A. C. & Horowitz, M. C. (2016). A Revised Look at Interstate Wars, 1816-2007.
*Journal of Conflict Resolution* 60(5), 956-976.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

__all__ = [
    "IWD_CODE_FIXES",
    "SPLIT_YEAR",
    "Belligerent",
    "IwdWar",
    "Participation",
    "WarCase",
    "build_cases",
    "fix_iwd_code",
    "match_iwd",
]

#: Wars beginning in this year or later form the test period.
SPLIT_YEAR = 1946

#: Published IWD code errors: (initial war name, column, wrong code) -> right code.
IWD_CODE_FIXES: Mapping[tuple[str, str, int], int] = {
    ("WW1Jpn-Ger", "target_ccode", 365): 255,
    ("WW1Rus-AH", "adv2ccode", 365): 255,
    ("WW1Bul-Ser", "ally2ccode", 365): 255,
    ("WW1Grc-Bulg", "init_ccode", 360): 350,
    ("WW2_Ger-Yugo_1941", "ally2ccode", 255): 310,
    ("WW2_It-Yugo_1941", "ally2ccode", 255): 310,
}


def fix_iwd_code(war_name: str, column: str, code: int) -> int:
    """The corrected COW code of an IWD cell.

    >>> fix_iwd_code("WW1Jpn-Ger", "target_ccode", 365)
    255
    >>> fix_iwd_code("WW1Rus-AH", "init_ccode", 365)
    365
    """
    return IWD_CODE_FIXES.get((war_name, column, code), code)


@dataclass(frozen=True, slots=True)
class Participation:
    """One row of the COW participants file (dates of the first spell; ``end`` inclusive)."""

    war: int
    war_name: str
    ccode: int
    side: int
    start: dt.date
    end: dt.date | None
    initiator: bool
    state_name: str = ""


@dataclass(frozen=True, slots=True)
class IwdWar:
    """One IWD dyadic initial war: ``initiator`` attacks ``target`` on ``start`` (codes fixed)."""

    larger_war: int
    larger_name: str
    id: int
    name: str
    initiator: int
    target: int
    start: dt.date
    joiner: bool


@dataclass(frozen=True, slots=True)
class Belligerent:
    """A state in a war: its side (0 = the initiators' side), entry date and how it fought."""

    ccode: int
    name: str
    side: int
    entry: dt.date
    initiator: bool = False
    cow_side: int = 0
    switched: tuple[tuple[dt.date, int], ...] = ()
    fought: tuple[int, ...] = ()


@dataclass(frozen=True)
class WarCase:
    """A COW war as the backtest sees it."""

    war: int
    name: str
    onset: dt.date
    initial: tuple[Belligerent, ...]
    joiners: tuple[Belligerent, ...]
    iwd_war: int | None = None
    attacks: tuple[tuple[int, int, dt.date], ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def period(self) -> str:
        """``fit`` (began before :data:`SPLIT_YEAR`) or ``test``."""
        return "fit" if self.onset.year < SPLIT_YEAR else "test"

    @property
    def belligerents(self) -> tuple[Belligerent, ...]:
        return self.initial + self.joiners

    @property
    def initiators(self) -> tuple[Belligerent, ...]:
        return tuple(b for b in self.initial if b.initiator)

    def side_of(self, ccode: int) -> int | None:
        return next((b.side for b in self.belligerents if b.ccode == ccode), None)

    def joiner(self, ccode: int) -> Belligerent | None:
        return next((b for b in self.joiners if b.ccode == ccode), None)


def match_iwd(
    rows: Sequence[Participation], iwd: Sequence[IwdWar], known: Mapping[int, int] | None = None
) -> dict[int, int]:
    """COW war number -> IWD larger war id.

    ``known`` pairs (e.g. Berkemeier–Fuhrmann's ``cowwarid``/``warid``) are taken as given;
    otherwise a COW war matches the IWD larger war whose first initial war starts within a year
    of the COW onset and shares the most states (Jaccard overlap at least one half).
    """
    cow_states: dict[int, set[int]] = defaultdict(set)
    cow_onset: dict[int, dt.date] = {}
    for r in rows:
        cow_states[r.war].add(r.ccode)
        cow_onset[r.war] = min(cow_onset.get(r.war, r.start), r.start)
    iwd_states: dict[int, set[int]] = defaultdict(set)
    iwd_onset: dict[int, dt.date] = {}
    for w in iwd:
        iwd_states[w.larger_war] |= {w.initiator, w.target}
        iwd_onset[w.larger_war] = min(iwd_onset.get(w.larger_war, w.start), w.start)
    out = {c: i for c, i in (known or {}).items() if c in cow_states and i in iwd_states}
    taken = set(out.values())
    for war in sorted(cow_states, key=lambda w: cow_onset[w]):
        if war in out:
            continue
        best, score = None, 0.5
        for lid, states in iwd_states.items():
            if lid in taken or abs(iwd_onset[lid].year - cow_onset[war].year) > 1:
                continue
            overlap = len(states & cow_states[war]) / len(states | cow_states[war])
            if overlap >= score:
                best, score = lid, overlap
        if best is not None:
            out[war] = best
            taken.add(best)
    return out


def _case(
    war: int, rows: Sequence[Participation], iwd: Sequence[IwdWar], iwd_id: int | None
) -> WarCase:
    notes: list[str] = []
    by_state: dict[int, list[Participation]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: (r.start, r.ccode)):
        by_state[r.ccode].append(r)
    onset = min(r.start for r in rows)
    initiator_sides = {r.side for r in rows if r.initiator and r.start == onset}
    if not initiator_sides:  # does not happen in COW 4.0; fall back to any initiator
        initiator_sides = {r.side for r in rows if r.initiator} or {rows[0].side}
        notes.append("no initiator entered on the onset date; side 0 is the initiator's side")
    cow0 = min(initiator_sides)
    states: dict[int, Belligerent] = {}
    for ccode, spells in by_state.items():
        first = spells[0]
        side = 0 if first.side == cow0 else 1
        switched = tuple((s.start, 0 if s.side == cow0 else 1) for s in spells[1:])
        if switched:
            notes.append(
                f"{_name(spells)} ({ccode}) enters on side {side} on {first.start} and switches "
                f"to side {switched[0][1]} on {switched[0][0]}; the first entry counts"
            )
        states[ccode] = Belligerent(
            ccode=ccode,
            name=_name(spells),
            side=side,
            entry=first.start,
            initiator=any(s.initiator for s in spells) and first.start == onset,
            cow_side=first.side,
            switched=switched,
        )
    fought: dict[int, list[int]] = defaultdict(list)
    attacks: list[tuple[int, int, dt.date]] = []
    for x, y in _initial_pairs(states, onset):
        attacks.append((x, y, onset))
    for w in sorted(iwd, key=lambda w: (w.start, w.id)):
        att, tgt = states.get(w.initiator), states.get(w.target)
        if att is None or tgt is None:
            missing = w.initiator if att is None else w.target
            notes.append(
                f"IWD {w.name}: {missing} is no COW participant of war {war}; pair dropped"
            )
            continue
        if att.side == tgt.side:
            notes.append(f"IWD {w.name}: COW puts {att.ccode} and {tgt.ccode} on one side; dropped")
            continue
        fought[att.ccode].append(tgt.ccode)
        fought[tgt.ccode].append(att.ccode)
        if (att.ccode, tgt.ccode) not in {(x, y) for x, y, _ in attacks}:
            attacks.append((att.ccode, tgt.ccode, max(w.start, att.entry, tgt.entry)))
    for s in states.values():
        if s.entry == onset or s.ccode in fought:
            continue
        # a joiner the IWD says nothing about attacks the other side's initial belligerents
        for o in states.values():
            if o.entry == onset and o.side != s.side:
                attacks.append((s.ccode, o.ccode, s.entry))
    final = {
        c: Belligerent(
            s.ccode,
            s.name,
            s.side,
            s.entry,
            s.initiator,
            s.cow_side,
            s.switched,
            tuple(dict.fromkeys(fought.get(c, []))),
        )
        for c, s in states.items()
    }
    initial = tuple(sorted((s for s in final.values() if s.entry == onset), key=_order))
    joiners = tuple(
        sorted((s for s in final.values() if s.entry > onset), key=lambda s: (s.entry, s.ccode))
    )
    return WarCase(
        war=war,
        name=rows[0].war_name,
        onset=onset,
        initial=initial,
        joiners=joiners,
        iwd_war=iwd_id,
        attacks=tuple(sorted(attacks, key=lambda x: (x[2], x[0], x[1]))),
        notes=tuple(notes),
    )


def _order(b: Belligerent) -> tuple[int, int, int]:
    return (b.side, 0 if b.initiator else 1, b.ccode)


def _name(spells: Sequence[Participation]) -> str:
    return spells[0].state_name or str(spells[0].ccode)


def _initial_pairs(states: Mapping[int, Belligerent], onset: dt.date) -> list[tuple[int, int]]:
    """The onset's attacks: every initiator attacks every initial state of the other side,
    then the other initial states of the initiators' side do the same."""
    first = [s for s in states.values() if s.entry == onset]
    side0 = sorted((s for s in first if s.side == 0), key=_order)
    side1 = sorted((s for s in first if s.side == 1), key=_order)
    return [(a.ccode, b.ccode) for a in side0 for b in side1]


def build_cases(
    rows: Iterable[Participation],
    iwd: Iterable[IwdWar] = (),
    *,
    known_iwd: Mapping[int, int] | None = None,
) -> list[WarCase]:
    """One :class:`WarCase` per COW war, in onset order (rules in the module docstring)."""
    by_war: dict[int, list[Participation]] = defaultdict(list)
    for r in rows:
        by_war[r.war].append(r)
    iwd_list = list(iwd)
    matches = match_iwd([r for rs in by_war.values() for r in rs], iwd_list, known_iwd)
    by_larger: dict[int, list[IwdWar]] = defaultdict(list)
    for w in iwd_list:
        by_larger[w.larger_war].append(w)
    cases = [
        _case(war, rs, by_larger.get(matches.get(war, -1), []), matches.get(war))
        for war, rs in by_war.items()
    ]
    return sorted(cases, key=lambda c: (c.onset, c.war))
