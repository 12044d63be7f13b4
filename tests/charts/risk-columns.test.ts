import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { SchemaError } from "../../src/core/errors.js";
import { riskColumns } from "../../src/charts/risk-columns.js";

describe("riskColumns", () => {
  it("returns the named columns as Float64Arrays, null as NaN", () => {
    const table = arrow.tableFromArrays({ ts: Float64Array.of(1, 2), heat: [0.01, null] });
    const { ts, heat } = riskColumns(table, "riskTable", ["ts", "heat"]);
    expect([...ts]).toEqual([1, 2]);
    expect(heat[1]).toBeNaN();
  });

  it("throws a SchemaError naming the argument and the missing column", () => {
    const table = arrow.tableFromArrays({ ts: Float64Array.of(1) });
    expect(() => riskColumns(table, "riskTable", ["ts", "heat"])).toThrow(SchemaError);
    expect(() => riskColumns(table, "riskTable", ["ts", "heat"])).toThrow(/riskTable: column "heat" is missing; pass riskManager\.riskTable\(\)/);
  });

  it("rejects times that are not finite or go backwards", () => {
    expect(() => riskColumns(arrow.tableFromArrays({ ts: Float64Array.of(1, Infinity) }), "riskTable", ["ts"])).toThrow(/invalid riskTable\.ts\[1\]: Infinity/);
    expect(() => riskColumns(arrow.tableFromArrays({ ts: Float64Array.of(5, 4) }), "riskTable", ["ts"])).toThrow(/invalid riskTable\.ts\[1\]: 4/);
  });
});
