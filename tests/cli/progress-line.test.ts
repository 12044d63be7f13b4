import { describe, expect, it } from "vitest";
import { progressLine } from "../../src/cli/progress-line.js";

describe("progressLine", () => {
  it("redraws one line in place on a terminal and ends it with a newline", () => {
    let out = "";
    const p = progressLine({ write: (t: string) => (out += t) }, "backtest", true);
    p.update(250_000, 1_000_000, "2013-05-02T20:00:00.000Z");
    p.update(1_000_000, 1_000_000, "2020-04-17T20:00:00.000Z");
    p.done();
    expect(out).toBe("\rbacktest  25%  250,000 / 1,000,000 bars  at 2013-05-02\rbacktest 100%  1,000,000 / 1,000,000 bars  at 2020-04-17\n");
  });

  it("writes one line per update elsewhere, and nothing when there was no update", () => {
    let out = "";
    const p = progressLine({ write: (t: string) => (out += t) }, "backtest", false);
    p.done();
    expect(out).toBe("");
    p.update(1, 3, null);
    p.done();
    expect(out).toBe("backtest  33%  1 / 3 bars\n");
  });
});
