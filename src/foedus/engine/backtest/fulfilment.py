"""Alliance fulfilment by (war, alliance), compared with Berkemeier & Fuhrmann (2018).

Our unit follows theirs: a COW war and an ATOP alliance with at least one member (bound on the
onset date) among the war's participants. The alliance *applies* when at least one of its
obligations applies in the war as fought (:mod:`foedus.engine.backtest.history`); it is
*honoured* when every applicable obligation was honoured (Leeds–Long–Mitchell's strict rule) and
*honoured (lenient)* when at least one was and no member fought a partner (Sabrosky's rule for
multilateral alliances).

Berkemeier & Fuhrmann code a row "does not apply" (``dnaLLM``) when it is a non-aggression pact
whose members did not fight each other, a consultation-only pact, or the casus foederis was not
met; the rows join ours on ``cowwarid`` and ``atopid``. Their ids are ATOP **3.0** ids and ours
4.01: almost all are unchanged, but an alliance recoded or split between versions does not join,
and 38 of their rows have no COW war number.

References
----------
Berkemeier, M. & Fuhrmann, M. (2018). Reassessing the Fulfillment of Alliance Commitments in War.
*Research & Politics* 5(2).
Leeds, B. A., Long, A. G. & Mitchell, S. M. (2000). Reevaluating Alliance Reliability.
*Journal of Conflict Resolution* 44(5), 686-699.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from foedus.engine.backtest.history import Commitment

__all__ = ["AllianceCase", "BfRow", "Comparison", "alliance_cases", "compare"]


@dataclass(frozen=True, slots=True)
class BfRow:
    """One row of the Berkemeier–Fuhrmann replication data (LLM coding)."""

    warid: int
    atopid: int
    cowwarid: int | None
    warname: str
    dna: bool
    honoured: bool
    violated: bool
    cfna: bool
    nonagg: bool
    consul: bool
    early: bool


@dataclass(frozen=True)
class AllianceCase:
    """Our judgement of one (war, alliance)."""

    war: int
    atopid: int
    applies: bool
    honoured: bool | None
    honoured_lenient: bool | None
    kinds: tuple[str, ...]
    applicable: tuple[str, ...]
    reasons: tuple[str, ...]


def alliance_cases(commitments: Iterable[Commitment]) -> list[AllianceCase]:
    """Group commitments by (war, ATOP alliance) and judge each group."""
    groups: dict[tuple[int, int], list[Commitment]] = defaultdict(list)
    for c in commitments:
        if c.atopid is not None:
            groups[(c.war, c.atopid)].append(c)
    out = []
    for (war, atopid), items in sorted(groups.items()):
        live = [c for c in items if c.applies]
        honoured = [bool(c.honoured) for c in live]
        fought_partner = any(c.kind == "nonaggression" for c in live)
        out.append(
            AllianceCase(
                war=war,
                atopid=atopid,
                applies=bool(live),
                honoured=all(honoured) if live else None,
                honoured_lenient=(any(honoured) and not fought_partner) if live else None,
                kinds=tuple(sorted({c.kind for c in items})),
                applicable=tuple(sorted({f"{c.kind} {c.obligor}->{c.protected}" for c in live})),
                reasons=tuple(sorted({c.reason for c in items if not c.applies})),
            )
        )
    return out


@dataclass
class Comparison:
    """Agreement of our "applies" with Berkemeier & Fuhrmann's, and where they differ."""

    matched: int
    agreement: float | None
    confusion: dict[str, int]
    honour_agreement: float | None
    honour_n: int
    theirs_only: int
    theirs_only_causes: dict[str, int]
    ours_only: int
    causes: dict[str, dict[str, int]] = field(default_factory=dict)
    examples: list[dict[str, Any]] = field(default_factory=list)
    rates: dict[str, dict[str, Any]] = field(default_factory=dict)


def _their_cause(row: BfRow) -> str:
    if row.nonagg:
        return "non-aggression pact, members did not fight each other"
    if row.consul:
        return "consultation-only pact"
    return "casus foederis not met"


