import type * as arrow from "apache-arrow";
import { barColumns } from "../data/bar-table.js";
import type { SmcDetector, SmcStructure, SmcZoneDetector } from "./smc-structure.js";

const isZoneDetector = (d: SmcDetector): d is SmcZoneDetector => typeof (d as Partial<SmcZoneDetector>).lastMitigated === "function";

/**
 * Returns every structure a fresh detector reports over the rows of a bar table, in report order;
 * for a zone detector each zone carries the mitigation seen by the last row (mitigatedAt stays null
 * for zones still open). This is the batch form of every detector: it reads the columns without
 * copying and feeds one reused bar object per row, so batch and incremental results are the same.
 * @example collectStructures(table, new SwingDetector()).filter((s) => s.kind === "swing-high")
 */
export function collectStructures<S extends SmcStructure>(table: arrow.Table, detector: SmcDetector<S>): S[] {
  const { tsClose, open, high, low, close } = barColumns(table);
  const bar = { tsClose: 0, open: 0, high: 0, low: 0, close: 0 };
  const out: S[] = [];
  const zones = isZoneDetector(detector) ? detector : undefined;
  const rowOf = new Map<string, number>();
  detector.reset();
  for (let i = 0; i < tsClose.length; i++) {
    bar.tsClose = tsClose[i]!;
    bar.open = open[i]!;
    bar.high = high[i]!;
    bar.low = low[i]!;
    bar.close = close[i]!;
    const found = detector.update(bar);
    if (zones !== undefined) for (const z of zones.lastMitigated()) out[rowOf.get(zoneKey(z))!] = z as SmcStructure as S;
    for (const s of found) {
      if (zones !== undefined) rowOf.set(zoneKey(s), out.length);
      out.push(s);
    }
  }
  return out;
}

/**
 * Returns a zone's identity, its kind and its two rows (a detector reports at most one zone of a kind per pair).
 * @example zoneKey(gap) // "fvg-bullish:41:42"
 */
export const zoneKey = (z: SmcStructure): string => `${z.kind}:${z.index}:${z.knownIndex}`;
