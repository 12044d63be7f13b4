import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BACKTEST_REPORT_FORMAT, type BacktestReport } from "../../src/cli/backtest-report.js";
import { runCli } from "../../src/cli/main.js";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import { DataHandler } from "../../src/data/data-handler.js";
import { saveBarsArrow } from "../../src/node/save-bars.js";
import { SmaCrossStrategy } from "../../src/strategy/sma-cross-strategy.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";
import { loadBars } from "../../src/node/load-bars.js";

const SPX = "data/sp500-2000.arrow";

function cli(...argv: string[]) {
  let stdout = "", stderr = "";
  const code = runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t), isTTY: false } });
  return { code, stdout, stderr };
}

function errorOf(...argv: string[]) {
  const r = cli(...argv);
  expect(r.stdout).toBe("");
  expect(r.stderr.endsWith("\n")).toBe(true);
  expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(r.stderr.startsWith("regime-lab: ")).toBe(true);
  return r;
}

describe("regime-lab backtest --json", () => {
  it("prints the metrics and every round trip of the same run as the engine", () => {
    const r = cli("backtest", "--data", SPX, "--strategy", "sma-cross", "--fast", "10", "--slow", "30", "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout) as BacktestReport;
    const engine = new BacktestEngine({ handlers: [DataHandler.fromTable(loadBars(SPX).table)], strategy: new SmaCrossStrategy({ fast: 10, slow: 30 }) });
    const result = engine.run();
    expect(report.format).toBe(BACKTEST_REPORT_FORMAT);
    expect(report.metrics.sharpe).toBeCloseTo(result.metrics.sharpe!, 12);
    expect(report.metrics.maxDrawdown).toBeCloseTo(result.metrics.maxDrawdown!, 12);
    expect(report.summary.finalEquity).toBeCloseTo(result.summary.finalEquity, 6);
    expect(report.trades).toHaveLength(result.tradeList.length);
    expect(report.trades.length).toBeGreaterThan(50);
    const [first] = report.trades, trip = result.tradeList[0]!;
    expect(first).toEqual({
      symbol: "SPX", side: "long", quantity: trip.quantity, entryTime: new Date(trip.entryTs).toISOString(), exitTime: new Date(trip.exitTs).toISOString(),
      entryPrice: trip.entryPrice, exitPrice: trip.exitPrice, pnl: trip.pnl, returnFraction: trip.returnFraction, commission: 0,
      barsHeld: trip.barsHeld, mae: trip.mae, mfe: trip.mfe,
    });
    expect(report.data).toEqual([{ file: SPX, symbol: "SPX", timeZone: "America/New_York", interval: "1d", bars: 5105, start: "2000-01-03T21:00:00.000Z", end: "2020-04-17T20:00:00.000Z" }]);
  });

  it("runs several files as one portfolio, with costs, shorts and cash taken from the options", () => {
    const dir = mkdtempSync(join(tmpdir(), "regime-lab-cli-"));
    const a = join(dir, "a.arrow"), b = join(dir, "b.arrow");
    saveBarsArrow(a, randomWalkBars(400, "AAA", 1));
    saveBarsArrow(b, randomWalkBars(300, "BBB", 2));
    const r = cli("backtest", "--data", a, "--data", b, "--fast", "5", "--slow", "20", "--allow-short", "--cash", "50000",
      "--commission-per-share", "0.01", "--slippage-bps", "2", "--fill-at", "close", "--fraction", "0.2", "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as BacktestReport;
    expect(report.data.map((d) => d.symbol)).toEqual(["AAA", "BBB"]);
    expect(report.summary.bars).toBe(700);
    expect(report.summary.initialCash).toBe(50_000);
    expect(report.settings).toEqual({
      cash: 50_000, fraction: 0.2, fillAt: "close", commissionPerShare: 0.01, commissionPercent: 0, slippageBps: 2,
      risk: { preset: "fixed", options: {}, name: "fixed fraction 20% of equity", limits: null },
    });
    expect(new Set(report.trades.map((t) => t.symbol))).toEqual(new Set(["AAA", "BBB"]));
    expect(report.trades.some((t) => t.side === "short")).toBe(true);
    expect(report.trades.every((t) => t.commission > 0)).toBe(true);
  });

  it("reads a CSV with --symbol and --time-zone, and warns when the zone is missing", () => {
    const dir = mkdtempSync(join(tmpdir(), "regime-lab-cli-"));
    const path = join(dir, "walk.csv");
    const t = randomWalkBars(60);
    const rows = ["date,open,high,low,close,volume"];
    for (let i = 0; i < t.numRows; i++) {
      const bar = t.get(i)!;
      rows.push([new Date(bar.tsOpen).toISOString().slice(0, 10), bar.open, bar.high, bar.low, bar.close, bar.volume].join(","));
    }
    writeFileSync(path, rows.join("\n"));
    const named = JSON.parse(cli("backtest", "--data", path, "--symbol", "WALK", "--time-zone", "America/New_York", "--fast", "3", "--slow", "8", "--json").stdout) as BacktestReport;
    expect(named.data[0]).toMatchObject({ symbol: "WALK", timeZone: "America/New_York", bars: 60 });
    expect(named.warnings).toEqual([]);
    const bare = JSON.parse(cli("backtest", "--data", path, "--json").stdout) as BacktestReport;
    expect(bare.data[0]).toMatchObject({ symbol: "walk", timeZone: "UTC" });
    expect(bare.warnings).toContain(`${path}: no --time-zone given, so its times are read as UTC`);
  });
});

describe("regime-lab backtest (text)", () => {
  it("prints the metrics as aligned rows with n/a for undefined statistics", () => {
    const r = cli("backtest", "--data", SPX, "--strategy", "buy-and-hold", "--fraction", "1");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("buy-and-hold on SPX, 100,000.00 cash, risk: fixed fraction 100% of equity");
    expect(r.stdout).toMatch(/ {2}max drawdown {11}-\d+\.\d\d% \(2007-10-09 to 2009-03-09, recovered/);
    expect(r.stdout).toMatch(/ {2}win rate {15}n\/a/);
    expect(r.stdout).toContain("no round trips: trade statistics are null");
  });

  it("prints the command's help with every option", () => {
    const r = cli("backtest", "--help");
    expect(r.code).toBe(0);
    for (const option of ["--data FILE", "--strategy", "--fast", "--slow", "--cash", "--json", "--slippage-bps"]) expect(r.stdout).toContain(option);
  });
});

describe("regime-lab errors", () => {
  it.each([
    [["backtest"], 2, "missing --data FILE"],
    [["backtest", "--data", SPX, "--fast", "ten"], 2, 'invalid --fast: "ten" (expected a whole number >= 1)'],
    [["backtest", "--data", SPX, "--fast", "30", "--slow", "10"], 2, "invalid --slow: 10 (expected more bars than --fast 30)"],
    [["backtest", "--data", SPX, "--cash=-5"], 2, 'invalid --cash: "-5" (expected a number > 0)'],
    [["backtest", "--data", SPX, "--cash", "-5"], 2, "use --cash=-XYZ"],
    [["backtest", "--data", SPX, "--strategy", "rsi"], 2, 'invalid --strategy: "rsi" (expected one of sma-cross, buy-and-hold)'],
    [["backtest", "--data", SPX, "--bogus"], 2, "Unknown option --bogus"],
    [["backtest", "--data", SPX, "extra"], 2, 'unexpected argument "extra"'],
    [["backtest", "--data", SPX, "--strategy", "buy-and-hold", "--slow", "9"], 2, "--slow applies to --strategy sma-cross only"],
    [["backtest", "--data", SPX, "--symbol", "A", "--symbol", "B"], 2, "got 2 --symbol for 1 --data"],
    [["backtest", "--data", "missing.csv"], 1, 'invalid path: "missing.csv" (expected a readable file); no such file'],
    [["backtest", "--data", "prices.xlsx"], 1, 'invalid path: "prices.xlsx" (expected a file ending in .csv'],
    [["backtest", "--data", SPX, "--data", SPX], 1, 'symbol "SPX" is also the symbol of data/sp500-2000.arrow'],
    [["backtest", "--data", "data/sp500-2000.csv", "--time-zone", "Mars/Olympus"], 1, "Mars/Olympus"],
    [["frobnicate"], 2, 'unknown command "frobnicate"'],
  ])("%j exits %i with one line naming the problem", (argv, code, text) => {
    const r = errorOf(...(argv as string[]));
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(text);
  });

  it("names the file, row and column of invalid bars in one line", () => {
    const dir = mkdtempSync(join(tmpdir(), "regime-lab-cli-"));
    const path = join(dir, "bad.csv");
    writeFileSync(path, "date,open,high,low,close,volume\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10,11,9,oops,100\n2024-01-04,10,11,12,10,100\n");
    const r = errorOf("backtest", "--data", path, "--time-zone", "UTC");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(path);
    expect(r.stderr).toMatch(/row 2/);
    expect(r.stderr).toContain("close");
    expect(r.stderr).toContain("(and 1 more issue in");
  });

  it("prints the command list without a command, and exits 2", () => {
    const r = cli();
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("backtest");
  });
});
