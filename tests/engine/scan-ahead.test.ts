import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { barColumns } from "../../src/data/bar-table.js";
import { ScanAhead } from "../../src/engine/scan-ahead.js";
import { SmaCrossStrategy } from "../../src/strategy/sma-cross-strategy.js";
import { viewFreeScan } from "../../src/strategy/view-free-fast-path.js";
import { correlatedBars } from "../../src/synthetic/correlated-bars.js";

describe("ScanAhead", () => {
  it("returns for each bar what calculateSignalsAt returns, symbols interleaved, nothing below a symbol's due row, and leaves the same strategy state", () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 400 }), fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 2, max: 30 }), fc.boolean(), (n, seed, slow, allowShort) => {
        const symbols = ["A", "B", "C"];
        const columns = correlatedBars({ symbols, n, seed }).tables.map((t) => barColumns(t));
        const scanned = new SmaCrossStrategy({ fast: 1, slow, allowShort }), called = new SmaCrossStrategy({ fast: 1, slow, allowShort });
        const ahead = new ScanAhead(scanned, viewFreeScan(scanned)!, columns, symbols);
        const from = Int32Array.from([0, 5, 9]);
        for (let s = 0; s < 3; s++) for (let row = 0; row < from[s]!; row++) {
          scanned.calculateSignalsAt(columns[s]!, row, symbols[s]!, s);
          called.calculateSignalsAt(columns[s]!, row, symbols[s]!, s);
        }
        ahead.start(from, Int32Array.from(columns, (c) => c.close.length));
        let due = 0;
        for (let row = 0; row < n; row++) {
          for (let s = 2; s >= 0; s--) {
            if (row < from[s]!) continue;
            const expected = called.calculateSignalsAt(columns[s]!, row, symbols[s]!, s);
            // below a symbol's due row nothing can signal (the engine then does not ask)
            if (row < ahead.due[s]!) due++;
            if (row < ahead.due[s]!) expect(expected).toBeUndefined();
            expect(ahead.at(s, row)).toEqual(expected);
          }
        }
        for (const symbol of symbols) expect(scanned.inspect(symbol)).toEqual(called.inspect(symbol));
        expect(due).toBeGreaterThan(0); // the due rows were checked
      }),
      { numRuns: 80 },
    );
  });
});
