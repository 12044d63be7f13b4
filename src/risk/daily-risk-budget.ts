import { invalid } from "../core/check.js";
import { localDate } from "../core/time.js";

/** Options of {@link DailyRiskBudget}. */
export interface DailyRiskBudgetOptions {
  /** Most new risk approved per trading day, as a fraction of equity in (0, 1]. Default 0.02 (2%: two 1% entries a day). */
  readonly maxDailyRisk?: number;
}

/**
 * Tracks the new risk approved per trading day, where a trading day is the local date in the symbol's
 * exchange time zone: each zone has its own day and its own budget (a London and a New York entry on the
 * same UTC day draw on different budgets). Risk is recorded as the fraction of equity it was at approval.
 * Only the current day of each zone is kept, so memory stays constant over long runs.
 * @example
 * const budget = new DailyRiskBudget({ maxDailyRisk: 0.02 });
 * const day = budget.dayOf(now, "America/New_York");
 * budget.record("America/New_York", day, 0.01);
 * budget.used("America/New_York", day); // 0.01
 */
export class DailyRiskBudget {
  readonly maxDailyRisk: number;
  private readonly days = new Map<string, { day: string; used: number }>();

  constructor(options: DailyRiskBudgetOptions = {}) {
    const max = options.maxDailyRisk ?? 0.02;
    if (typeof max !== "number" || !(max > 0 && max <= 1)) invalid("maxDailyRisk", max, "a number in (0, 1]", "pass a fraction of equity, e.g. 0.02 for 2%");
    this.maxDailyRisk = max;
  }

  /** Returns the trading day (YYYY-MM-DD, local to `zone`) of the time `utcMs`. */
  dayOf(utcMs: number, zone: string): string {
    return localDate(utcMs, zone);
  }

  /** Returns the fraction of equity approved as new risk on `day` in `zone` so far. */
  used(zone: string, day: string): number {
    const d = this.days.get(zone);
    return d !== undefined && d.day === day ? d.used : 0;
  }

  /** Returns the fraction of equity still available on `day` in `zone` (>= 0). */
  remaining(zone: string, day: string): number {
    return Math.max(0, this.maxDailyRisk - this.used(zone, day));
  }

  /** Adds `riskFraction` of new risk to `day` in `zone` (a new day starts from 0). */
  record(zone: string, day: string, riskFraction: number): void {
    const d = this.days.get(zone);
    if (d !== undefined && d.day === day) d.used += riskFraction;
    else this.days.set(zone, { day, used: riskFraction });
  }

  /** Forgets every day. */
  reset(): void {
    this.days.clear();
  }
}
