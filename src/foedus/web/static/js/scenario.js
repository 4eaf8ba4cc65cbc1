// The scenario builder (#/scenario?...): pick attacker, target, date and extra events, run the
// scenario on the server, watch the cascade step by step, and see Monte Carlo results.
// The whole scenario lives in the URL, so it can be shared.
import { get, post } from "./api.js";
import { joinChart, sizeHistogram } from "./charts.js";
import { announce, h, replace, treatyLink } from "./dom.js";
import { validDay } from "./datebar.js";
import { loadRegistry, nameOf, statesOn } from "./states.js";

const MAX_RUNS = 200000;

/** URL params → scenario form state. */
function fromParams(params) {
  const events = (params.get("events") || "").split(",").filter(Boolean).map((text) => {
    const [type, a, b, date] = text.split(".");
    return { type: type === "intervene" ? "intervene" : "attack", a: a || "", b: b || "", date: date || "" };
  });
  const edits = (params.get("edits") || "").split(",").filter(Boolean).map((text) => {
    const [type, x, y] = text.split(".");
    return type === "end" ? { type, treaty: x, date: y || "" } : { type: "without", state: x, treaty: y };
  });
  return {
    date: validDay(params.get("date")) ? params.get("date") : "2025-06-01",
    events: events.length ? events : [{ type: "attack", a: "PRK", b: "KOR", date: "" }],
    edits,
    discretionary: params.get("discretionary") === "1",
    runs: Math.min(MAX_RUNS, Math.max(0, Number(params.get("runs")) || 0)),
    seed: Math.max(0, Number(params.get("seed")) || 0),
    name: params.get("name") || "",
  };
}

function toQuery(form) {
  const q = new URLSearchParams();
  if (form.name) q.set("name", form.name);
  q.set("date", form.date);
  q.set("events", form.events.map((e) => [e.type, e.a, e.b, e.date].filter(Boolean).join(".")).join(","));
  if (form.edits.length) {
    q.set("edits", form.edits.map((e) => (e.type === "end"
      ? ["end", e.treaty, e.date] : ["without", e.state, e.treaty]).filter(Boolean).join(".")).join(","));
  }
  if (form.discretionary) q.set("discretionary", "1");
  if (form.runs) q.set("runs", String(form.runs));
  if (form.seed) q.set("seed", String(form.seed));
  return q.toString();
}

function toBody(form) {
  return {
    name: form.name || "Scenario from the web UI",
    date: form.date,
    discretionary: form.discretionary,
    events: form.events.map((e) => (e.type === "intervene"
      ? { type: "intervene", state: e.a, side: e.b, ...(e.date ? { date: e.date } : {}) }
      : { type: "attack", by: e.a, on: e.b, ...(e.date ? { date: e.date } : {}) })),
    edits: form.edits.map((e) => (e.type === "end"
      ? { type: "end", treaty: e.treaty, ...(e.date ? { date: e.date } : {}) }
      : { type: "without", state: e.state, treaty: e.treaty })),
  };
}

function presetToForm(p) {
  return {
    name: p.name,
    date: p.date || (p.events[0] && p.events[0].date) || "2025-06-01",
    discretionary: !!p.discretionary,
    events: p.events.map((e) => (e.type === "intervene"
      ? { type: "intervene", a: e.state, b: e.side, date: e.date || "" }
      : { type: "attack", a: e.by, b: e.on, date: e.date || "" })),
    edits: (p.edits || []).filter((e) => e.type !== "add").map((e) => (e.type === "end"
      ? { type: "end", treaty: e.treaty, date: e.date || "" }
      : { type: "without", state: e.state, treaty: e.treaty })),
    runs: 0,
    seed: 0,
  };
}

function reasonText(reg, r) {
  if (!r.treaty) {
    if (r.kind === "attack") return `attacks ${nameOf(reg, r.protected)}`;
    if (r.kind === "attacked") return `attacked by ${r.attacker.map((c) => nameOf(reg, c)).join(", ")}`;
    return `intervenes on the side of ${nameOf(reg, r.protected)}`;
  }
  return h("span", {}, treatyLink(r.treaty, r.treaty, r.article), ` Article ${r.article}: `,
    `${r.kind} of ${nameOf(reg, r.protected)} against ${r.attacker.map((c) => nameOf(reg, c)).join(", ")} `,
    h("span", { class: `badge ${r.automatic ? "auto" : "disc"}` }, r.automatic ? "automatic" : "discretionary"));
}

function entryItem(reg, e) {
  return h("li", { class: `side${e.side}`, dataset: { step: e.step, state: e.state } },
    h("strong", {}, `Step ${e.step}: ${e.name} (${e.state}) `),
    h("span", { class: `badge side${e.side}` }, e.side === 0 ? "side 0 (started the war)" : "side 1"),
    h("ul", { class: "plain reason" }, e.because.map((r) => h("li", {}, "because ", reasonText(reg, r)))));
}

