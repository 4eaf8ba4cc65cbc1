// The state registry on the client: names, and who exists on a date (half-open spells).
import { get } from "./api.js";

let registry = null;

function startOf(partial) {
  if (!partial) return "0000-01-01";
  const [y, m, d] = String(partial).split("-");
  return `${y}-${m || "01"}-${d || "01"}`;
}

function endOf(partial) {
  // exclusive end: an exact day is itself the first day outside; a partial date keeps its period
  if (!partial) return "9999-12-31";
  const [y, m, d] = String(partial).split("-").map(Number);
  if (d) return String(partial);
  if (m) {
    const next = m === 12 ? [y + 1, 1] : [y, m + 1];
    return `${String(next[0]).padStart(4, "0")}-${String(next[1]).padStart(2, "0")}-01`;
  }
  return `${String(y + 1).padStart(4, "0")}-01-01`;
}

/** True when the registry entry existed on the ISO day. */
export function existsOn(state, day) {
  return (state.exists || [{}]).some(
    (spell) => startOf(spell.from) <= day && day < endOf(spell.to),
  );
}

/** Load the registry once: {list, byCode, byIso3}. */
export async function loadRegistry() {
  if (!registry) {
    const list = await get("/api/states");
    const byCode = new Map(list.map((s) => [s.code, s]));
    const byIso3 = new Map();
    for (const state of list) {
      if (!state.iso3) continue;
      if (!byIso3.has(state.iso3)) byIso3.set(state.iso3, []);
      byIso3.get(state.iso3).push(state);
    }
    registry = { list, byCode, byIso3 };
  }
  return registry;
}

/** A state's display name from its code. */
export function nameOf(reg, code) {
  const state = reg.byCode.get(code);
  return state ? state.name : code;
}

/** States existing on the day, sorted by name. */
export function statesOn(reg, day) {
  return reg.list.filter((s) => existsOn(s, day)).sort((a, b) => a.name.localeCompare(b.name));
}
