// The router: #/map, #/network, #/treaty/<id>, #/scenario?… — each view renders into <main>.
import { h, replace } from "./dom.js";
import * as mapView from "./map.js";
import * as scenarioView from "./scenario.js";
import * as treatyView from "./treaty.js";

let cleanup = null;

function parse() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query] = hash.split("?");
  const parts = path.split("/").filter(Boolean);
  return { view: parts[0] || "map", arg: parts.slice(1).join("/"), params: new URLSearchParams(query || "") };
}

async function route() {
  if (location.hash === "#main") return;
  if (cleanup) cleanup();
  cleanup = null;
  const { view, arg, params } = parse();
  const main = document.getElementById("main");
  for (const link of document.querySelectorAll("header nav a")) {
    if (link.dataset.view === view) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  try {
    if (view === "map" || view === "network") {
      document.title = "foedus — alliance blocs";
      cleanup = await mapView.render(main, params, view);
    } else if (view === "treaty") {
      document.title = `foedus — ${arg}`;
      await treatyView.render(main, params, decodeURIComponent(arg));
    } else if (view === "scenario") {
      document.title = "foedus — scenario builder";
      cleanup = await scenarioView.render(main, params);
    } else {
      replace(main, h("h1", {}, "Not found"), h("p", {}, h("a", { href: "#/map" }, "Go to the map")));
    }
  } catch (err) {
    replace(main, h("p", { class: "error", role: "alert" }, `Something went wrong: ${err.message}`));
  }
  document.body.dataset.ready = view;
}

window.addEventListener("hashchange", route);
document.getElementById("skip-link").addEventListener("click", (ev) => {
  ev.preventDefault();
  document.getElementById("main").focus();
});
route();
