import { describe, expect, it } from "vitest";
import { sessionWindows } from "../../src/synthetic/session-windows.js";
import { SESSION_PRESETS } from "../../src/synthetic/session-spec.js";

const iso = (t: number) => new Date(t).toISOString();

describe("sessionWindows", () => {
  it("resolves each occurrence of a preset in its own zone across the UK spring change", () => {
    const w = sessionWindows("london-index", { from: "2024-03-29", to: "2024-04-01" });
    expect(w.map((x) => [x.date, iso(x.tsOpen), iso(x.tsClose)])).toEqual([
      ["2024-03-29", "2024-03-29T08:00:00.000Z", "2024-03-29T16:30:00.000Z"],
      ["2024-04-01", "2024-04-01T07:00:00.000Z", "2024-04-01T15:30:00.000Z"],
    ]);
  });

  it("gives the FX week from Sunday 17:00 to Friday 17:00 New York time", () => {
    const w = sessionWindows("fx", { from: "2024-11-01", to: "2024-11-10" });
    expect(w.map((x) => [x.date, iso(x.tsOpen), iso(x.tsClose)])).toEqual([
      ["2024-11-03", "2024-11-03T22:00:00.000Z", "2024-11-08T22:00:00.000Z"],
      ["2024-11-10", "2024-11-10T22:00:00.000Z", "2024-11-15T22:00:00.000Z"],
    ]);
  });

  it("describes a recurring intraday window such as the London kill zone (02:00-05:00 New York)", () => {
    const w = sessionWindows({ kind: "daily", timeZone: "America/New_York", open: "02:00", close: "05:00" }, { from: "2024-03-08", to: "2024-03-11", holidays: [] });
    expect(w.map((x) => iso(x.tsOpen))).toEqual(["2024-03-08T07:00:00.000Z", "2024-03-11T06:00:00.000Z"]);
  });

  it("skips holidays and keeps the presets' documented hours", () => {
    expect(sessionWindows("us-index", { from: "2024-07-03", to: "2024-07-05", holidays: ["2024-07-04"] }).map((x) => x.date)).toEqual(["2024-07-03", "2024-07-05"]);
    expect(SESSION_PRESETS["us-index"]).toMatchObject({ timeZone: "America/New_York", open: "09:30", close: "16:00" });
  });

  it.each([
    [{ from: "2024-03-10", to: "2024-03-01" }, /invalid to/],
    [{ from: "yesterday", to: "2024-03-01" }, /invalid from/],
    [{ from: "2024-03-01", to: "2024-03-02", holidays: "2024-03-01" }, /invalid holidays/],
  ])("rejects %j", (options, message) => {
    expect(() => sessionWindows("fx", options as never)).toThrow(message);
  });
});
