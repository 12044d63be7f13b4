import * as arrow from "apache-arrow";
import { dictionaryVector, float64Vector } from "../core/arrow-vectors.js";
import { GrowableFloat64 } from "../core/growable-float64.js";
import { scaleAt } from "./drawdown-scale-factor.js";
import type { RiskView } from "./risk-context.js";
import type { RiskParts } from "./risk-parts.js";

const NUMBERS = ["ts", "equity", "peakEquity", "drawdown", "scale", "heat", "maxHeat", "dailyRiskUsed", "dailyRiskLimit"] as const;

/**
 * Records a risk manager's state once per engine step, for charts of heat, drawdown and its scale
 * factor, and daily risk usage over time. `record` reads the view at a step's end: equity, its peak,
 * the drawdown from the peak and the scale factor it gives, portfolio heat (pending entries included)
 * against its maximum, and the new risk approved so far on the trading day against the daily budget.
 * With symbols in several time zones the daily figures are those of the zone that used the most that
 * day (`zone`, `day`). `toTable()` returns the rows as an Arrow table.
 * @example
 * const timeline = new RiskTimeline();
 * timeline.record(view, parts, ["America/New_York"]);
 * timeline.toTable().getChild("heat");
 */
export class RiskTimeline {
  private readonly columns = NUMBERS.map(() => new GrowableFloat64(256));
  private readonly zoneCodes: number[] = [];
  private readonly dayCodes: number[] = [];
  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();

  /** The number of rows. */
  get length(): number {
    return this.columns[0]!.length;
  }

  /** Appends the row of the step the view is at (`view.now`); `zones` are the time zones of the run's symbols. */
  record(view: RiskView, parts: RiskParts, zones: readonly string[]): void {
    const equity = view.equity, peak = Math.max(view.peakEquity, equity);
    const drawdown = peak > 0 ? (peak - equity) / peak : 0;
    const scale = parts.drawdown === null ? 1 : scaleAt(Math.max(0, drawdown), parts.drawdown);
    const heat = parts.heat.heat(view).heat;
    let zone = zones[0] ?? "UTC", day = parts.budget.dayOf(view.now, zone), used = parts.budget.used(zone, day);
    for (let i = 1; i < zones.length; i++) {
      const z = zones[i]!, d = parts.budget.dayOf(view.now, z), u = parts.budget.used(z, d);
      if (u > used) [zone, day, used] = [z, d, u];
    }
    const row = [view.now, equity, peak, drawdown, scale, heat ?? Number.NaN, parts.heat.maxHeat, used, parts.budget.maxDailyRisk];
    row.forEach((x, k) => this.columns[k]!.push(x));
    this.zoneCodes.push(this.code(zone));
    this.dayCodes.push(this.code(day));
  }

  /**
   * Returns the rows as an Arrow table: ts (epoch ms UTC), equity, peakEquity, drawdown (fraction of the
   * peak), scale (drawdown scale factor, 1 without drawdown scaling), heat (null when equity <= 0),
   * maxHeat, dailyRiskUsed and dailyRiskLimit (fractions of equity) as Float64, zone and day (strings).
   */
  toTable(): arrow.Table {
    const vectors: Record<string, arrow.Vector> = {};
    NUMBERS.forEach((name, k) => (vectors[name] = float64Vector(this.columns[k]!.copy(), name === "heat")));
    vectors.zone = dictionaryVector(Int32Array.from(this.zoneCodes), this.strings);
    vectors.day = dictionaryVector(Int32Array.from(this.dayCodes), this.strings);
    return new arrow.Table(vectors);
  }

  /** Drops every row. */
  clear(): void {
    for (const c of this.columns) c.clear();
    this.zoneCodes.length = this.dayCodes.length = 0;
  }

  private code(text: string): number {
    let i = this.stringIndex.get(text);
    if (i === undefined) {
      i = this.strings.push(text) - 1;
      this.stringIndex.set(text, i);
    }
    return i;
  }
}
