// Helpers of the SMC tests: bars as plain objects, their bar table, integer random walks (ties are
// frequent on purpose), the incremental run of a detector, and the rows of a batch table.
import type * as arrow from "apache-arrow";
import fc from "fast-check";
import { allocateBarColumns, makeBarTable } from "../../src/data/bar-table.js";
import type { SmcBar, SmcDetector, SmcStructure, SmcZoneDetector } from "../../src/smc/smc-structure.js";

export const DAY_MS = 86_400_000;
export const T0 = Date.UTC(2024, 0, 1, 21);

/** Bars from [high, low] or [high, low, open, close] rows (open and close default to the middle), closing daily. */
export function handBars(rows: readonly (readonly number[])[]): SmcBar[] {
  return rows.map(([high, low, open, close], i) => {
    const mid = (high! + low!) / 2;
    return { tsClose: T0 + i * DAY_MS, high: high!, low: low!, open: open ?? mid, close: close ?? mid };
  });
}

/** The bar table of plain bars. */
export function tableOf(bars: readonly SmcBar[]): arrow.Table {
  const c = allocateBarColumns(bars.length);
  bars.forEach((b, i) => {
    c.tsOpen[i] = b.tsClose - 6.5 * 3_600_000;
    c.tsClose[i] = b.tsClose;
    c.open[i] = b.open;
    c.high[i] = b.high;
    c.low[i] = b.low;
    c.close[i] = b.close;
    c.volume[i] = 1000;
  });
  return makeBarTable(c, { symbol: "TEST", timeZone: "America/New_York", interval: "1d" });
}

const step = fc.record({
  gap: fc.integer({ min: -1, max: 1 }),
  move: fc.integer({ min: -4, max: 4 }),
  up: fc.integer({ min: 0, max: 2 }),
  down: fc.integer({ min: 0, max: 2 }),
});

/** Random walks of integer prices from 1000 (open near the last close, wicks of 0-2), up to `maxLength` bars. */
export const randomWalk = (maxLength = 160): fc.Arbitrary<SmcBar[]> =>
  fc.array(step, { maxLength, size: "max" }).map((steps) => walk(steps, 1000, 0));

/** The bars of a list of steps, from `price` on, the first closing `first` days after T0. */
export function walk(steps: readonly { gap: number; move: number; up: number; down: number }[], price: number, first: number): SmcBar[] {
  let close = price;
  return steps.map((s, i) => {
    const open = close + s.gap;
    close = open + s.move;
    return { tsClose: T0 + (first + i) * DAY_MS, open, close, high: Math.max(open, close) + s.up, low: Math.min(open, close) - s.down };
  });
}

/** A random walk and a cut: the same walk up to the cut, with another random continuation after it. */
export const walkWithTwoFutures = fc
  .tuple(fc.array(step, { minLength: 1, maxLength: 120, size: "max" }), fc.array(step, { maxLength: 60, size: "max" }), fc.nat())
  .map(([a, b, c]) => {
    const cut = c % a.length; // last shared row
    const first = walk(a, 1000, 0);
    const shared = first.slice(0, cut + 1);
    const second = [...shared, ...walk(b, shared[cut]!.close, cut + 1)];
    return { cut, first, second };
  });

const isZoneDetector = (d: SmcDetector): d is SmcZoneDetector => "lastMitigated" in d;

/**
 * Runs a detector bar by bar: `perBar[t]` is what update returned at bar t, `all` every structure in
 * report order with the mitigations reported later applied. Checks on the way that each report is
 * about bar t (knownIndex = t, knownAt = its close, index <= t) and each mitigation happens at bar t.
 */
export function runIncremental<S extends SmcStructure>(detector: SmcDetector<S>, bars: readonly SmcBar[]): { perBar: S[][]; all: S[] } {
  const perBar: S[][] = [];
  const all: S[] = [];
  bars.forEach((bar, t) => {
    const found = [...detector.update(bar)];
    for (const s of found) {
      if (s.knownIndex !== t || s.knownAt !== bar.tsClose || !(s.index <= t) || !(s.ts <= bar.tsClose)) {
        throw new Error(`bar ${t} reported ${JSON.stringify(s)}`);
      }
    }
    if (isZoneDetector(detector)) {
      for (const z of detector.lastMitigated()) {
        if (z.mitigatedIndex !== t || z.mitigatedAt !== bar.tsClose || !(z.knownIndex < t)) throw new Error(`bar ${t} mitigated ${JSON.stringify(z)}`);
        const k = all.findIndex((s) => s.kind === z.kind && s.index === z.index && s.knownIndex === z.knownIndex);
        all[k] = z as SmcStructure as S;
      }
    }
    perBar.push(found);
    all.push(...found);
  });
  return { perBar, all };
}

/** The rows of an SMC Arrow table as plain objects. */
export function rowsOf(table: arrow.Table): Record<string, unknown>[] {
  return table.toArray().map((r) => ({ ...r.toJSON() }));
}
