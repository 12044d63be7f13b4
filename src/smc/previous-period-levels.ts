import * as arrow from "apache-arrow";
import { float64Vector } from "../core/arrow-vectors.js";
import { UnsortedStreamError } from "../core/errors.js";
import { checkTimeZone, DAY, toIso, zoneOffsetMs } from "../core/time.js";
import { barColumns, barInfo } from "../data/bar-table.js";
import type { SmcBar, SmcDetector, SmcStructure } from "./smc-structure.js";

/** Options of {@link PreviousPeriodLevels}. */
export interface PreviousPeriodOptions {
  /** IANA zone whose local dates make the days and weeks (the symbol's exchange zone). Default "America/New_York". */
  readonly timeZone?: string;
}

/** A bar with its open time, which places it on a local date. */
export interface PeriodBar extends SmcBar {
  readonly tsOpen: number;
}

/** The previous day's and week's high and low as seen at the latest bar; null until known. */
export interface PreviousPeriodValues {
  readonly prevDayHigh: number | null;
  readonly prevDayLow: number | null;
  readonly prevWeekHigh: number | null;
  readonly prevWeekLow: number | null;
}

/** A previous day's or week's high or low: `ts`/`index` the bar that made it, known at the period's next first bar. */
export interface PreviousPeriodLevel extends SmcStructure {
  readonly kind: "previous-day-high" | "previous-day-low" | "previous-week-high" | "previous-week-low";
}

/** One period's running high and low and the bars that made them. */
class PeriodRange {
  key = Number.NaN;
  high = -Infinity;
  low = Infinity;
  highTs = 0;
  lowTs = 0;
  highIndex = -1;
  lowIndex = -1;
  start(key: number): void {
    this.key = key;
    this.high = -Infinity;
    this.low = Infinity;
  }
  take(bar: PeriodBar, index: number): void {
    if (bar.high > this.high) { this.high = bar.high; this.highTs = bar.tsClose; this.highIndex = index; }
    if (bar.low < this.low) { this.low = bar.low; this.lowTs = bar.tsClose; this.lowIndex = index; }
  }
}

const NONE: readonly never[] = Object.freeze([] as never[]);
const QUARTER = 15 * 60_000; // UTC offsets change only on quarter hours
const SPAN = 28 * DAY; // assumed: a zone never changes its offset and back within 28 days

/**
 * Previous day and previous week high and low, streaming. A bar belongs to the local date of its open
 * (`tsOpen`) in the zone, and to the Monday-based local week of that date. The previous day is the last
 * earlier date that had bars (Friday on a Monday, the day before a holiday after it), the previous week
 * the last earlier week with bars. The new values are known from the first bar of a new day (week):
 * `update` returns them then as structures, and `values()` gives the four levels at any time. Lag: one
 * bar (the first bar of the next period shows that a period ended). O(1) per bar: the zone is consulted
 * about once per 28 days of bars (plus a bisection at each offset change), on the assumption that no zone
 * changes its UTC offset and back within 28 days.
 * @example
 * const prev = new PreviousPeriodLevels({ timeZone: "America/New_York" });
 * for (const bar of bars) { prev.update(bar); console.log(prev.values().prevDayHigh); }
 */
export class PreviousPeriodLevels implements SmcDetector<PreviousPeriodLevel> {
  readonly name = "previous-day-week";
  /** The zone of the local dates. */
  readonly timeZone: string;
  private readonly day = new PeriodRange();
  private readonly week = new PeriodRange();
  private prev: PreviousPeriodValues = EMPTY;
  private spanStart = Infinity;
  private spanEnd = -Infinity;
  private spanOffset = 0;
  private lastClose = -Infinity;
  private seen = 0;

  constructor(options: PreviousPeriodOptions = {}) {
    this.timeZone = checkTimeZone("timeZone", options.timeZone ?? "America/New_York");
  }