def compare(
    ours: Sequence[AllianceCase],
    theirs: Sequence[BfRow],
    *,
    wars: Mapping[int, dt.date],
    begins: Mapping[int, dt.date | None],
    examples: int = 12,
) -> Comparison:
    """Join on (COW war, ATOP id) and compare; ``wars`` maps our COW wars to their onsets,
    ``begins`` the ATOP 4.01 ids to their first day, for the causes of unmatched rows."""
    mine = {(c.war, c.atopid): c for c in ours}
    confusion: Counter[str] = Counter()
    causes: dict[str, Counter[str]] = {
        "ours_no_theirs_yes": Counter(),
        "ours_yes_theirs_no": Counter(),
    }
    unmatched: Counter[str] = Counter()
    found: list[dict[str, Any]] = []
    honour_same = honour_n = 0
    used: set[tuple[int, int]] = set()
    for row in theirs:
        if row.cowwarid is None:
            unmatched["no COW war number"] += 1
            continue
        key = (row.cowwarid, row.atopid)
        case = mine.get(key)
        if case is None:
            if row.cowwarid not in wars:
                unmatched["war not in the COW file"] += 1
            elif row.atopid not in begins:
                unmatched["ATOP id not in 4.01"] += 1
            elif (begins[row.atopid] or dt.date.max) > wars[row.cowwarid]:
                unmatched["alliance begins after the onset (formed in wartime)"] += 1
            else:
                unmatched["no member bound on the onset date is a participant (4.01 dates)"] += 1
            continue
        used.add(key)
        theirs_apply = not row.dna
        confusion[
            f"ours_{'yes' if case.applies else 'no'}_theirs_{'yes' if theirs_apply else 'no'}"
        ] += 1
        if case.applies and theirs_apply:
            honour_n += 1
            honour_same += int(bool(case.honoured) == row.honoured)
        if case.applies == theirs_apply:
            continue
        if case.applies:
            kinds = ", ".join(sorted({a.split()[0] for a in case.applicable}))
            cause = f"{_their_cause(row)}; ours: {kinds} applies"
            causes["ours_yes_theirs_no"][cause] += 1
        else:
            for reason in case.reasons or ("no obligation of a kind that applies",):
                causes["ours_no_theirs_yes"][reason] += 1
        if len(found) < examples:
            found.append(
                {
                    "cowwar": row.cowwarid,
                    "war": row.warname,
                    "atopid": row.atopid,
                    "ours": case.applies,
                    "theirs": theirs_apply,
                    "their_code": "honoured"
                    if row.honoured
                    else ("violated" if row.violated else _their_cause(row)),
                    "our_applicable": list(case.applicable[:6]),
                    "our_reasons": list(case.reasons[:4]),
                }
            )
    matched = sum(confusion.values())
    agree = confusion["ours_yes_theirs_yes"] + confusion["ours_no_theirs_no"]
    return Comparison(
        matched=matched,
        agreement=agree / matched if matched else None,
        confusion={
            k: confusion[k]
            for k in (
                "ours_yes_theirs_yes",
                "ours_yes_theirs_no",
                "ours_no_theirs_yes",
                "ours_no_theirs_no",
            )
        },
        honour_agreement=honour_same / honour_n if honour_n else None,
        honour_n=honour_n,
        theirs_only=sum(unmatched.values()),
        theirs_only_causes=dict(unmatched.most_common()),
        ours_only=sum(1 for k in mine if k not in used and k[0] in {r.cowwarid for r in theirs}),
        causes={k: dict(v.most_common()) for k, v in causes.items()},
        examples=found,
        rates=_rates(ours, wars),
    )


def _rates(ours: Sequence[AllianceCase], wars: Mapping[int, dt.date]) -> dict[str, dict[str, Any]]:
    """Our fulfilment rates (strict rule) for wars begun before 1945 and after, as B&F split."""
    out = {}
    for label, early in (("1816-1944", True), ("1945-2003", False)):
        # B&F's split: wars begun 1816-1944 and 1945-2003
        live = [
            c for c in ours if c.applies and c.war in wars and (wars[c.war].year < 1945) == early
        ]
        kept = sum(1 for c in live if c.honoured)
        out[label] = {
            "applicable": len(live),
            "honoured": kept,
            "rate": kept / len(live) if live else None,
        }
    return out
