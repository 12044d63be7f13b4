import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { numberColumn } from "../../src/charts/number-column.js";

describe("numberColumn", () => {
  it("returns a Float64 column's own buffer when it has no nulls", () => {
    const table = arrow.tableFromArrays({ x: Float64Array.of(1, 2, 3) });
    const column = numberColumn(table, "x");
    const own = table.getChild("x")!.data[0]!.values as Float64Array;
    expect(column.buffer).toBe(own.buffer);
    expect(column.byteOffset).toBe(own.byteOffset);
    expect(Array.from(column)).toEqual([1, 2, 3]);
  });

  it("copies other number types, with null as NaN", () => {
    const table = arrow.tableFromJSON([{ x: 1 }, { x: null }, { x: 3 }]);
    expect(Array.from(numberColumn(table, "x"))).toEqual([1, NaN, 3]);
    expect(Array.from(numberColumn(arrow.tableFromArrays({ n: Int32Array.of(4, 5) }), "n"))).toEqual([4, 5]);
  });

  it("reads across record batches", () => {
    const a = arrow.tableFromArrays({ x: Float64Array.of(1, 2) });
    const b = arrow.tableFromArrays({ x: Float64Array.of(3) });
    expect(Array.from(numberColumn(a.concat(b), "x"))).toEqual([1, 2, 3]);
  });
});
