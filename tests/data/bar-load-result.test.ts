import { describe, expect, it } from "vitest";
import { allocateBarColumns, barColumns } from "../../src/data/bar-table.js";
import { barLoadResult } from "../../src/data/bar-load-result.js";

const INFO = { symbol: "X", timeZone: "UTC", interval: "1m" };

function columns(n: number) {
  const c = allocateBarColumns(n);
  for (let i = 0; i < n; i++) {
    c.tsOpen[i] = i * 60_000;
    c.tsClose[i] = (i + 1) * 60_000;
    c.open[i] = c.high[i] = c.low[i] = c.close[i] = 10;
  }
  return c;
}

describe("barLoadResult", () => {
  it("returns the table over the given columns and no repairs when every rule holds", () => {
    const c = columns(3);
    const { table, repairs } = barLoadResult(c, INFO, { source: "s" });
    expect([table.numRows, repairs]).toEqual([3, []]);
    expect(barColumns(table).tsClose).toEqual(c.tsClose);
  });

  it("reports a reader's issue in place of the NaN it left, once, and maps lines", () => {
    const c = columns(3);
    c.open[1] = NaN;
    const issue = { code: "NOT_A_NUMBER" as const, source: "s", row: 2, line: 9, column: "Open", value: "n/a", message: "s line 9 (row 2), column \"Open\": \"n/a\" is not a number" };
    expect(() => barLoadResult(c, INFO, { source: "s", issues: [issue], lineOf: (i) => 8 + i })).toThrow(
      expect.objectContaining({ issues: [issue], message: expect.stringMatching(/1 issue\(s\)\n {2}- s line 9 \(row 2\), column "Open": "n\/a" is not a number\nhint: .*\{ dropInvalid: true \}/) }),
    );
  });

  it("rejects zero bars with EMPTY_DATA", () => {
    expect(() => barLoadResult(columns(0), INFO, { source: "s" })).toThrow(expect.objectContaining({ code: "EMPTY_DATA", message: expect.stringMatching(/s: no bars/) }));
  });
});
