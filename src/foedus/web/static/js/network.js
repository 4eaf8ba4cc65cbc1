// The network view: states on a circle grouped by bloc, an edge per pair bound by defence
// obligations; the selected state's edges are highlighted. Plain SVG, no layout library.
import { NO_BLOC } from "./blocs.js";
import { replace, s } from "./dom.js";

export function drawNetwork(container, blocs, reg, selected, onSelect) {
  const { nodes, edges } = blocs.network;
  const order = [...nodes].sort((a, b) => {
    const ba = blocs.blocOf.get(a.code)?.id || "~";
    const bb = blocs.blocOf.get(b.code)?.id || "~";
    return ba === bb ? a.name.localeCompare(b.name) : ba.localeCompare(bb);
  });
  const size = 760;
  const centre = size / 2;
  const radius = size / 2 - 70;
  const at = new Map();
  order.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(order.length, 1) - Math.PI / 2;
    at.set(node.code, { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle), angle });
  });
  const seen = new Set();
  const lines = [];
  for (const edge of edges) {
    const key = [edge.from, edge.to].sort().join("|");
    if (seen.has(key)) continue;
    seen.add(key);
    const a = at.get(edge.from);
    const b = at.get(edge.to);
    const colour = blocs.colours.get(edge.treaties[0]) || "#888";
    const hl = selected && (edge.from === selected || edge.to === selected);
    lines.push(s("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: colour,
      class: hl ? "hl" : null }));
  }
  const circles = order.map((node) => {
    const p = at.get(node.code);
    const bloc = blocs.blocOf.get(node.code);
    const label = `${node.name}: ${bloc ? bloc.short_name || bloc.name : "no bloc"}`;
    const deg = (p.angle * 180) / Math.PI;
    const flip = deg > 90 && deg < 270;
    const tx = centre + (radius + 10) * Math.cos(p.angle);
    const ty = centre + (radius + 10) * Math.sin(p.angle);
    return [
      s("circle", { cx: p.x, cy: p.y, r: node.code === selected ? 7 : 5,
        fill: bloc ? blocs.colours.get(bloc.id) : NO_BLOC, tabindex: "0", role: "button",
        "aria-label": label, class: node.code === selected ? "selected" : null,
        dataset: { state: node.code },
        onkeydown: (ev) => {
          if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); onSelect(node.code); }
        },
        onclick: () => onSelect(node.code) }, s("title", { text: label })),
      s("text", { x: tx, y: ty, "text-anchor": flip ? "end" : "start", "dominant-baseline": "middle",
        transform: `rotate(${flip ? deg + 180 : deg} ${tx} ${ty})`, "aria-hidden": "true" }, node.code),
    ];
  });
  replace(container, s("svg", { class: "network", viewBox: `0 0 ${size} ${size}`, role: "group",
    "aria-label": `Network of ${nodes.length} states bound by defence obligations; ` +
      "Tab to a state and press Enter to show its commitments." },
  s("g", { "aria-hidden": "true" }, lines), s("g", {}, circles)));
}
