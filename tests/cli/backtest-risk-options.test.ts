import { describe, expect, it } from "vitest";
import type { BacktestReport } from "../../src/cli/backtest-report.js";
import { runCli } from "../../src/cli/main.js";

const SPX = "data/sp500-2000.arrow";

function cli(...argv: string[]) {
  let stdout = "", stderr = "";
  const code = runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t), isTTY: false } });
  return { code, stdout, stderr };
}

describe("regime-lab backtest --risk", () => {
  it("records one decision per signal: orders, denials and ignored exits, without explanations for the fixed preset", () => {
    const report = JSON.parse(cli("backtest", "--data", SPX, "--json").stdout) as BacktestReport;
    const orders = report.decisions.filter((d) => d.outcome === "order");
    expect(report.settings.risk).toEqual({ preset: "fixed", options: {}, name: "fixed fraction 10% of equity", limits: null });
    expect(report.settings.fraction).toBe(0.1);
    expect(orders.length).toBeGreaterThan(150);
    expect(orders.every((d) => d.code === "OK" && d.quantity > 0 && d.explanation === null)).toBe(true);
    expect(report.decisions.filter((d) => d.outcome === "ignored").every((d) => d.direction === "exit")).toBe(true);
    expect(report.decisions[0]).toMatchObject({ time: "2000-03-16T21:00:00.000Z", symbol: "SPX", direction: "long", outcome: "order", quantity: 6 });
  });

  it("passes the limits to the kelly preset and explains every decision", () => {
    const r = cli("backtest", "--data", SPX, "--risk", "kelly", "--max-heat", "0.05", "--kelly-fraction", "0.25", "--kelly-min-trades", "20", "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as BacktestReport;
    expect(report.settings.risk.preset).toBe("kelly");
    expect(report.settings.risk.options).toEqual({ maxHeat: 0.05, kelly: { fraction: 0.25, minTrades: 20 } });
    expect(report.settings.fraction).toBeNull();
    expect(report.settings.risk.limits).toMatchObject({ sizing: "kelly", riskFraction: 0.01, stopMult: 2, maxHeat: 0.05, maxPositionRisk: 0.02, maxDailyRisk: 0.02, maxPositions: 10, kelly: { fraction: 0.25, minTrades: 20 } });
    expect(JSON.stringify(report.decisions)).not.toMatch(/"ts":/);
    const explained = report.decisions.filter((d) => d.outcome !== "ignored");
    expect(explained.length).toBeGreaterThan(0);
    for (const d of explained) expect(d.explanation).toMatchObject({ symbol: d.symbol, direction: d.direction, code: d.code });
  });

  it.each([
    [["--max-heat", "0.05"], "--max-heat does not apply to --risk fixed"],
    [["--risk", "kelly", "--fraction", "0.2"], "--fraction does not apply to --risk kelly"],
    [["--risk", "fractional", "--kelly-fraction", "0.5"], "--kelly-fraction does not apply to --risk fractional"],
    [["--risk", "martingale"], 'invalid --risk: "martingale" (expected one of fixed, fractional, kelly)'],
    [["--risk", "kelly", "--max-heat", "6"], 'invalid --max-heat: "6" (expected a number in (0, 1]'],
    [["--risk", "kelly", "--max-positions", "0"], 'invalid --max-positions: "0" (expected a whole number >= 1)'],
  ])("%j is a usage error", (args, text) => {
    const r = cli("backtest", "--data", SPX, ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(text);
  });
});
