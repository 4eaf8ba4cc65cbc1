// The date controls: a date field, a slider from 1815-01-01 to today, and a play button.
import { h } from "./dom.js";

export const FIRST = "1815-01-01";
const DAY = 86400000;

export function today() {
  return new Date().toISOString().slice(0, 10);
}

function toIndex(day) {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${FIRST}T00:00:00Z`)) / DAY);
}

function fromIndex(index) {
  return new Date(Date.parse(`${FIRST}T00:00:00Z`) + index * DAY).toISOString().slice(0, 10);
}

function addYear(day) {
  const [y, m, d] = day.split("-");
  return `${String(Number(y) + 1).padStart(4, "0")}-${m}-${d === "29" && m === "02" ? "28" : d}`;
}

export function validDay(day) {
  return /^\d{4}-\d{2}-\d{2}$/.test(day || "") && !Number.isNaN(Date.parse(day))
    && day >= FIRST && day <= today();
}

/**
 * Build the controls; onChange(day) is called (debounced while sliding) with an ISO day.
 * Returns {element, set(day), stop()}.
 */
export function dateBar(initial, onChange) {
  const last = today();
  let timer = null;
  let playing = null;
  const input = h("input", {
    type: "date", id: "date-input", min: FIRST, max: last, value: initial, required: true,
  });
  const slider = h("input", {
    type: "range", id: "date-slider", min: 0, max: toIndex(last), step: 1,
    value: toIndex(initial), "aria-label": "Date (1815 to today)",
    "aria-valuetext": initial,
  });
  const play = h("button", { type: "button", id: "play", "aria-pressed": "false" }, "▶ Play");

  function set(day, notify = true) {
    input.value = day;
    slider.value = String(toIndex(day));
    slider.setAttribute("aria-valuetext", day);
    if (notify) onChange(day);
  }
  input.addEventListener("change", () => {
    if (validDay(input.value)) set(input.value);
  });
  slider.addEventListener("input", () => {
    const day = fromIndex(Number(slider.value));
    input.value = day;
    slider.setAttribute("aria-valuetext", day);
    clearTimeout(timer);
    timer = setTimeout(() => onChange(day), 120);
  });
  function stop() {
    if (playing) clearInterval(playing);
    playing = null;
    play.setAttribute("aria-pressed", "false");
    play.textContent = "▶ Play";
  }
  play.addEventListener("click", () => {
    if (playing) return stop();
    let day = input.value >= last ? FIRST : input.value;
    play.setAttribute("aria-pressed", "true");
    play.textContent = "⏸ Pause";
    set(day);
    playing = setInterval(() => {
      day = addYear(day);
      if (day > last) {
        set(last);
        return stop();
      }
      set(day);
    }, 450);
  });
  const element = h(
    "div",
    { class: "controls", role: "group", "aria-label": "Date" },
    h("label", { for: "date-input" }, "Date"),
    input,
    h("div", { class: "slider" }, h("span", { "aria-hidden": "true" }, "1815"), slider,
      h("span", { "aria-hidden": "true" }, "today")),
    play,
  );
  return { element, set, stop };
}
