import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { SMC_REPORT_FORMAT, type SmcReport } from "../../src/cli/smc-report.js";
import { loadBars } from "../../src/node/load-bars.js";
import { detectFairValueGaps } from "../../src/smc/fair-value-gap-detector.js";
import { detectSwings } from "../../src/smc/swing-detector.js";

const SPX = "data/sp500-2000.arrow";

function cli(...argv: string[]) {
  let stdout = "", stderr = "";
  const code = runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t), isTTY: false } });
  return { code, stdout, stderr };
}

describe("regime-lab smc", () => {
  const table = loadBars(SPX).table;

  it("prints one array per detector, each structure with the bar it refers to and the bar it became known at", () => {
    const r = cli("smc", "--data", SPX, "--swing-length", "3", "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as SmcReport;
    expect(report.format).toBe(SMC_REPORT_FORMAT);
    expect(report.parameters).toEqual({ swingLength: 3, timeZone: "America/New_York" });
    const swings = detectSwings(table, { length: 3 });
    expect(report.swings).toHaveLength(swings.numRows);
    expect(report.fairValueGaps).toHaveLength(detectFairValueGaps(table).numRows);
    for (const key of ["swings", "fairValueGaps", "structureBreaks", "orderBlocks", "equalLevels", "sweeps", "previousLevels"] as const) {
      expect(report[key].length).toBeGreaterThan(0);
      for (const s of report[key]) {
        expect(Date.parse(s.knownAt)).toBeGreaterThanOrEqual(Date.parse(s.time));
        expect(s.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      }
    }
    const first = report.swings[0]!;
    expect(first.time).toBe(new Date(swings.getChild("ts")!.get(0) as number).toISOString());
    // A swing with length 3 is known 3 bars after its bar.
    expect(Number(first.knownIndex) - Number(first.index)).toBe(3);
  });

  it("summarizes the counts as text", () => {
    const r = cli("smc", "--data", SPX);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^smc on SPX \(data\/sp500-2000\.arrow\): 5,105 bars, swing length 5/);
    expect(r.stdout).toMatch(/fairValueGaps +1,621 +fvg-bearish 667, fvg-bullish 954; 45 unmitigated/);
  });

  it.each([
    [["smc"], 2, "missing --data FILE"],
    [["smc", "--data", SPX, "--swing-length", "0"], 2, 'invalid --swing-length: "0" (expected a whole number >= 1)'],
    [["smc", "--data", "nope.arrow"], 1, 'invalid path: "nope.arrow"'],
  ])("%j exits %i with one line naming the problem", (argv, code, text) => {
    const r = cli(...(argv as string[]));
    expect(r.code).toBe(code);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(text);
  });
});
