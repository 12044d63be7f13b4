import { describe, expect, it } from "vitest";
import { sharedTimeColumns } from "../../src/engine/shared-time-columns.js";
import { flatBars, handHandler } from "../fixtures/hand-bars.js";

describe("sharedTimeColumns", () => {
  it("gives symbols with the first symbol's bar times its time columns, and keeps their own prices", () => {
    const a = handHandler("A", flatBars([1, 2, 3])), b = handHandler("B", flatBars([1, 2, 3])), c = handHandler("C", flatBars([1, 2, 3], 1));
    const [ca, cb, cc] = sharedTimeColumns([a, b, c]);
    expect(ca).toBe(a.columns);
    expect(cb!.tsClose).toBe(a.columns!.tsClose);
    expect(cb!.tsOpen).toBe(a.columns!.tsOpen);
    expect([...cb!.tsClose]).toEqual([...b.columns!.tsClose]);
    for (const k of ["open", "high", "low", "close", "volume"] as const) expect(cb![k]).toBe(b.columns![k]);
    // other times: its own columns, untouched
    expect(cc).toBe(c.columns);
  });
});
