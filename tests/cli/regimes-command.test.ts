import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { REGIMES_REPORT_FORMAT, type RegimesReport } from "../../src/cli/regimes-report.js";
import { DataHandler } from "../../src/data/data-handler.js";
import { loadBars } from "../../src/node/load-bars.js";
import { RuleBasedClassifier } from "../../src/regime/rule-based-classifier.js";

const SPX = "data/sp500-2000.arrow";

function cli(...argv: string[]) {
  let stdout = "", stderr = "";
  const code = runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t), isTTY: false } });
  return { code, stdout, stderr };
}

describe("regime-lab regimes", () => {
  it("prints the regime of every bar as JSON, the same as the classifier run directly", () => {
    const r = cli("regimes", "--data", SPX, "--json", "--min-dwell", "2");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as RegimesReport;
    const classifier = new RuleBasedClassifier({ minDwell: 2 });
    const expected: (string | null)[] = [];
    for (const bar of DataHandler.fromTable(loadBars(SPX).table).bars()) expected.push(classifier.update(bar));
    expect(report.format).toBe(REGIMES_REPORT_FORMAT);
    expect(report.classifier).toEqual({ name: classifier.name, parameters: classifier.parameters() });
    expect(report.regimes).toHaveLength(5105);
    expect(report.regimes.map((x) => x.regime)).toEqual(expected);
    expect(report.regimes[0]!.time).toBe("2000-01-03T21:00:00.000Z");
    expect(report.summary.warmUpBars).toBe(expected.filter((x) => x === null).length);
    expect(Object.values(report.summary.barsByRegime).reduce((a, b) => a + b, 0)).toBe(5105 - report.summary.warmUpBars);
    expect(report.current).toEqual(JSON.parse(JSON.stringify(classifier.inspect())));
  });

  it("writes the classifier's history as Arrow with --out, and summarizes as text", () => {
    const out = join(mkdtempSync(join(tmpdir(), "regime-lab-cli-")), "spx-regimes.arrow");
    const r = cli("regimes", "--data", SPX, "--classifier", "hmm", "--states", "3", "--train-bars", "400", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^hmm\(3 states.*on SPX \(data\/sp500-2000\.arrow\): 5,105 bars/);
    expect(r.stdout).toMatch(/ {2}high-volatility +\d/);
    const table = arrow.tableFromIPC(readFileSync(out));
    expect(table.numRows).toBe(5105);
    expect(table.schema.fields.map((f) => f.name)).toEqual(expect.arrayContaining(["ts", "regime", "p:trending-up", "p:high-volatility"]));
  });

  it.each([
    [["regimes"], 2, "missing --data FILE"],
    [["regimes", "--data", SPX, "--data", SPX], 2, "got 2 --data files; regimes reads one"],
    [["regimes", "--data", SPX, "--classifier", "kmeans"], 2, 'invalid --classifier: "kmeans" (expected one of rules, hmm)'],
    [["regimes", "--data", SPX, "--states", "3"], 2, "--states applies to --classifier hmm only"],
    [["regimes", "--data", SPX, "--classifier", "hmm", "--states", "9"], 2, 'invalid --states: "9" (expected a whole number from 2 to 6)'],
    [["regimes", "--data", SPX, "--out", "x.csv"], 2, 'invalid --out: "x.csv" (expected a file name ending in .arrow)'],
    [["regimes", "--data", SPX, "--out", "/nonexistent/dir/x.arrow"], 1, "cannot write --out /nonexistent/dir/x.arrow"],
  ])("%j exits %i with one line naming the problem", (argv, code, text) => {
    const r = cli(...(argv as string[]));
    expect(r.code).toBe(code);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(text);
  });
});
