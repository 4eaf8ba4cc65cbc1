// The map view (#/map) and the network view (#/network): alliance blocs on a date, a state's
// commitments with article citations. Both share the date bar and the commitments panel.
import { get } from "./api.js";
import { blocsOn, ABSENT, NO_BLOC } from "./blocs.js";
import { showCommitments } from "./commitments.js";
import { dateBar, today, validDay } from "./datebar.js";
import { announce, h, replace, s } from "./dom.js";
import { drawNetwork } from "./network.js";
import { loadRegistry, nameOf, statesOn } from "./states.js";
import { stateOfShape } from "./territory.js";

function setQuery(view, params) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
  history.replaceState(null, "", `#/${view}?${query}`);
}

function legendList(blocs) {
  return h(
    "ul",
    { class: "legend", "aria-label": "Legend: defence blocs" },
    blocs.legend.map((b) =>
      h("li", { dataset: { bloc: b.id || "other" } },
        h("span", { class: "swatch", style: `background:${b.colour}`, "aria-hidden": "true" }),
        `${b.name} (${b.count})`),
    ),
    h("li", {}, h("span", { class: "swatch", style: `background:${NO_BLOC}`, "aria-hidden": "true" }),
      "No defence treaty"),
    h("li", {}, h("span", { class: "swatch", style: `background:${ABSENT}`, "aria-hidden": "true" }),
      "No state in the registry then"),
  );
}

/** Build the map SVG once; returns {element, paint(day, blocs), select(code)}. */
function buildMap(world, reg, onSelect) {
  const paths = world.countries.map((shape) =>
    s("path", { d: shape.d, tabindex: "-1", dataset: { name: shape.name, iso3: shape.iso3 || "" } }),
  );
  const svg = s("svg", {
    class: "map", viewBox: world.viewBox, role: "group",
    "aria-label": "World map by defence bloc. Use the arrow keys to move between states and " +
      "Enter to show a state's commitments.",
  }, paths);
  let focusable = [];
  let roving = null;

  function focusAt(i) {
    if (!focusable.length) return;
    const next = focusable[(i + focusable.length) % focusable.length];
    if (roving) roving.setAttribute("tabindex", "-1");
    next.setAttribute("tabindex", "0");
    roving = next;
    next.focus();
  }
  svg.addEventListener("keydown", (ev) => {
    const i = focusable.indexOf(document.activeElement);
    if (i < 0) return;
    if (["ArrowRight", "ArrowDown"].includes(ev.key)) focusAt(i + 1);
    else if (["ArrowLeft", "ArrowUp"].includes(ev.key)) focusAt(i - 1);
    else if (ev.key === "Home") focusAt(0);
    else if (ev.key === "End") focusAt(focusable.length - 1);
    else if (ev.key === "Enter" || ev.key === " ") onSelect(document.activeElement.dataset.state);
    else return;
    ev.preventDefault();
  });
  svg.addEventListener("click", (ev) => {
    const code = ev.target.dataset && ev.target.dataset.state;
    if (code) onSelect(code);
  });

  function paint(day, blocs, selected) {
    focusable = [];
    world.countries.forEach((shape, i) => {
      const path = paths[i];
      const { state, standIn } = stateOfShape(reg, shape, day);
      const bloc = state ? blocs.blocOf.get(state.code) : null;
      path.replaceChildren();
      if (!state) {
        path.setAttribute("class", "absent");
        path.setAttribute("fill", ABSENT);
        path.removeAttribute("data-state");
        path.removeAttribute("data-bloc");
        path.removeAttribute("role");
        path.removeAttribute("aria-label");
        path.setAttribute("tabindex", "-1");
        path.append(s("title", { text: `${shape.name}: no state in the registry on ${day}` }));
        return;
      }
      const label = `${state.name}${standIn ? ` (${shape.name})` : ""}: ${
        bloc ? bloc.short_name || bloc.name : "no defence treaty"}`;
      path.setAttribute("class", `state${state.code === selected ? " selected" : ""}`);
      path.setAttribute("fill", bloc ? blocs.colours.get(bloc.id) : NO_BLOC);
      path.dataset.state = state.code;
      path.dataset.bloc = bloc ? bloc.id : "";
      path.setAttribute("role", "button");
      path.setAttribute("aria-label", label);
      path.append(s("title", { text: label }));
      focusable.push(path);
    });
    focusable.sort((a, b) => a.getAttribute("aria-label").localeCompare(b.getAttribute("aria-label")));
    const current = focusable.find((p) => p === roving) || focusable[0];
    for (const p of focusable) p.setAttribute("tabindex", p === current ? "0" : "-1");
    roving = current || null;
  }
  return { element: svg, paint };
}

