import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { BAR_FIELDS } from "../../src/core/types.js";
import { barColumns, barInfo, makeBarTable } from "../../src/data/bar-table.js";
import { readBarsArrow } from "../../src/data/read-bars-arrow.js";
import { writeBarsArrow } from "../../src/data/write-bars-arrow.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";

describe("writeBarsArrow", () => {
  it("round-trips through readBarsArrow bit for bit, metadata included", () => {
    const table = randomWalkBars(300, "RW");
    const back = readBarsArrow(writeBarsArrow(table), { source: "rw.arrow" });
    expect(back.repairs).toEqual([]);
    expect(barInfo(back.table)).toEqual(barInfo(table));
    const a = barColumns(table), b = barColumns(back.table);
    for (const f of BAR_FIELDS) expect(new Uint8Array(b[f].buffer, b[f].byteOffset, b[f].byteLength)).toEqual(new Uint8Array(a[f].buffer, a[f].byteOffset, a[f].byteLength));
  });

  it("writes the IPC file format, the same bytes for the same table", () => {
    const bytes = writeBarsArrow(randomWalkBars(10));
    expect(new TextDecoder().decode(bytes.subarray(0, 6))).toBe("ARROW1");
    expect(writeBarsArrow(randomWalkBars(10))).toEqual(bytes);
  });

  it("keeps values that only survive an exact round trip (-0, subnormals, 17 significant digits)", () => {
    const c = barColumns(randomWalkBars(3));
    const copy = Object.fromEntries(BAR_FIELDS.map((f) => [f, new Float64Array(c[f])])) as unknown as typeof c;
    copy.volume.set([-0, 5e-324, 0.1 + 0.2]);
    const table = makeBarTable(copy, { symbol: "Z", timeZone: "UTC", interval: "1d" });
    expect([...barColumns(readBarsArrow(writeBarsArrow(table)).table).volume]).toEqual([-0, 5e-324, 0.1 + 0.2]);
  });

  it("refuses a table without bar metadata", () => {
    const plain = new arrow.Table({ tsClose: arrow.vectorFromArray([1], new arrow.Float64()) });
    expect(() => writeBarsArrow(plain)).toThrow(/schema metadata lacks regime-lab\.symbol/);
  });
});
