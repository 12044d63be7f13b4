import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { requireColumns } from "../../src/charts/require-columns.js";

describe("requireColumns", () => {
  const table = arrow.tableFromArrays({ ts: Float64Array.of(1), equity: Float64Array.of(2) });

  it("returns the table when every column is there", () => {
    expect(requireColumns(table, "equity", ["ts", "equity"], "hint")).toBe(table);
  });

  it("throws SchemaError naming the argument, the column and the hint", () => {
    expect(() => requireColumns(table, "equity", ["ts", "cash"], "pass result.equity")).toThrow(
      expect.objectContaining({ name: "SchemaError", code: "MISSING_COLUMN", message: expect.stringContaining('equity: column "cash" is missing; pass result.equity') }),
    );
  });

  it("throws InvalidOptionError for something that is not a table", () => {
    expect(() => requireColumns([] as unknown as arrow.Table, "equity", ["ts"], "pass result.equity")).toThrow(/invalid equity: "object" \(expected an Arrow table\); pass result.equity/);
    expect(() => requireColumns(undefined as unknown as arrow.Table, "equity", ["ts"], "h")).toThrow(/invalid equity: "undefined"/);
  });
});
