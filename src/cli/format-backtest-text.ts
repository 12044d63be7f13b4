import { formatCount } from "../core/format-number.js";
import type { BacktestReport } from "./backtest-report.js";

const pct = (x: number | null, digits = 2): string => (x === null ? "n/a" : `${(x * 100).toFixed(digits)}%`);
const num = (x: number | null, digits = 2): string => (x === null ? "n/a" : x.toFixed(digits));
const money = (x: number | null): string => {
  if (x === null) return "n/a";
  const [whole, cents] = Math.abs(x).toFixed(2).split(".");
  return `${x < 0 ? "-" : ""}${formatCount(Number(whole))}.${cents}`;
};
const day = (iso: string | null): string => (iso === null ? "n/a" : iso.slice(0, 10));

/** Returns "174 signals: 87 orders, 3 denied (HEAT_LIMIT 2, DAILY_BUDGET 1), 84 ignored" for the decisions of a run. */
export function signalSummary(report: BacktestReport): string {
  const d = report.decisions;
  const denied = d.filter((x) => x.outcome === "denied");
  const codes = new Map<string, number>();
  for (const x of denied) codes.set(x.code ?? "?", (codes.get(x.code ?? "?") ?? 0) + 1);
  const byCode = [...codes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c, n]) => `${c} ${n}`).join(", ");
  const ignored = d.filter((x) => x.outcome === "ignored").length;
  return `${formatCount(d.length)}: ${formatCount(d.length - denied.length - ignored)} orders, ${formatCount(denied.length)} denied${denied.length > 0 ? ` (${byCode})` : ""}${ignored > 0 ? `, ${formatCount(ignored)} ignored (exits while flat)` : ""}`;
}

/** Returns the strategy as people write it, e.g. "sma-cross(10, 30)" or "sma-cross(10, 30, long-short)". */
export function strategyLabel(strategy: BacktestReport["strategy"]): string {
  if (strategy.name !== "sma-cross") return strategy.name;
  return `sma-cross(${strategy.fast}, ${strategy.slow}${strategy.allowShort ? ", long-short" : ""})`;
}

/**
 * Returns the text output of `regime-lab backtest`: what ran on what, then the metrics as two aligned
 * columns (n/a where a statistic is undefined or its sample too small; the notes say why), then the
 * warnings and notes. Deterministic and independent of the locale.
 * @example console.log(formatBacktestText(report))
 */
export function formatBacktestText(report: BacktestReport): string {
  const m = report.metrics, t = m.trades, s = report.summary;
  const dd = m.maxDrawdownSpell;
  const rows: [string, string][] = [
    ["period", `${day(s.start)} to ${day(s.end)} (${formatCount(s.bars)} bars, ${formatCount(s.steps)} steps)`],
    ["final equity", `${money(s.finalEquity)} (from ${money(s.initialCash)})`],
    ["total return", pct(m.totalReturn)],
    ["annualized return", pct(m.annualizedReturn)],
    ["annualized volatility", pct(m.annualizedVolatility)],
    ["sharpe", num(m.sharpe)],
    ["sortino", num(m.sortino)],
    ["calmar", num(m.calmar)],
    ["max drawdown", dd === null ? pct(m.maxDrawdown) : `${pct(m.maxDrawdown)} (${day(dd.peakAt)} to ${day(dd.troughAt)}, ${dd.recovered ? `recovered ${day(dd.recoveryAt)}` : "not recovered"})`],
    ["time in market", m.exposure === null ? "n/a" : pct(m.exposure.timeInMarket, 1)],
    ["trades", `${formatCount(t.count)} closed (${t.wins} won, ${t.losses} lost), ${s.openPositionCount} position(s) open at the end`],
    ["win rate", pct(t.winRate, 1)],
    ["profit factor", num(t.profitFactor)],
    ["expectancy", money(t.expectancy)],
    ["average win / loss", `${money(t.averageWin)} / ${money(t.averageLoss)}`],
    ["sqn", num(t.sqn)],
    ["kelly fraction", pct(t.kellyFraction, 1)],
    ["signals", signalSummary(report)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const symbols = report.data.map((d) => d.symbol).join(", ");
  const lines = [
    `${strategyLabel(report.strategy)} on ${symbols}, ${money(report.settings.cash)} cash, risk: ${report.settings.risk.name}`,
    "",
    ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
  ];
  if (report.warnings.length > 0) lines.push("", "warnings:", ...report.warnings.map((w) => `  - ${w}`));
  if (m.notes.length > 0) lines.push("", "notes:", ...m.notes.map((n) => `  - ${n}`));
  return lines.join("\n");
}
