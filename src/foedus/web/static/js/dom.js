// Small DOM helpers: build elements without innerHTML, so data is always text, never markup.

const SVG_NS = "http://www.w3.org/2000/svg";

function apply(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") el.textContent = value;
    else if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** An HTML element: h("a", {href: "#/x"}, "text", child, [more]). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  apply(el, attrs);
  return append(el, children);
}

/** An SVG element. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs);
  return append(el, children);
}

/** Replace the children of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Say something to screen-reader users (polite live region). */
export function announce(text) {
  const region = document.getElementById("announce");
  if (region) region.textContent = text;
}

/** A link to a treaty page (optionally at an article). */
export function treatyLink(id, label, article) {
  const query = article ? `?article=${encodeURIComponent(article)}` : "";
  return h("a", { href: `#/treaty/${encodeURIComponent(id)}${query}` }, label || id);
}

/** Sources as a list of links. */
export function sourceList(sources) {
  if (!sources || !sources.length) return null;
  return h(
    "ul",
    { class: "sources" },
    sources.map((src) =>
      h(
        "li",
        {},
        src.url ? h("a", { href: src.url, rel: "noopener noreferrer" }, src.title) : src.title,
        src.publisher ? ` (${src.publisher})` : "",
        src.supports ? h("span", { class: "muted" }, ` — ${src.supports}`) : "",
      ),
    ),
  );
}