function stepper(list, maxStep) {
  let current = 0;
  let timer = null;
  const label = h("span", { id: "step-label", "aria-live": "polite" });
  const prev = h("button", { type: "button", id: "step-prev" }, "◀ Previous step");
  const next = h("button", { type: "button", id: "step-next" }, "Next step ▶");
  const play = h("button", { type: "button", id: "step-play", "aria-pressed": "false" }, "▶ Play");
  const all = h("button", { type: "button", id: "step-all" }, "Show all steps");
  function show(k) {
    current = Math.max(0, Math.min(maxStep, k));
    for (const li of list.children) {
      const st = Number(li.dataset.step);
      li.classList.toggle("future", st > current);
      li.classList.toggle("current", st === current);
    }
    label.textContent = `Step ${current} of ${maxStep}`;
    prev.disabled = current === 0;
    next.disabled = current === maxStep;
  }
  function stop() {
    clearInterval(timer);
    timer = null;
    play.setAttribute("aria-pressed", "false");
    play.textContent = "▶ Play";
  }
  function start() {
    play.setAttribute("aria-pressed", "true");
    play.textContent = "⏸ Pause";
    if (current >= maxStep) show(0);
    timer = setInterval(() => (current >= maxStep ? stop() : show(current + 1)), 800);
  }
  prev.addEventListener("click", () => { stop(); show(current - 1); });
  next.addEventListener("click", () => { stop(); show(current + 1); });
  play.addEventListener("click", () => (timer ? stop() : start()));
  all.addEventListener("click", () => { stop(); show(maxStep); });
  show(0);
  if (maxStep > 0) start();
  return { element: h("div", { class: "steps", role: "group", "aria-label": "Cascade steps" }, prev, label, next, play, all), stop };
}