/** Render the map or network view into main. */
export async function render(main, params, view) {
  const reg = await loadRegistry();
  let day = validDay(params.get("date")) ? params.get("date") : today();
  let selected = params.get("state") || "";
  let kind = params.get("kind") === "all" ? "" : "defense";
  const world = view === "map" ? await get("/static/world.json") : null;

  const panel = h("section", { class: "panel", id: "commitments", "aria-live": "polite",
    "aria-labelledby": "commitments-title" },
  h("h2", { id: "commitments-title" }, "Commitments"),
  h("p", { class: "muted" }, "Choose a state on the map or in the list to see whom it must " +
    "defend and who must defend it, article by article."));
  const picker = h("select", { id: "state-select" });
  const kindPicker = h("select", { id: "kind-select" },
    h("option", { value: "defense" }, "defence only"), h("option", { value: "" }, "all kinds"));
  kindPicker.value = kind;
  const figure = h("div", { class: "mapbox" });
  const legend = h("div", { id: "legend" });
  const status = h("p", { class: "muted", id: "map-status" });
  let token = 0;
  let drawn = null;
  let blocs = null;

  function select(code) {
    selected = code || "";
    picker.value = selected;
    setQuery(view, { date: day, state: selected, kind: kind === "defense" ? "" : "all" });
    if (drawn && blocs) drawn.paint(day, blocs, selected);
    if (selected) {
      showCommitments(panel, reg, selected, day, kind);
      announce(`${nameOf(reg, selected)} selected`);
    }
  }

  async function update(newDay) {
    day = newDay;
    const mine = ++token;
    status.textContent = `Loading ${day}…`;
    try {
      const found = await blocsOn(day);
      if (mine !== token) return;
      blocs = found;
      const options = statesOn(reg, day).map((st) => h("option", { value: st.code }, st.name));
      replace(picker, h("option", { value: "" }, "— choose a state —"), options);
      if (selected && !options.some((o) => o.value === selected)) selected = "";
      picker.value = selected;
      if (view === "map") drawn.paint(day, blocs, selected);
      else drawNetwork(figure, blocs, reg, selected, select);
      replace(legend, legendList(blocs));
      status.textContent = `Defence blocs on ${day}: ${blocs.network.nodes.length} states bound ` +
        `by ${blocs.network.treaties.length} treaties.`;
      document.body.dataset.date = day;
      setQuery(view, { date: day, state: selected, kind: kind === "defense" ? "" : "all" });
      if (selected) showCommitments(panel, reg, selected, day, kind);
    } catch (err) {
      if (mine === token) status.textContent = `Could not load ${day}: ${err.message}`;
    }
  }

  if (view === "map") {
    drawn = buildMap(world, reg, select);
    figure.append(drawn.element);
  }
  picker.addEventListener("change", () => select(picker.value));
  kindPicker.addEventListener("change", () => {
    kind = kindPicker.value;
    select(selected);
  });
  const bar = dateBar(day, update);
  replace(
    main,
    h("h1", {}, view === "map" ? "Alliance blocs on a date" : "Network of defence obligations"),
    bar.element,
    h("div", { class: "controls" },
      h("label", { for: "state-select" }, "State"), picker,
      h("label", { for: "kind-select" }, "Obligations"), kindPicker,
      h("a", { href: view === "map" ? "#/network" : "#/map", id: "other-view" },
        view === "map" ? "Show as a network" : "Show on the map")),
    h("div", { class: "layout" },
      h("div", {}, figure, legend, status),
      panel),
  );
  await update(day);
  return () => bar.stop();
}
