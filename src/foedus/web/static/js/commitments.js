// A state's commitments on a date: whom it must defend and who must defend it, with citations.
import { get } from "./api.js";
import { h, replace, sourceList, treatyLink } from "./dom.js";
import { nameOf } from "./states.js";

function group(records, other) {
  const groups = new Map();
  for (const r of records) {
    const key = `${r.treaty}|${r.article}|${r.kind}`;
    if (!groups.has(key)) groups.set(key, { first: r, states: [] });
    const g = groups.get(key);
    if (!g.states.includes(r[other])) g.states.push(r[other]);
  }
  return [...groups.values()];
}

function card(reg, g, verb) {
  const r = g.first;
  const names = g.states.map((c) => nameOf(reg, c)).sort();
  return h(
    "li",
    { class: "commitment" },
    h("div", {},
      h("span", { class: "cite" }, treatyLink(r.treaty, r.treaty_name, r.article),
        `, Article ${r.article}`),
      " ",
      h("span", { class: `badge ${r.automatic ? "auto" : "disc"}` },
        r.automatic ? "automatic" : "discretionary"),
      " ",
      h("span", { class: "badge" }, r.kind)),
    h("p", { class: "who" }, `${verb} `, h("strong", {}, names.join(", ")),
      h("span", { class: "muted" }, ` (since ${r.since})`)),
    h("p", { class: "says" }, r.says),
    sourceList(r.sources),
  );
}

/** Fill panel with the commitments of code on day (kind: "defense" or "" for all). */
export async function showCommitments(panel, reg, code, day, kind) {
  const name = nameOf(reg, code);
  replace(panel, h("h2", { id: "commitments-title" }, `${name} on ${day}`),
    h("p", { class: "muted" }, "Loading…"));
  try {
    const [owes, owed] = await Promise.all([
      get("/api/obligations", { on: day, from: code, kind }),
      get("/api/obligations", { on: day, to: code, kind }),
    ]);
    const what = kind ? `${kind} obligations` : "obligations";
    const mustDefend = group(owes, "to");
    const defendedBy = group(owed, "from");
    replace(
      panel,
      h("h2", { id: "commitments-title" }, `${name} on ${day}`),
      h("h3", { id: "owes-title" }, kind === "defense" ? `${name} must defend` : `${name} owes`),
      mustDefend.length
        ? h("ul", { class: "plain", "aria-labelledby": "owes-title" },
          mustDefend.map((g) => card(reg, g, kind === "defense" ? "Defend" : "Owed to")))
        : h("p", { class: "muted" }, `No ${what} owed by ${name} on this date.`),
      h("h3", { id: "owed-title" },
        kind === "defense" ? `Who must defend ${name}` : `Owed to ${name}`),
      defendedBy.length
        ? h("ul", { class: "plain", "aria-labelledby": "owed-title" },
          defendedBy.map((g) => card(reg, g, kind === "defense" ? "Defended by" : "Owed by")))
        : h("p", { class: "muted" }, `No ${what} owed to ${name} on this date.`),
    );
  } catch (err) {
    replace(panel, h("p", { class: "error", role: "alert" }, err.message));
  }
}
