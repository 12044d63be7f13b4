import { describe, expect, it } from "vitest";
import { ObservationWindow } from "../../../src/regime/hmm/observation-window.js";

describe("ObservationWindow", () => {
  it("keeps only the last `capacity` rows, in order, across many pushes", () => {
    const w = new ObservationWindow(2, 3);
    for (let i = 0; i < 1000; i++) w.push([i, -i]);
    expect(w.length).toBe(3);
    expect(w.toArrays()).toEqual([[997, -997], [998, -998], [999, -999]]);
    expect(Array.from(w.rows())).toEqual([997, -997, 998, -998, 999, -999]);
  });

  it("keeps every row without a capacity, and clears", () => {
    const w = new ObservationWindow(1);
    for (let i = 0; i < 5000; i++) w.push([i]);
    expect(w.length).toBe(5000);
    expect(w.rows()[4999]).toBe(4999);
    w.clear();
    expect(w.length).toBe(0);
  });
});
