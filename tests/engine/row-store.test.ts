import { describe, expect, it } from "vitest";
import { RowStore } from "../../src/engine/row-store.js";

describe("RowStore", () => {
  it("keeps every row's numbers across many chunks, without moving the rows already written", () => {
    const store = new RowStore(3);
    for (let i = 0; i < 12_000; i++) {
      const o = store.append();
      store.chunk[o] = i;
      store.chunk[o + 1] = i * 0.5;
      store.chunk[o + 2] = -i;
    }
    expect(store.length).toBe(12_000);
    for (const i of [0, 1, 4095, 4096, 4097, 8191, 8192, 11_999]) expect([store.get(i, 0), store.get(i, 1), store.get(i, 2)]).toEqual([i, i * 0.5, -i]);
  });
});