function results(reg, record) {
  const entries = h("ol", { class: "entries", id: "entries", "aria-label": "Entries into the war, in order" },
    record.entries.map((e) => entryItem(reg, e)));
  const maxStep = Math.max(0, ...record.entries.map((e) => e.step));
  const steps = stepper(entries, maxStep);
  const sides = record.sides.map((side, i) => h("div", {},
    h("h3", {}, i === 0 ? "Side 0 (started the war)" : "Side 1"),
    h("p", {}, side.map((c) => nameOf(reg, c)).join(", ") || "—")));
  const table = (title, rows, cols) => (rows.length ? h("details", {}, h("summary", {}, `${title} (${rows.length})`),
    h("table", {}, h("thead", {}, h("tr", {}, cols.map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, rows))) : null);
  return {
    stop: steps.stop,
    element: h("section", { id: "results", "aria-labelledby": "results-h" },
      h("h2", { id: "results-h" }, `${record.scenario} — ${record.date}`),
      h("div", { class: "twocol" }, sides),
      h("h3", {}, "The cascade, step by step"),
      steps.element,
      entries,
      record.expected.length ? h("h3", {}, "Expected (discretionary, did not fire)") : null,
      record.expected.length ? h("ol", { class: "entries" }, record.expected.map((e) => entryItem(reg, e))) : null,
      table("Obligations not triggered", record.not_triggered.map((n) => h("tr", {},
        h("td", {}, nameOf(reg, n.state)), h("td", {}, treatyLink(n.treaty, `${n.treaty} Art. ${n.article}`, n.article)),
        h("td", {}, nameOf(reg, n.protected)), h("td", {}, n.reason))), ["State", "Obligation", "For", "Why not"]),
      table("Torn (obliged towards the other side)", record.torn.map((t) => h("tr", {},
        h("td", {}, nameOf(reg, t.state)), h("td", {}, String(t.side)),
        h("td", {}, treatyLink(t.treaty, `${t.treaty} Art. ${t.article}`, t.article)), h("td", {}, nameOf(reg, t.protected)))),
      ["State", "Side", "Obligation", "For"]),
      record.p_join ? h("h2", {}, "Monte Carlo") : null,
      record.p_join ? h("div", { class: "twocol" }, joinChart(reg, record, nameOf), sizeHistogram(record)) : null),
  };
}

function stateSelect(id, states, value, label) {
  const sel = h("select", { id, "aria-label": label },
    states.map((st) => h("option", { value: st.code }, `${st.name} (${st.code})`)));
  sel.value = value;
  return sel;
}

export async function render(main, params) {
  const reg = await loadRegistry();
  const presets = await get("/api/scenarios").catch(() => []);
  let form = fromParams(params);
  const out = h("div", { id: "scenario-output" });
  let running = null;

  function draw() {
    const states = statesOn(reg, form.date);
    const date = h("input", { type: "date", id: "sc-date", value: form.date, required: true });
    const attacker = stateSelect("sc-attacker", states, form.events[0].a, "Attacker");
    const target = stateSelect("sc-target", states, form.events[0].b, "Target");
    const disc = h("input", { type: "checkbox", id: "sc-discretionary", checked: form.discretionary });
    const runs = h("input", { type: "number", id: "sc-runs", min: 0, max: MAX_RUNS, step: 1000, value: form.runs });
    const seed = h("input", { type: "number", id: "sc-seed", min: 0, step: 1, value: form.seed });
    const preset = h("select", { id: "sc-preset" }, h("option", { value: "" }, "— your own —"),
      presets.map((p) => h("option", { value: p.id }, p.name)));
    const extra = form.events.slice(1).map((e, i) => {
      const type = h("select", { "aria-label": `Event ${i + 2} type` },
        h("option", { value: "attack" }, "attacks"), h("option", { value: "intervene" }, "intervenes for"));
      type.value = e.type;
      const a = stateSelect(`sc-ev${i + 1}-a`, states, e.a, `Event ${i + 2}: first state`);
      const b = stateSelect(`sc-ev${i + 1}-b`, states, e.b, `Event ${i + 2}: second state`);
      const d = h("input", { type: "date", value: e.date, "aria-label": `Event ${i + 2} date (optional)` });
      const remove = h("button", { type: "button", "aria-label": `Remove event ${i + 2}` }, "Remove");
      const sync = () => Object.assign(form.events[i + 1], { type: type.value, a: a.value, b: b.value, date: d.value });
      for (const el of [type, a, b, d]) el.addEventListener("change", sync);
      remove.addEventListener("click", () => { form.events.splice(i + 1, 1); draw(); });
      return h("div", { class: "event-row" }, h("span", {}, `Event ${i + 2}:`), a, type, b, d, remove);
    });
    const add = h("button", { type: "button", id: "sc-add-event" }, "Add an event");
    add.addEventListener("click", () => {
      form.events.push({ type: "intervene", a: states[0].code, b: form.events[0].b, date: "" });
      draw();
    });
    const edits = form.edits.length
      ? h("p", { class: "muted wide" }, "Edits to the world: ",
        form.edits.map((e) => (e.type === "end" ? `${e.treaty} ends ${e.date || "on the date"}` : `${e.state} not in ${e.treaty}`)).join("; "))
      : null;
    const run = h("button", { type: "submit", class: "primary", id: "sc-run" }, "Run the scenario");
    const el = h("form", { class: "scenario", id: "scenario-form", "aria-label": "Scenario" },
      h("div", { class: "field" }, h("label", { for: "sc-preset" }, "Example"), preset),
      h("div", { class: "field" }, h("label", { for: "sc-attacker" }, "Attacker"), attacker),
      h("div", { class: "field" }, h("label", { for: "sc-target" }, "Target"), target),
      h("div", { class: "field" }, h("label", { for: "sc-date" }, "Date"), date),
      h("div", { class: "field" }, h("label", { for: "sc-runs" }, "Monte Carlo runs (0: none)"), runs),
      h("div", { class: "field" }, h("label", { for: "sc-seed" }, "Seed"), seed),
      h("div", { class: "field wide" }, h("span", {}, disc, " ",
        h("label", { for: "sc-discretionary" }, "Let discretionary obligations fire (“such action as it deems necessary”)"))),
      h("fieldset", { class: "wide" }, h("legend", {}, "Extra events (optional)"), extra, add),
      edits,
      h("div", { class: "wide" }, run));
    date.addEventListener("change", () => { if (validDay(date.value)) { form.date = date.value; draw(); } });
    attacker.addEventListener("change", () => { form.events[0].a = attacker.value; });
    target.addEventListener("change", () => { form.events[0].b = target.value; });
    disc.addEventListener("change", () => { form.discretionary = disc.checked; });
    runs.addEventListener("change", () => { form.runs = Math.min(MAX_RUNS, Math.max(0, Number(runs.value) || 0)); });
    seed.addEventListener("change", () => { form.seed = Math.max(0, Number(seed.value) || 0); });
    preset.addEventListener("change", () => {
      const p = presets.find((x) => x.id === preset.value);
      if (p) { form = presetToForm(p); draw(); }
    });
    el.addEventListener("submit", (ev) => { ev.preventDefault(); go(); });
    replace(main, h("h1", {}, "Scenario builder: who joins the war, and why"),
      h("p", { class: "muted" }, "The first attacker's side is side 0, the side that started the war. " +
        "Share the scenario by copying the address bar."), el, out);
  }

  async function go() {
    history.replaceState(null, "", `#/scenario?${toQuery(form)}`);
    if (running) running.stop();
    replace(out, h("p", { class: "muted" }, "Running…"));
    try {
      const record = await post("/api/scenarios/run", form.runs ? { runs: form.runs, seed: form.seed } : {}, toBody(form));
      running = results(reg, record);
      replace(out, running.element);
      announce(`Scenario run: ${record.entries.length} belligerents`);
    } catch (err) {
      replace(out, h("div", { class: "error", role: "alert" }, h("p", {}, err.message),
        err.body && err.body.problems ? h("ul", {}, err.body.problems.map((p) => h("li", {}, `${p.field}: ${p.message}${p.fix ? ` — ${p.fix}` : ""}`))) : null));
    }
  }

  draw();
  if (params.get("events")) await go();
  return () => running && running.stop();
}
