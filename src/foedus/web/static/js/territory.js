// Which registry state a shape of today's map stands for on a date.
//
// The map draws today's borders for every date. A shape is the state with its ISO code that
// existed that day; where none did, an approximate predecessor from this table stands in
// (the Soviet Union for its successor republics, Austria-Hungary for its lands before 1918 …),
// and a territory with a shape of its own stands for its state (Greenland for Denmark …).
// Entries: [state code, from (inclusive) or null, to (exclusive) or null], first match wins.
import { existsOn } from "./states.js";

const SOVIET = [["RUS", null, null]];
const OTTOMAN = [["TUR", null, "1918-10-30"]];
export const PREDECESSORS = {
  UKR: SOVIET, BLR: SOVIET, MDA: SOVIET, GEO: SOVIET, ARM: SOVIET, AZE: SOVIET,
  KAZ: SOVIET, UZB: SOVIET, TKM: SOVIET, KGZ: SOVIET, TJK: SOVIET,
  EST: SOVIET, LVA: SOVIET, LTU: SOVIET, FIN: SOVIET, POL: SOVIET,
  CZE: [["AUH", null, "1918-11-12"], ["CSK", null, null]],
  SVK: [["AUH", null, "1918-11-12"], ["CSK", null, null]],
  AUT: [["AUH", null, null], ["DEU", "1938-03-13", "1945-04-27"]],
  HUN: [["AUH", null, null]],
  SVN: [["AUH", null, "1918-11-12"], ["SRB", "1918-12-01", null]],
  HRV: [["AUH", null, "1918-11-12"], ["SRB", "1918-12-01", null]],
  BIH: [["TUR", null, "1878-07-13"], ["AUH", null, "1918-11-12"], ["SRB", "1918-12-01", null]],
  MNE: [["SRB", "1918-12-01", null]],
  MKD: [["TUR", null, "1913-08-10"], ["SRB", "1913-08-10", null]],
  KOS: [["TUR", null, "1913-08-10"], ["SRB", "1913-08-10", null]],
  SYR: OTTOMAN, IRQ: OTTOMAN, LBN: OTTOMAN, JOR: OTTOMAN, ISR: OTTOMAN, PSE: OTTOMAN,
  PRK: [["COR", null, null], ["JPN", "1910-08-29", "1945-09-02"]],
  KOR: [["COR", null, null], ["JPN", "1910-08-29", "1945-09-02"]],
  TWN: [["JPN", "1895-04-17", "1945-10-25"]],
  BGD: [["PAK", "1947-08-14", null]],
  ERI: [["ETH", "1952-09-15", null]],
  SSD: [["SDN", "1956-01-01", null]],
  IRL: [["GBR", null, null]],
  NOR: [["SWE", null, null]],
  ISL: [["DNK", null, null]],
  SGP: [["MYS", "1963-09-16", null]],
  // territories drawn as shapes of their own
  GRL: [["DNK", null, null]], PRI: [["USA", "1898-12-10", null]], FLK: [["GBR", null, null]],
  NCL: [["FRA", null, null]], ATF: [["FRA", null, null]],
};

/** The registry state (or null) that shape stands for on the ISO day. */
export function stateOfShape(reg, shape, day) {
  const candidates = [
    ...(shape.iso3 ? reg.byIso3.get(shape.iso3) || [] : []),
    ...(shape.code && reg.byCode.get(shape.code) ? [reg.byCode.get(shape.code)] : []),
  ];
  const direct = candidates.find((s) => existsOn(s, day));
  if (direct) return { state: direct, standIn: false };
  for (const [code, from, to] of PREDECESSORS[shape.code || shape.iso3] || []) {
    const state = reg.byCode.get(code);
    if (state && (!from || from <= day) && (!to || day < to) && existsOn(state, day)) {
      return { state, standIn: true };
    }
  }
  return { state: null, standIn: false };
}
