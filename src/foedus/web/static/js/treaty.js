// The treaty page (#/treaty/<id>): facts, a per-party timeline, articles with their
// obligations, invocations and sources.
import { get } from "./api.js";
import { h, replace, s, sourceList, treatyLink } from "./dom.js";
import { today } from "./datebar.js";
import { loadRegistry, nameOf } from "./states.js";

const KIND_WORDS = {
  entry_into_force: "in force", entry_into_force_for_party: "in force", accession: "in force (accession)",
  bound_at_the_latest: "in force (at the latest)",
  suspended: "suspended", frozen: "frozen", not_in_existence: "state not in existence",
  resumed: "resumed",
};

function firstDay(partial) {
  if (!partial) return null;
  const [y, m, d] = String(partial).split("-");
  return `${y}-${m || "01"}-${d || "01"}`;
}

function years(day) {
  const [y, m, d] = day.split("-").map(Number);
  return y + (m - 1) / 12 + (d - 1) / 365;
}

/** Per party: the dated steps (signed, ratified/acceded, in force, suspended, resumed, exit). */
function steps(treaty, changes) {
  const out = new Map(treaty.parties.map((p) => [p.state, []]));
  for (const p of treaty.parties) {
    const list = out.get(p.state);
    if (p.signed) list.push({ date: String(p.signed), what: "signed" });
    if (p.ratified) list.push({ date: String(p.ratified), what: "ratified" });
    if (p.acceded) list.push({ date: String(p.acceded), what: "acceded" });
    if (p.bound_by) list.push({ date: String(p.bound_by), what: "bound by (at the latest)" });
  }
  for (const c of changes) {
    const list = out.get(c.state);
    if (!list) continue;
    const towards = c.towards.length ? ` towards ${c.towards.join(", ")}` : "";
    const what = c.effect === "unbind" ? c.kind : (KIND_WORDS[c.kind] || c.kind);
    list.push({ date: c.date, what: `${what}${towards}`, effect: c.effect });
  }
  for (const list of out.values()) list.sort((a, b) => firstDay(a.date).localeCompare(firstDay(b.date)));
  return out;
}

function timeline(reg, treaty, perParty) {
  const dates = [];
  for (const list of perParty.values()) for (const st of list) dates.push(firstDay(st.date));
  if (treaty.signed) dates.push(firstDay(treaty.signed));
  if (!dates.length) return null;
  const end = today();
  const lo = Math.floor(years(dates.sort()[0]));
  const hi = Math.ceil(Math.max(years(end), years(dates[dates.length - 1]) + 1));
  const left = 150;
  const width = 900;
  const row = 18;
  const x = (day) => left + ((years(day) - lo) / (hi - lo)) * (width - left - 10);
  const rows = [];
  treaty.parties.forEach((p, i) => {
    const y = 24 + i * row;
    const bound = treaty.bound[p.state];
    const parts = [s("text", { x: 4, y: y + 10 }, `${nameOf(reg, p.state)}`)];
    const signed = firstDay(p.signed || treaty.signed);
    const startBound = bound ? bound.from : null;
    if (signed && (!startBound || signed < startBound)) {
      parts.push(s("line", { x1: x(signed), x2: x(startBound || end), y1: y + 7, y2: y + 7,
        stroke: "#6b7280", "stroke-dasharray": "3 2", "stroke-width": 2 }));
    }
    if (bound) {
      parts.push(s("rect", { x: x(bound.from), y: y + 2, height: 10, rx: 2, fill: "#1d4ed8",
        width: Math.max(2, x(bound.to || end) - x(bound.from)) }));
    }
    let suspendedFrom = null;
    for (const st of perParty.get(p.state)) {
      if (st.effect === "suspend") suspendedFrom = firstDay(st.date);
      if ((st.effect === "resume" || st.effect === "unbind") && suspendedFrom) {
        parts.push(s("rect", { x: x(suspendedFrom), y: y + 2, height: 10, fill: "#f59e0b",
          width: Math.max(2, x(firstDay(st.date)) - x(suspendedFrom)) }));
        suspendedFrom = null;
      }
    }
    if (suspendedFrom) {
      parts.push(s("rect", { x: x(suspendedFrom), y: y + 2, height: 10, fill: "#f59e0b",
        width: Math.max(2, x(end) - x(suspendedFrom)) }));
    }
    if (p.exit) {
      parts.push(s("text", { x: x(firstDay(p.exit.date)) + 3, y: y + 11 }, `✕ ${p.exit.how}`));
    }
    rows.push(s("g", {}, parts));
  });
  const ticks = [];
  const step = Math.max(1, Math.ceil((hi - lo) / 10));
  for (let yr = lo; yr <= hi; yr += step) {
    const tx = x(`${String(yr).padStart(4, "0")}-01-01`);
    ticks.push(s("line", { x1: tx, x2: tx, y1: 14, y2: 24 + treaty.parties.length * row,
      stroke: "#e5e7eb" }), s("text", { x: tx, y: 11, "text-anchor": "middle" }, String(yr)));
  }
  const height = 30 + treaty.parties.length * row;
  return h("figure", {},
    s("svg", { class: "timeline", viewBox: `0 0 ${width} ${height}`, "aria-hidden": "true" },
      ticks, rows),
    h("figcaption", { class: "muted" },
      "Dashed: signed, not yet bound. Blue: bound. Amber: suspended. The table below gives the " +
      "same dates."));
}

