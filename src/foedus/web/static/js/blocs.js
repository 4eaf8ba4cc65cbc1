// Alliance blocs on a date: each state gets the defence treaty that protects the most states
// among those that protect it (a guarantee such as the 1839 Treaty of London makes Belgium,
// not its guarantors, part of its bloc).
import { get } from "./api.js";

// The Cold War blocs and their heirs keep fixed colours; every other treaty takes a colour of
// the palette (chosen by its id, so it keeps it across dates when free), distinct within a date.
const KNOWN = {
  "north-atlantic-treaty": "#2563eb",
  "warsaw-pact-1955": "#dc2626",
  "collective-security-treaty-1992": "#c2410c",
  "rio-treaty-1947": "#15803d",
};
const PALETTE = [
  "#eab308", "#9333ea", "#06b6d4", "#db2777", "#a3e635", "#92400e", "#0f766e", "#fdba74",
  "#1f2937", "#c4b5fd",
];
export const NO_BLOC = "#d5d9df";
export const OTHER = "#6b7280";
const MAX_COLOURS = 10;
export const ABSENT = "#f7f7f7";

function colourFor(id, used) {
  if (KNOWN[id]) return KNOWN[id];
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  for (let i = 0; i < PALETTE.length; i += 1) {
    const colour = PALETTE[(hash + i) % PALETTE.length];
    if (!used.has(colour)) return colour;
  }
  return OTHER;
}

/**
 * The blocs of a date: {network, blocOf: Map(code → treaty), colours: Map(treaty → colour),
 * legend: [{id, name, colour, count}]}.
 */
export async function blocsOn(day) {
  const network = await get("/api/network", { on: day, kind: "defense" });
  const blocOf = new Map();
  const colours = new Map();
  const used = new Set();
  const legend = [];
  let other = 0;
  for (const treaty of network.treaties) {
    let count = 0;
    for (const code of treaty.protected) {
      if (!blocOf.has(code)) {
        blocOf.set(code, treaty);
        count += 1;
      }
    }
    if (count === 0) {
      colours.set(treaty.id, OTHER);
      continue;
    }
    if (legend.length >= MAX_COLOURS) {
      colours.set(treaty.id, OTHER);
      other += count;
      continue;
    }
    const colour = colourFor(treaty.id, used);
    used.add(colour);
    colours.set(treaty.id, colour);
    legend.push({ id: treaty.id, name: treaty.short_name || treaty.name, colour, count });
  }
  if (other) legend.push({ id: null, name: "Other defence treaties", colour: OTHER, count: other });
  return { network, blocOf, colours, legend };
}