  update(bar: PeriodBar): readonly PreviousPeriodLevel[] {
    if (!(bar.tsClose > this.lastClose)) {
      throw new UnsortedStreamError(`invalid bar: tsClose ${toIso(bar.tsClose)} is not after ${toIso(this.lastClose)} (expected bars in time order); feed one symbol's bars sorted by tsClose`, { tsClose: bar.tsClose });
    }
    this.lastClose = bar.tsClose;
    const index = this.seen++;
    let out: PreviousPeriodLevel[] | undefined;
    const day = Math.floor((bar.tsOpen + this.offsetAt(bar.tsOpen)) / DAY);
    if (day !== this.day.key) {
      if (day < this.day.key) {
        throw new UnsortedStreamError(`invalid bar: tsOpen ${toIso(bar.tsOpen)} falls on a local date before the previous bar's (expected bars in time order, not overlapping)`, { tsOpen: bar.tsOpen });
      }
      const week = Math.floor((day + 3) / 7); // day 0 is Thursday 1970-01-01; weeks start on Mondays
      out = [];
      const d = this.day, w = this.week;
      const dayDone = d.key === d.key;
      const weekDone = week !== w.key && w.key === w.key;
      if (dayDone) out.push(level("previous-day-high", d.high, d.highTs, d.highIndex, bar, index), level("previous-day-low", d.low, d.lowTs, d.lowIndex, bar, index));
      if (weekDone) out.push(level("previous-week-high", w.high, w.highTs, w.highIndex, bar, index), level("previous-week-low", w.low, w.lowTs, w.lowIndex, bar, index));
      this.prev = {
        prevDayHigh: dayDone ? d.high : this.prev.prevDayHigh, prevDayLow: dayDone ? d.low : this.prev.prevDayLow,
        prevWeekHigh: weekDone ? w.high : this.prev.prevWeekHigh, prevWeekLow: weekDone ? w.low : this.prev.prevWeekLow,
      };
      d.start(day);
      if (week !== w.key) w.start(week);
    }
    this.day.take(bar, index);
    this.week.take(bar, index);
    return out ?? NONE;
  }

  /** Returns the previous day's and week's high and low as known at the latest bar (null until known). */
  values(): PreviousPeriodValues {
    return this.prev;
  }

  /**
   * Returns the zone's UTC offset at `t`, from a span of constant offset that is probed SPAN ahead and,
   * when the offset differs there, cut at the change (found by bisection over quarter hours).
   */
  private offsetAt(t: number): number {
    if (t >= this.spanStart && t < this.spanEnd) return this.spanOffset;
    const zone = this.timeZone;
    const offset = zoneOffsetMs(zone, t);
    let lo = Math.floor(t / QUARTER) * QUARTER, hi = lo + SPAN;
    if (zoneOffsetMs(zone, hi) !== offset) {
      while (hi - lo > QUARTER) {
        const mid = lo + Math.floor((hi - lo) / 2 / QUARTER) * QUARTER;
        if (zoneOffsetMs(zone, mid) === offset) lo = mid;
        else hi = mid;
      }
    }
    this.spanStart = t;
    this.spanEnd = hi;
    this.spanOffset = offset;
    return offset;
  }

  reset(): void {
    this.day.key = this.week.key = Number.NaN;
    this.prev = EMPTY;
    this.spanStart = Infinity;
    this.spanEnd = -Infinity;
    this.lastClose = -Infinity;
    this.seen = 0;
  }
}

const EMPTY: PreviousPeriodValues = Object.freeze({ prevDayHigh: null, prevDayLow: null, prevWeekHigh: null, prevWeekLow: null });

function level(kind: PreviousPeriodLevel["kind"], price: number, ts: number, index: number, bar: PeriodBar, knownIndex: number): PreviousPeriodLevel {
  return { kind, ts, knownAt: bar.tsClose, index, knownIndex, top: price, bottom: price };
}

/**
 * Returns the previous day's and week's high and low for every bar of a bar table, as an Arrow table
 * aligned to the bars (row i = bar i): prevDayHigh, prevDayLow, prevWeekHigh, prevWeekLow (Float64,
 * null until known). Days and weeks are local to the table's own time zone (its metadata); see
 * {@link PreviousPeriodLevels} for the rules.
 * @example previousPeriodColumns(table).getChild("prevDayHigh")?.get(100)
 */
export function previousPeriodColumns(table: arrow.Table): arrow.Table {
  const { timeZone } = barInfo(table);
  const { tsOpen, tsClose, open, high, low, close } = barColumns(table);
  const n = tsClose.length;
  const dayHigh = new Float64Array(n), dayLow = new Float64Array(n), weekHigh = new Float64Array(n), weekLow = new Float64Array(n);
  const detector = new PreviousPeriodLevels({ timeZone });
  const bar = { tsOpen: 0, tsClose: 0, open: 0, high: 0, low: 0, close: 0 };
  for (let i = 0; i < n; i++) {
    bar.tsOpen = tsOpen[i]!;
    bar.tsClose = tsClose[i]!;
    bar.open = open[i]!;
    bar.high = high[i]!;
    bar.low = low[i]!;
    bar.close = close[i]!;
    detector.update(bar);
    const v = detector.values();
    dayHigh[i] = v.prevDayHigh ?? Number.NaN;
    dayLow[i] = v.prevDayLow ?? Number.NaN;
    weekHigh[i] = v.prevWeekHigh ?? Number.NaN;
    weekLow[i] = v.prevWeekLow ?? Number.NaN;
  }
  return new arrow.Table({
    prevDayHigh: float64Vector(dayHigh, true), prevDayLow: float64Vector(dayLow, true),
    prevWeekHigh: float64Vector(weekHigh, true), prevWeekLow: float64Vector(weekLow, true),
  });
}
