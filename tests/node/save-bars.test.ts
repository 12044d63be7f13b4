import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BAR_FIELDS } from "../../src/core/types.js";
import { barColumns, barInfo } from "../../src/data/bar-table.js";
import { writeBarsArrow } from "../../src/data/write-bars-arrow.js";
import { loadBars } from "../../src/node/load-bars.js";
import { saveBarsArrow } from "../../src/node/save-bars.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";

const dir = mkdtempSync(join(tmpdir(), "regime-lab-save-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("saveBarsArrow", () => {
  it("writes a file that loadBars reads back equal, creating missing folders", () => {
    const table = randomWalkBars(50, "RW");
    const path = join(dir, "nested", "rw.feather");
    saveBarsArrow(path, table);
    const back = loadBars(path).table;
    expect(barInfo(back)).toEqual(barInfo(table));
    for (const f of BAR_FIELDS) expect(barColumns(back)[f]).toEqual(barColumns(table)[f]);
  });

  it("writes exactly the bytes of writeBarsArrow and leaves no temporary file", () => {
    const table = randomWalkBars(5);
    const path = join(dir, "five.arrow");
    saveBarsArrow(path, table);
    saveBarsArrow(path, table);
    expect(new Uint8Array(readFileSync(path))).toEqual(writeBarsArrow(table));
    expect(readdirSync(dir).filter((name) => name.includes(".tmp"))).toEqual([]);
  });
});
