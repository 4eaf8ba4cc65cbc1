// Two small SVG charts for Monte Carlo results, each with a table for screen readers.
import { h, s } from "./dom.js";

/** Horizontal stacked bars: P(join) per state, split by side. */
export function joinChart(reg, record, nameOf, limit = 40) {
  const rows = Object.entries(record.p_join).slice(0, limit);
  const width = 720;
  const left = 210;
  const bar = 16;
  const height = 24 + rows.length * (bar + 4);
  const x = (p) => left + p * (width - left - 60);
  const bars = rows.map(([code, p], i) => {
    const [p0, p1] = record.p_join_side[code];
    const y = 20 + i * (bar + 4);
    return s("g", {},
      s("text", { x: left - 6, y: y + 12, "text-anchor": "end" }, `${nameOf(reg, code)} (${code})`),
      s("rect", { x: x(0), y, width: x(p0) - x(0), height: bar, fill: "var(--side0)" }),
      s("rect", { x: x(p0), y, width: x(p0 + p1) - x(p0), height: bar, fill: "var(--side1)" }),
      s("text", { x: x(p) + 4, y: y + 12 }, p.toFixed(3)));
  });
  const axis = [0, 0.25, 0.5, 0.75, 1].map((t) => [
    s("line", { x1: x(t), x2: x(t), y1: 14, y2: height, stroke: "#e5e7eb" }),
    s("text", { x: x(t), y: 10, "text-anchor": "middle" }, String(t)),
  ]);
  const table = h("table", {},
    h("thead", {}, h("tr", {}, ["State", "P(join)", "95% CI", "side 0", "side 1"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, rows.map(([code, p]) => h("tr", {},
      h("th", { scope: "row" }, `${nameOf(reg, code)} (${code})`), h("td", {}, p.toFixed(3)),
      h("td", {}, record.p_join_ci95[code].map((v) => v.toFixed(3)).join("–")),
      h("td", {}, record.p_join_side[code][0].toFixed(3)),
      h("td", {}, record.p_join_side[code][1].toFixed(3))))));
  return h("figure", { id: "pjoin-chart" },
    h("figcaption", {}, `P(join) per state, ${record.runs} runs, seed ${record.seed} ` +
      "(red: side 0, which started the war; blue: side 1)"),
    s("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": "Bar chart of the probability that each state joins; the table below has the values" },
    axis, bars),
    h("details", {}, h("summary", {}, "P(join) as a table"), table));
}

/** Vertical bars: share of draws with each number of belligerents. */
export function sizeHistogram(record) {
  const entries = Object.entries(record.belligerents).map(([k, v]) => [Number(k), v]);
  const width = 720;
  const height = 220;
  const bottom = height - 30;
  const max = Math.max(...entries.map(([, v]) => v), 0.0001);
  const slot = (width - 60) / Math.max(entries.length, 1);
  const bars = entries.map(([k, v], i) => {
    const bh = (v / max) * (bottom - 20);
    const x = 50 + i * slot;
    return s("g", {},
      s("rect", { x: x + 2, y: bottom - bh, width: Math.max(2, slot - 4), height: bh, fill: "#475569" }),
      s("text", { x: x + slot / 2, y: bottom + 14, "text-anchor": "middle" }, String(k)),
      v / max > 0.05 ? s("text", { x: x + slot / 2, y: bottom - bh - 3, "text-anchor": "middle" }, v.toFixed(3)) : null);
  });
  return h("figure", { id: "belligerents-chart" },
    h("figcaption", {}, `Number of belligerents (mean ${record.belligerents_mean.toFixed(2)}, ` +
      `95% CI ${record.belligerents_mean_ci95.map((v) => v.toFixed(2)).join("–")})`),
    s("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": "Histogram of the number of belligerents; the table below has the values" },
    s("line", { x1: 45, x2: width - 5, y1: bottom, y2: bottom, stroke: "#6b7280" }), bars,
    s("text", { x: width / 2, y: height - 2, "text-anchor": "middle" }, "belligerents")),
    h("details", {}, h("summary", {}, "Histogram as a table"),
      h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Belligerents"), h("th", { scope: "col" }, "Share of draws"))),
        h("tbody", {}, entries.map(([k, v]) => h("tr", {}, h("td", {}, String(k)), h("td", {}, v.toFixed(4))))))));
}
