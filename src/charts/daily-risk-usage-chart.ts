import * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import { HEAT_COLORS } from "./heat-gauge.js";
import { percentLabel } from "./percent-label.js";
import { requireColumns } from "./require-columns.js";
import { RISK_TABLE_HINT, riskColumns } from "./risk-columns.js";

/** The columns of a risk timeline that {@link dailyRiskUsageChart} reads. */
export const DAILY_RISK_USAGE_COLUMNS = ["day", "dailyRiskUsed", "dailyRiskLimit"] as const;

/** Options of {@link dailyRiskUsageChart}. */
export interface DailyRiskUsageChartOptions {
  /** Chart title. Default "Daily risk budget". */
  readonly title?: string;
  /** Chart subtitle. Default: what is drawn and the days covered; how many days passed `warnAt` and the fullest one go in the caption. */
  readonly subtitle?: string;
  /** Share of the day's budget from which a day is highlighted, in (0, 1]. Default 0.8. */
  readonly warnAt?: number;
  /** Most day labels on the x axis (every k-th day is labelled beyond it). Default 8. */
  readonly maxTicks?: number;
  /** Width of the plot, in px. Default 640. */
  readonly width?: number;
  /** Height of the plot, in px. Default 240. */
  readonly height?: number;
}

/** One trading day: the most risk used in it and its budget (fractions of equity). */
interface Day {
  readonly day: string;
  readonly used: number;
  readonly limit: number;
  readonly status: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Returns Plot options of daily risk budget usage: one bar per trading day (the risk timeline's `day`,
 * the local trading day "YYYY-MM-DD") up to the most new risk opened that day (`dailyRiskUsed`, its
 * largest value in the day, in % of equity), a tick at the day's budget (`dailyRiskLimit`), and days at
 * or above `warnAt` of the budget in amber (red beyond the budget), named in the legend. Days follow
 * the table's order; rows with a null day or usage are skipped.
 * @example renderSvg(dailyRiskUsageChart(riskManager.riskTable(), { warnAt: 0.9 }))
 */
export function dailyRiskUsageChart(riskTable: arrow.Table, options: DailyRiskUsageChartOptions = {}): Plot.PlotOptions {
  requireColumns(riskTable, "riskTable", DAILY_RISK_USAGE_COLUMNS, RISK_TABLE_HINT);
  const { dailyRiskUsed, dailyRiskLimit } = riskColumns(riskTable, "riskTable", ["dailyRiskUsed", "dailyRiskLimit"]);
  const warnAt = check.fraction("warnAt", options.warnAt ?? 0.8);
  if (warnAt === 0) invalid("warnAt", warnAt, "a number in (0, 1]", "e.g. 0.8 highlights days that used 80% of their budget");
  const maxTicks = check.positiveInteger("maxTicks", options.maxTicks ?? 8);
  const width = check.positiveInteger("width", options.width ?? 640);
  const height = check.positiveInteger("height", options.height ?? 240);
  const labels = { ok: `below ${percentLabel(warnAt, 0)} of budget`, warn: `${percentLabel(warnAt, 0)} of budget or more`, over: "over budget" };

  const dayColumn = riskTable.getChild("day")!;
  const byDay = new Map<string, { used: number; limit: number }>();
  for (let i = 0; i < riskTable.numRows; i++) {
    const day: unknown = dayColumn.get(i);
    const used = dailyRiskUsed[i]!, limit = dailyRiskLimit[i]!;
    if (day == null || Number.isNaN(used)) continue;
    if (typeof day !== "string" || !DAY.test(day)) invalid(`riskTable.day[${i}]`, day, "a trading day \"YYYY-MM-DD\"", RISK_TABLE_HINT);
    if (!(Number.isFinite(used) && used >= 0)) invalid(`riskTable.dailyRiskUsed[${i}]`, used, "a fraction of equity >= 0, or null", RISK_TABLE_HINT);
    if (!(limit > 0 && limit <= 1)) invalid(`riskTable.dailyRiskLimit[${i}]`, limit, "a number in (0, 1]", RISK_TABLE_HINT);
    const seen = byDay.get(day);
    byDay.set(day, { used: Math.max(seen?.used ?? 0, used), limit });
  }
  const days: Day[] = [...byDay].map(([day, { used, limit }]) => ({
    day, used, limit, status: used > limit ? labels.over : used >= warnAt * limit ? labels.warn : labels.ok,
  }));
  const statuses = [labels.ok, labels.warn, labels.over];
  const colors = [HEAT_COLORS.ok, HEAT_COLORS.warn, HEAT_COLORS.over];
  const present = statuses.map((s, k) => ({ s, c: colors[k]! })).filter(({ s }) => days.some((d) => d.status === s));
  const flagged = days.filter((d) => d.status !== labels.ok).length;
  const fullest = days.reduce<Day | undefined>((best, d) => (best === undefined || d.used / d.limit > best.used / best.limit ? d : best), undefined);
  const every = Math.ceil(days.length / maxTicks);
  const span = days.length === 0 ? "no days" : days.length === 1 ? days[0]!.day : `${days[0]!.day} to ${days[days.length - 1]!.day}`;
  const top = Math.max(0, ...days.flatMap((d) => [d.used, d.limit])) * 100;
  return {
    title: options.title ?? "Daily risk budget",
    subtitle: options.subtitle ?? `new risk opened per trading day in % of equity, tick: the day's budget; ${span}`,
    caption: `${flagged} of ${days.length} days at ${percentLabel(warnAt, 0)} of their budget or more${fullest === undefined ? "" : `; fullest ${fullest.day} (${percentLabel(fullest.used / fullest.limit, 0)} of its budget)`}`,
    width,
    height,
    marginLeft: 44,
    x: { type: "band", domain: days.map((d) => d.day), ticks: days.filter((_, i) => i % every === 0).map((d) => d.day), label: null, padding: 0.2, tickSize: 0 },
    y: { domain: [0, (top || 1) * 1.1], nice: true, grid: true, label: "risk used (% of equity)", tickFormat: (d: number) => `${d}%` },
    color: { type: "ordinal", domain: present.map((p) => p.s), range: present.map((p) => p.c), legend: true },
    marks: [
      Plot.barY(days, { x: "day", y: (d: Day) => d.used * 100, fill: "status", title: (d: Day) => `${d.day}: ${percentLabel(d.used)} of ${percentLabel(d.limit)}`, ariaDescription: "risk used" }),
      Plot.tickY(days, { x: "day", y: (d: Day) => d.limit * 100, stroke: "currentColor", strokeWidth: 2, ariaDescription: "daily budget" }),
      Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.5 }),
    ],
  };
}
