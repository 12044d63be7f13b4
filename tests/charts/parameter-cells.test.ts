import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { parameterCells } from "../../src/charts/parameter-cells.js";

/** Six runs over allowShort x gate, two per gate value with allowShort false, one with true; SPX and QQQ. */
const table = new arrow.Table({
  symbol: arrow.vectorFromArray(["SPX", "QQQ", "SPX", "QQQ", "SPX", "QQQ"], new arrow.Utf8()),
  allowShort: arrow.vectorFromArray([true, true, false, false, false, false], new arrow.Bool()),
  gate: arrow.vectorFromArray(["up", "up", "none", "none", "up", "up"], new arrow.Utf8()),
  sharpe: arrow.vectorFromArray([1, 3, null, null, 0.5, null], new arrow.Float64()),
});

describe("parameterCells", () => {
  it("orders booleans false first and choices in the parameter's order, and aggregates defined values per cell", () => {
    const grid = parameterCells(table, { x: "gate", y: "allowShort", fill: "sharpe", aggregate: "mean" });
    expect(grid.xDomain).toEqual(["none", "up"]);
    expect(grid.yDomain).toEqual(["false", "true"]);
    expect(grid.cells).toEqual([
      { x: "none", y: "false", value: null, runs: 2, defined: 0 },
      { x: "up", y: "false", value: 0.5, runs: 2, defined: 1 },
      { x: "up", y: "true", value: 2, runs: 2, defined: 2 },
    ]);
    expect(grid).toMatchObject({ symbols: ["SPX", "QQQ"], runs: 6, undefinedRuns: 3 });
  });

  it("keeps one symbol's runs when asked", () => {
    const grid = parameterCells(table, { x: "gate", y: "allowShort", fill: "sharpe", aggregate: "max", symbol: "QQQ" });
    expect(grid.cells.map((c) => c.value)).toEqual([null, null, 3]);
    expect(grid).toMatchObject({ symbols: ["QQQ"], runs: 3, undefinedRuns: 2 });
  });

  it("names a missing column and lists the table's columns", () => {
    expect(() => parameterCells(table, { x: "gate", y: "slow", fill: "sharpe", aggregate: "mean" }))
      .toThrow('invalid y: "slow" (expected a column of the table, one of: symbol, allowShort, gate, sharpe); pass the table of a sweep result (result.table)');
  });
});