function obligationText(reg, treaty, o) {
  const who = !o.from && !o.to
    ? "mutual among the parties"
    : `${(o.from || ["every party"]).map((c) => nameOf(reg, c)).join(", ")} → ${
      (o.to || ["every party"]).map((c) => nameOf(reg, c)).join(", ")}`;
  const t = o.trigger || {};
  const r = o.response || {};
  const trigger = [
    t.event ? t.event.replace(/_/g, " ") : "armed attack",
    t.attacker && t.attacker.states ? `by ${t.attacker.states.join(", ")}` : "",
    t.attacker && t.attacker.min_attackers > 1 ? `(${t.attacker.min_attackers}+ attackers)` : "",
    t.location ? `location: ${t.location.area || t.location.scope}` : "",
    t.unprovoked_only ? "unprovoked only" : "",
  ].filter(Boolean).join(" ");
  return h("li", { class: "obligation" },
    h("span", { class: "badge" }, o.kind), " ", who, " — trigger: ", trigger, "; response: ",
    h("span", { class: `badge ${r.automatic ? "auto" : "disc"}` },
      r.automatic ? "automatic" : "discretionary"),
    r.means ? ` means: ${r.means.replace(/_/g, " ")}` : "",
    r.timing ? `, ${r.timing}` : "",
    r.constitutional_processes ? ", subject to constitutional processes" : "",
    o.conditions ? h("div", { class: "muted" }, o.conditions) : "");
}

function cited(treaty, ids) {
  const byId = new Map((treaty.sources || []).map((src) => [src.id, src]));
  return sourceList((ids || []).map((id) => byId.get(id)).filter(Boolean));
}

export async function render(main, params, id) {
  const reg = await loadRegistry();
  replace(main, h("p", { class: "muted" }, "Loading…"));
  let treaty;
  let changes;
  try {
    [treaty, changes] = await Promise.all([
      get(`/api/treaties/${encodeURIComponent(id)}`),
      get(`/api/treaties/${encodeURIComponent(id)}/changes`),
    ]);
  } catch (err) {
    replace(main, h("h1", {}, "Treaty not found"), h("p", { class: "error", role: "alert" }, err.message));
    return;
  }
  const perParty = steps(treaty, changes);
  const facts = [
    ["Id", treaty.id],
    ["Signed", treaty.signed ? `${treaty.signed}${treaty.place ? ` at ${treaty.place}` : ""}` : "—"],
    ["In force", treaty.in_force || "never"],
    treaty.ended ? ["Ended", `${treaty.ended.date} (${treaty.ended.how})`] : null,
    treaty.replaces ? ["Replaces", treaty.replaces.map((r) => treatyLink(r))] : null,
    treaty.replaced_by ? ["Replaced by", treatyLink(treaty.replaced_by)] : null,
    treaty.duration ? ["Duration", treaty.duration] : null,
  ].filter(Boolean);
  const partyRows = treaty.parties.map((p) => {
    const bound = treaty.bound[p.state];
    return h("tr", {},
      h("th", { scope: "row" }, `${nameOf(reg, p.state)} (${p.state})`),
      h("td", {}, p.signed || "—"),
      h("td", {}, p.ratified || p.acceded || "—"),
      h("td", {}, bound ? bound.from : "not bound"),
      h("td", {}, bound ? bound.to || "—" : "—"),
      h("td", {}, perParty.get(p.state).filter((st) => st.effect && st.effect !== "bind")
        .map((st) => `${st.date}: ${st.what}`).join("; ") || "—"));
  });
  const articles = (treaty.articles || []).map((a) =>
    h("section", { class: "article", id: `article-${a.number}`, "aria-labelledby": `article-${a.number}-h` },
      h("h3", { id: `article-${a.number}-h` }, `Article ${a.number}`, a.title ? ` — ${a.title}` : ""),
      h("p", {}, a.says),
      a.obligations && a.obligations.length
        ? h("ul", { class: "plain" }, a.obligations.map((o) => obligationText(reg, treaty, o)))
        : null,
      cited(treaty, a.sources)));
  const invocations = treaty.invocations || [];
  replace(
    main,
    h("p", {}, h("a", { href: "#/map" }, "← Map")),
    h("h1", {}, treaty.name),
    h("dl", { class: "facts" }, facts.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
    h("h2", {}, "Parties and their timeline"),
    timeline(reg, treaty, perParty),
    h("table", {},
      h("caption", { class: "visually-hidden" }, "Each party's lifecycle"),
      h("thead", {}, h("tr", {}, ["Party", "Signed", "Ratified / acceded", "Bound from", "Until",
        "Changes"].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, partyRows)),
    h("h2", {}, `Articles (${(treaty.articles || []).length})`),
    articles,
    invocations.length ? h("h2", {}, "Invocations") : null,
    invocations.length ? h("ul", {}, invocations.map((inv) =>
      h("li", {}, `${inv.date}: Article ${inv.article} invoked by ${inv.by.join(", ")} — ${inv.note}`,
        cited(treaty, inv.sources)))) : null,
    treaty.notes ? h("h2", {}, "Notes") : null,
    treaty.notes ? h("ul", {}, treaty.notes.map((n) => h("li", {}, n))) : null,
    treaty.uncertain ? h("h2", {}, "Uncertain") : null,
    treaty.uncertain ? h("ul", {}, treaty.uncertain.map((n) => h("li", {}, n))) : null,
    h("h2", {}, "Sources"),
    sourceList(treaty.sources),
  );
  const article = params.get("article");
  if (article) {
    const el = document.getElementById(`article-${article}`);
    if (el) {
      el.classList.add("flash");
      el.scrollIntoView({ block: "start" });
    }
  }
}
