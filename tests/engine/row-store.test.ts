import { describe, expect, it } from "vitest";
import { RowStore } from "../../src/engine/row-store.js";

describe("RowStore", () => {
  it("keeps every row's numbers across many chunks while the first one grows and later ones fill", () => {
    const store = new RowStore(3);
    let chunkAt4096: Float64Array | undefined;
    for (let i = 0; i < 12_000; i++) {
      const o = store.append();
      store.chunk[o] = i;
      store.chunk[o + 1] = i * 0.5;
      store.chunk[o + 2] = -i;
      if (i === 4096) chunkAt4096 = store.chunk;
      // a full-size chunk is never replaced while rows go into it
      if (i > 4096 && i < 8192) expect(store.chunk).toBe(chunkAt4096);
    }
    expect(store.length).toBe(12_000);
    for (const i of [0, 1, 255, 256, 257, 1023, 1024, 4095, 4096, 4097, 8191, 8192, 11_999]) expect([store.get(i, 0), store.get(i, 1), store.get(i, 2)]).toEqual([i, i * 0.5, -i]);
  });

  it("holds no memory before the first row, and a small first chunk after it", () => {
    const store = new RowStore(7);
    expect(store.chunk.length).toBe(0);
    store.append();
    expect(store.chunk.length).toBe(256 * 7);
  });
});
