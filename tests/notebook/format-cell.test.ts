import { describe, expect, it } from "vitest";
import { formatCell } from "../../src/notebook/format-cell.js";

describe("formatCell", () => {
  it.each([
    [null, "null"],
    [undefined, ""],
    [4512.2500001, "4512.25"],
    [12n, "12"],
    [true, "true"],
    [new Date(Date.UTC(2024, 0, 2)), "2024-01-02T00:00:00.000Z"],
    [[1, 2], "[1,2]"],
    [Float64Array.from([1.5]), "[1.5]"],
    [{ a: 1n }, '{"a":"1"}'],
  ])("writes %s as %s", (value, text) => {
    expect(formatCell(value)).toBe(text);
  });

  it("writes epoch ms as ISO UTC strings in time columns", () => {
    expect(formatCell(1704229200000, { time: true })).toBe("2024-01-02T21:00:00.000Z");
    expect(formatCell(1704229200000n, { time: true })).toBe("2024-01-02T21:00:00.000Z");
    expect(formatCell(Number.NaN, { time: true })).toBe("NaN");
  });

  it("cuts long nested values", () => {
    const text = formatCell(Array.from({ length: 100 }, (_, i) => i), { maxLength: 10 });
    expect(text).toBe("[0,1,2,3,…");
  });
});
