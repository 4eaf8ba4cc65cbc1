"""Plain-data records of corpus-wide results: invocations and the corpus report (JSON contract).

The records of single-date queries (obligations, treaties, changes) are in :mod:`foedus.io.records`.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from foedus.io.records import source_record
from foedus.model.registry import StateRegistry
from foedus.query.invocations import InvocationEvent
from foedus.query.report import CorpusReport

__all__ = ["invocation_record", "report_record"]


def _cow(registry: StateRegistry, code: str) -> int | None:
    state = registry.get(code)
    return state.cow if state else None


def invocation_record(event: InvocationEvent, registry: StateRegistry) -> dict[str, Any]:
    """One invocation: ``date`` (ISO, maybe partial), treaty, article, who invoked it, sources."""
    treaty, invocation = event.treaty, event.invocation
    by_id = {s.id: s for s in treaty.sources}
    return {
        "date": str(invocation.date),
        "treaty": treaty.id,
        "treaty_name": treaty.name,
        "article": invocation.article,
        "by": list(invocation.by),
        "by_cow": [_cow(registry, code) for code in invocation.by],
        "note": invocation.note,
        "sources": [source_record(by_id[i]) for i in invocation.sources if i in by_id],
    }


def report_record(report: CorpusReport) -> dict[str, Any]:
    """The corpus report as one JSON object."""
    return {
        "on": report.on.isoformat(),
        "treaties": report.treaties,
        "obligations": report.obligations,
        "by_kind": {k: asdict(v) for k, v in report.by_kind.items()},
        "by_region": {k: asdict(v) for k, v in report.by_region.items()},
        "by_era": {k: asdict(v) for k, v in report.by_era.items()},
        "in_force": list(report.in_force),
        "signed_only": list(report.signed_only),
        "invocations": report.invocations,
        "unsourced": [asdict(f) for f in report.unsourced],
        "uncertain": [{"treaty": u.treaty, "first_lines": list(u.lines)} for u in report.uncertain],
        "latest_fact": (
            {
                "date": str(report.latest.date),
                "treaty": report.latest.treaty,
                "what": report.latest.what,
            }
            if report.latest
            else None
        ),
    }
