import { BacktestEngine } from "../engine/backtest-engine.js";
import { ExecutionHandler } from "../execution/execution-handler.js";
import { riskPreset } from "../risk/risk-preset.js";
import { BuyAndHoldStrategy } from "../strategy/buy-and-hold-strategy.js";
import { SmaCrossStrategy } from "../strategy/sma-cross-strategy.js";
import type { Strategy } from "../strategy/strategy.js";
import { BACKTEST_OPTIONS, resolveBacktestOptions, type BacktestCliOptions } from "./backtest-options.js";
import { backtestReport, type RiskLimits } from "./backtest-report.js";
import { PortfolioRiskManager } from "../risk/portfolio-risk-manager.js";
import { formatBacktestText } from "./format-backtest-text.js";
import { loadCliData } from "./load-cli-data.js";
import { signalDecisions } from "./signal-decisions.js";
import { optionsHelp, parseOptions } from "./parse-options.js";
import { progressLine, type ProgressStream } from "./progress-line.js";

/** The streams a command writes to (process.stdout/stderr, or buffers in tests). */
export interface CommandIo {
  readonly stdout: ProgressStream;
  readonly stderr: ProgressStream & { readonly isTTY?: boolean };
}

/** The help of `regime-lab backtest`. */
export const BACKTEST_HELP = optionsHelp(
  "regime-lab backtest --data FILE [--data FILE ...] [--strategy sma-cross --fast 10 --slow 30] [--cash 100000] [--json]",
  "Runs an event-driven backtest of one strategy over one or more bar files in one portfolio, and prints its\nmetrics (or, with --json, one JSON document with the metrics and every closed trade).",
  BACKTEST_OPTIONS,
);

/** Returns the limits of a PortfolioRiskManager (or a preset built on it), null for other risk managers. */
function riskLimits(risk: unknown): RiskLimits | null {
  if (!(risk instanceof PortfolioRiskManager)) return null;
  const p = risk.parts;
  return {
    sizing: p.sizing, riskFraction: p.riskFraction, stopMult: p.stopMult, maxHeat: p.heat.maxHeat, maxPositionRisk: p.heat.maxPositionRisk,
    maxDailyRisk: p.budget.maxDailyRisk, maxPositions: p.maxPositions,
    kelly: p.kelly === null ? null : { fraction: p.kelly.fraction, maxRiskFraction: p.kelly.maxRiskFraction, minTrades: p.kelly.minTrades },
    drawdown: p.drawdown === null ? null : { ...(p.drawdown as unknown as Record<string, number>) },
  };
}

function makeStrategy(options: BacktestCliOptions): Strategy {
  const s = options.strategy;
  return s.name === "sma-cross" ? new SmaCrossStrategy({ fast: s.fast, slow: s.slow, allowShort: s.allowShort }) : new BuyAndHoldStrategy();
}

/**
 * Runs `regime-lab backtest` with its arguments (after the command name) and returns the exit code:
 * 0 after printing the result; throws CliError for bad arguments or data.
 * @example runBacktestCommand(["--data", "data/sp500-2000.arrow", "--json"], { stdout: process.stdout, stderr: process.stderr })
 */
export function runBacktestCommand(argv: readonly string[], io: CommandIo): number {
  const values = parseOptions(argv, BACKTEST_OPTIONS, "backtest");
  if (values.help === true) {
    io.stdout.write(`${BACKTEST_HELP}\n`);
    return 0;
  }
  const options = resolveBacktestOptions(values);
  const { handlers, loaded, warnings } = loadCliData(options.files, { interval: options.interval });
  const engine = new BacktestEngine({
    handlers,
    strategy: makeStrategy(options),
    initialCash: options.cash,
    riskManager: options.risk.preset === "fixed" ? riskPreset("fixed", { fraction: options.fraction }) : riskPreset(options.risk.preset, options.risk.options),
    allowShort: options.strategy.name === "sma-cross" && options.strategy.allowShort,
    execution: new ExecutionHandler({
      fillAt: options.fillAt,
      commission: { perShare: options.commissionPerShare, fraction: options.commissionPercent / 100 },
      slippage: { bps: options.slippageBps },
    }),
    journalMarketEvents: false,
  });
  const showProgress = options.progress ?? io.stderr.isTTY === true;
  const progress = progressLine(io.stderr, "backtest", io.stderr.isTTY === true);
  const totalBars = loaded.reduce((n, d) => n + d.bars, 0);
  const result = showProgress
    ? engine.run({ onProgress: (p) => progress.update(p.bars, p.totalBars, p.ts), progressEvery: Math.max(10_000, Math.ceil(totalBars / 50)) })
    : engine.run();
  progress.done();
  const explained = (engine.riskManager as { decisions?: () => readonly { ts: number; symbol: string; direction: string }[] }).decisions?.() ?? [];
  const report = backtestReport(options, loaded, result, warnings, signalDecisions(result.journal, explained), engine.riskManager.name, riskLimits(engine.riskManager));
  io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatBacktestText(report)}\n`);
  return 0;
}
