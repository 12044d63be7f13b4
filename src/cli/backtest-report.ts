import { toIso } from "../core/time.js";
import type { RoundTrip } from "../core/types.js";
import type { BacktestResult } from "../engine/backtest-result.js";
import type { Metrics } from "../metrics/compute-metrics.js";
import { jsonSafe } from "../metrics/json-safe.js";
import type { PositionSnapshot } from "../portfolio/portfolio-view.js";
import type { BacktestCliOptions } from "./backtest-options.js";
import type { LoadedFile } from "./load-cli-data.js";
import type { SignalDecision } from "./signal-decisions.js";

/** One closed round trip in the JSON output: a RoundTrip with its times as ISO 8601 UTC text. */
export type TradeRecord = Omit<RoundTrip, "entryTs" | "exitTs"> & { readonly entryTime: string; readonly exitTime: string };

/**
 * The JSON document of `regime-lab backtest --json`, a public interface: fields are only ever added,
 * never renamed or removed, within one `format` version.
 */
export interface BacktestReport {
  /** "regime-lab.backtest/1". */
  readonly format: string;
  readonly strategy: BacktestCliOptions["strategy"];
  /** `fraction` applies to the fixed preset only (null otherwise). */
  readonly settings: Pick<BacktestCliOptions, "cash" | "fillAt" | "commissionPerShare" | "commissionPercent" | "slippageBps"> & {
    readonly fraction: number | null;
    /**
     * The risk preset, the options given for it, the risk manager's description, and the limits it
     * applied (null for the fixed preset, which has none).
     */
    readonly risk: { readonly preset: string; readonly options: Record<string, unknown>; readonly name: string; readonly limits: RiskLimits | null };
  };
  readonly data: readonly LoadedFile[];
  readonly summary: {
    readonly start: string | null;
    readonly end: string | null;
    readonly bars: number;
    readonly steps: number;
    readonly initialCash: number;
    readonly finalEquity: number;
    readonly finalCash: number;
    readonly tradeCount: number;
    readonly openPositionCount: number;
    readonly openOrderCount: number;
  };
  readonly metrics: Metrics;
  readonly trades: readonly TradeRecord[];
  readonly openPositions: readonly PositionSnapshot[];
  /** One record per signal: what the risk step made of it, with the risk manager's explanation when it keeps one. */
  readonly decisions: readonly SignalDecision[];
  readonly warnings: readonly string[];
}

/** The limits a stop-based risk manager applied (fractions of equity), as the JSON shows them. */
export interface RiskLimits {
  readonly sizing: string;
  readonly riskFraction: number;
  readonly stopMult: number;
  readonly maxHeat: number;
  readonly maxPositionRisk: number;
  readonly maxDailyRisk: number;
  readonly maxPositions: number;
  readonly kelly: { readonly fraction: number; readonly maxRiskFraction: number; readonly minTrades: number } | null;
  readonly drawdown: Record<string, number> | null;
}

/** The format tag of {@link BacktestReport}. */
export const BACKTEST_REPORT_FORMAT = "regime-lab.backtest/1";

/**
 * Returns the JSON document of a finished command-line backtest: what ran on what, the metrics, every
 * closed round trip, the positions still open and every warning. JSON-safe (no NaN or Infinity).
 * @example JSON.stringify(backtestReport(options, loaded, result, warnings))
 */
export function backtestReport(
  options: BacktestCliOptions, loaded: readonly LoadedFile[], result: BacktestResult, warnings: readonly string[],
  decisions: readonly SignalDecision[] = [], riskName = result.summary.riskManager, limits: RiskLimits | null = null,
): BacktestReport {
  const s = result.summary;
  return jsonSafe({
    format: BACKTEST_REPORT_FORMAT,
    strategy: options.strategy,
    settings: {
      cash: options.cash, fraction: options.risk.preset === "fixed" ? options.fraction : null, fillAt: options.fillAt,
      commissionPerShare: options.commissionPerShare, commissionPercent: options.commissionPercent, slippageBps: options.slippageBps,
      risk: { preset: options.risk.preset, options: { ...options.risk.options }, name: riskName, limits },
    },
    data: loaded,
    summary: {
      start: s.start, end: s.end, bars: s.bars, steps: s.steps, initialCash: s.initialCash, finalEquity: s.finalEquity, finalCash: s.finalCash,
      tradeCount: s.tradeCount, openPositionCount: result.openPositions.length, openOrderCount: s.openOrderCount,
    },
    metrics: result.metrics,
    trades: result.tradeList.map((t) => ({
      symbol: t.symbol, side: t.side, quantity: t.quantity, entryTime: toIso(t.entryTs), exitTime: toIso(t.exitTs),
      entryPrice: t.entryPrice, exitPrice: t.exitPrice, pnl: t.pnl, returnFraction: t.returnFraction, commission: t.commission,
      barsHeld: t.barsHeld, mae: t.mae, mfe: t.mfe,
    })),
    openPositions: result.openPositions,
    decisions,
    warnings: [...warnings, ...s.warnings],
  });
}
