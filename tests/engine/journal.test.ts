import { describe, expect, it } from "vitest";
import { Journal } from "../../src/engine/journal.js";

describe("Journal", () => {
  it("keeps rows in order beyond its initial capacity, and can give the table as it was at a row count", () => {
    const journal = new Journal(16);
    for (let i = 0; i < 40; i++) journal.market(i, i % 2, i >> 1);
    journal.denied({ type: "denied", ts: 40, symbol: "B", direction: "short", code: "SHORTING_DISABLED", message: "no shorts", details: {} }, 1);
    const closes = [new Float64Array(20).map((_, i) => 100 + i), new Float64Array(21).map((_, i) => 200 + i)];
    const table = journal.toTable(["A", "B"], closes);
    expect(table.numRows).toBe(41);
    expect(table.toArray()[39].toJSON()).toMatchObject({ ts: 39, type: "market", symbol: "B", price: 219 });
    expect(table.toArray()[40].toJSON()).toMatchObject({ type: "denied", symbol: "B", direction: "short", code: "SHORTING_DISABLED", reason: "no shorts", orderId: null });
    expect(journal.toTable(["A", "B"], closes, 10).numRows).toBe(10);
  });
});
