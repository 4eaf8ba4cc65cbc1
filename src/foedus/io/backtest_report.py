"""Write the backtest report: HTML with matplotlib PNG plots, the JSON, the fitted parameters.

Files written into the report folder:

- ``index.html``: figures per model and period, plots, the fulfilment comparison and a table of
  every war with its predicted and actual joiners;
- ``calibration.png`` (reliability diagram), ``pjoin.png`` (P(join) of joiners and non-joiners),
  ``eras.png`` (F1 and Brier per period);
- ``backtest.json`` (as ``--format json``);
- ``reliability-fitted.yaml``, ``reliability-fitted-size.yaml`` and (with the covariate files)
  ``reliability-fitted-collective.yaml``: the fitted parameters in the format ``foedus scenario
  --reliability FILE`` loads.

matplotlib is imported lazily with the Agg backend (``pip install 'foedus[research]'``).
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import yaml

from foedus.engine.backtest.run import Backtest, rows_for
from foedus.engine.reliability import ReliabilityModel
from foedus.io.atomic import atomic_path, write_text

__all__ = ["write_reliability", "write_report"]


def write_reliability(model: ReliabilityModel, path: Path) -> None:
    """``model`` as a parameter file (``ReliabilityModel`` YAML)."""
    data = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    header = (
        "# Reliability fitted by `foedus backtest` on COW wars begun before 1946 (ATOP 4.01).\n"
        "# Load with `foedus scenario FILE --reliability THIS.yaml`.\n"
    )
    write_text(path, header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def _pyplot() -> Any:
    try:
        import matplotlib
    except ImportError:  # pragma: no cover - depends on the environment
        from foedus.errors import InputError

        raise InputError("--report needs matplotlib: pip install 'foedus[research]'") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _save(fig: Any, path: Path) -> None:
    """Save a figure atomically (PNG)."""
    with atomic_path(path) as tmp:
        fig.savefig(tmp, dpi=110, format="png")


#: Models on the calibration plot, with their markers; models and baselines on the era plot.
CALIBRATED = (("model", "o"), ("model_size", "s"), ("model_hybrid", "D"), ("model_default", "^"))
COMPARED = (
    "model",
    "model_size",
    "model_hybrid",
    "model_default",
    "baseline_allies",
    "baseline_rate",
    "baseline_covariates",
)


def _plots(bt: Backtest, folder: Path) -> None:
    plt = _pyplot()
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.5))
    for ax, period in zip(axes, ("fit", "test"), strict=True):
        ax.plot([0, 1], [0, 1], ls=":", c="grey")
        for name, marker in CALIBRATED:
            if name not in bt.calibration:
                continue
            bins = [b for b in bt.calibration[name][period] if b.n]
            ax.plot(
                [b.mean_p for b in bins],
                [b.observed for b in bins],
                marker=marker,
                label=name,
            )
        ax.set(title=f"Calibration, {period} period", xlabel="mean P(join)", ylabel="share joined")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.legend(fontsize=8)
    fig.tight_layout()
    _save(fig, folder / "calibration.png")
    plt.close(fig)

    fig, axes = plt.subplots(1, 2, figsize=(10, 4.5))
    for ax, period in zip(axes, ("fit", "test"), strict=True):
        rows = [
            r
            for p in bt.predictions
            if p.case.period == period
            for r in rows_for(p, "model", bt.rates)
            if r.p > 0 or r.actual is not None
        ]
        joined = [r.p for r in rows if r.actual is not None]
        stayed = [r.p for r in rows if r.actual is None]
        ax.hist([joined, stayed], bins=20, range=(0, 1), label=["joined", "stayed out"])
        ax.set(
            title=f"P(join), model, {period} (P > 0 or joined)",
            xlabel="P(join)",
            ylabel="candidates",
        )
        ax.legend(fontsize=8)
    fig.tight_layout()
    _save(fig, folder / "pjoin.png")
    plt.close(fig)

    names = tuple(n for n in COMPARED if n in bt.scores)
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.5))
    for ax, metric in zip(axes, ("f1", "brier"), strict=True):
        width = 0.8 / len(names)
        for i, name in enumerate(names):
            values = [getattr(bt.scores[name][p], metric) or 0.0 for p in ("fit", "test")]
            ax.bar([x + i * width for x in (0, 1)], values, width, label=name)
        ax.set_xticks([0.4 - width / 2, 1.4 - width / 2], ["fit (< 1946)", "test (1946+)"])
        ax.set(title=metric.upper() if metric == "f1" else "Brier score (lower is better)")
        ax.legend(fontsize=7)
    fig.tight_layout()
    _save(fig, folder / "eras.png")
    plt.close(fig)


def _fmt(x: object) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:.4f}"
    return html.escape(str(x))


METRIC_COLUMNS = (
    "n",
    "joiners",
    "predicted",
    "precision",
    "recall",
    "f1",
    "side_accuracy",
    "brier",
    "log_loss",
)


def _metrics_table(record: dict[str, Any]) -> str:
    head = (
        "<tr><th>model</th><th>period</th>"
        + "".join(f"<th>{c}</th>" for c in METRIC_COLUMNS)
        + "</tr>"
    )
    rows = []
    for name, entry in record["metrics"].items():
        for period in ("fit", "test", "all"):
            s = entry[period]
            cells = "".join(f"<td>{_fmt(s[c])}</td>" for c in METRIC_COLUMNS)
            rows.append(f"<tr><td>{name}</td><td>{period}</td>{cells}</tr>")
    return f"<table>{head}{''.join(rows)}</table>"


def _wars_table(record: dict[str, Any]) -> str:
    rows = []
    for w in record["wars"]:
        initial = ", ".join(f"{b['state']}({b['side']})" for b in w["initial"])
        actual = ", ".join(f"{k}({v})" for k, v in w["actual"].items())
        predicted = ", ".join(
            f"{k}({v}{'✓' if k in w['actual'] else ''})" for k, v in w["predicted"].items()
        )
        top = sorted(w["p_join"].get("model", {}).items(), key=lambda kv: -kv[1])[:6]
        p = ", ".join(f"{k} {v:.2f}" for k, v in top)
        rows.append(
            f"<tr><td>{w['war']}</td><td>{html.escape(w['name'])}</td><td>{w['onset']}</td>"
            f"<td>{w['period']}</td><td>{initial}</td><td>{actual or '–'}</td>"
            f"<td>{predicted or '–'}</td><td>{p or '–'}</td></tr>"
        )
    head = (
        "<tr><th>COW</th><th>war</th><th>onset</th><th>period</th><th>initial (side)</th>"
        "<th>actual joiners (side)</th><th>predicted joiners (side, ✓ joined)</th>"
        "<th>highest P(join), model</th></tr>"
    )
    return f"<table>{head}{''.join(rows)}</table>"


def write_report(bt: Backtest, record: dict[str, Any], folder: Path) -> list[Path]:
    """Write the report files into ``folder`` (created if needed); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    _plots(bt, folder)
    write_reliability(bt.fitted, folder / "reliability-fitted.yaml")
    write_reliability(bt.sized.to_model(bt.split_year), folder / "reliability-fitted-size.yaml")
    if bt.collective is not None:
        write_reliability(
            bt.collective.to_model(bt.split_year), folder / "reliability-fitted-collective.yaml"
        )
    write_text(folder / "backtest.json", json.dumps(record, indent=2) + "\n")
    f = record.get("fulfilment")
    fulfil = ""
    if f:
        conf = f["confusion"]
        fulfil = (
            "<h2>Alliance fulfilment vs Berkemeier &amp; Fuhrmann (2018)</h2>"
            f"<p>Matched (war, alliance) rows: {f['matched']}; agreement on “applies”: "
            f"{_fmt(f['agreement'])}; agreement on “honoured” where both say it applies: "
            f"{_fmt(f['honour_agreement'])} ({f['honour_n']} rows).</p>"
            "<table><tr><th></th><th>theirs: applies</th><th>theirs: does not apply</th></tr>"
            f"<tr><th>ours: applies</th><td>{conf['ours_yes_theirs_yes']}</td>"
            f"<td>{conf['ours_yes_theirs_no']}</td></tr>"
            f"<tr><th>ours: does not apply</th><td>{conf['ours_no_theirs_yes']}</td>"
            f"<td>{conf['ours_no_theirs_no']}</td></tr></table>"
            f"<p>Their rows we could not match: {f['unmatched_theirs']} "
            f"({html.escape(json.dumps(f['unmatched_theirs_causes']))}).</p>"
            f"<pre>{html.escape(json.dumps(f['disagreement_causes'], indent=1))}</pre>"
        )
    split = record["split"]
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>foedus backtest</title>
<style>body{{font-family:sans-serif;max-width:1200px;margin:1em auto}}
table{{border-collapse:collapse;font-size:12px}}td,th{{border:1px solid #ccc;padding:2px 5px}}
img{{max-width:100%}}</style></head><body>
<h1>foedus backtest: COW inter-state wars, ATOP 4.01 alliances</h1>
<p>Fit period: {split["fit"]["wars"]} wars, {split["fit"]["from"]} to {split["fit"]["to"]};
test period: {split["test"]["wars"]} wars, {split["test"]["from"]} to {split["test"]["to"]}.
Monte Carlo: {record["runs"]} runs per war, seed {record["seed"]}. Candidates:
{html.escape(record["candidates"])}.</p>
<h2>Metrics</h2>{_metrics_table(record)}
<h2>Plots</h2><img src="calibration.png" alt="calibration"><img src="pjoin.png" alt="P(join)">
<img src="eras.png" alt="per-era metrics">
<h2>Fitted reliability (<a href="reliability-fitted.yaml">reliability-fitted.yaml</a>)</h2>
<pre>{html.escape(json.dumps(record["reliability"], indent=1))}</pre>
{fulfil}
<h2>Wars</h2>{_wars_table(record)}
</body></html>
"""
    write_text(folder / "index.html", page)
    names: tuple[str, ...] = (
        "index.html",
        "calibration.png",
        "pjoin.png",
        "eras.png",
        "backtest.json",
        "reliability-fitted.yaml",
        "reliability-fitted-size.yaml",
    )
    if bt.collective is not None:
        names += ("reliability-fitted-collective.yaml",)
    return [folder / n for n in names]
