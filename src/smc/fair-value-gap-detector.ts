import type * as arrow from "apache-arrow";
import { check } from "../core/check.js";
import { UnsortedStreamError } from "../core/errors.js";
import { toIso } from "../core/time.js";
import { ATR } from "../indicators/atr.js";
import { collectStructures } from "./collect-structures.js";
import type { SmcBar, SmcZone, SmcZoneDetector } from "./smc-structure.js";
import { smcTable } from "./smc-table.js";
import { ZONE_MITIGATIONS, ZoneBook, type ZoneMitigation } from "./zone-book.js";

/** Options of {@link FairValueGapDetector} and {@link detectFairValueGaps}. */
export interface FairValueGapOptions {
  /** When a later bar mitigates a gap (see ZoneMitigation). Default "touch". */
  readonly mitigation?: ZoneMitigation;
  /** Smallest gap as a fraction of the middle bar's close, e.g. 0.001 for 0.1 %. Default 0 (any gap). */
  readonly minGapFraction?: number;
  /**
   * Smallest gap in multiples of the ATR at the third bar (Wilder, `atrPeriod`), e.g. 0.25. Default 0
   * (off). When set, no gap is reported before the ATR has `atrPeriod` bars.
   */
  readonly minGapAtr?: number;
  /** ATR period for `minGapAtr`. Default 14. */
  readonly atrPeriod?: number;
}

/** A fair value gap: the price range between the first and third bar of a three-bar imbalance. */
export interface FairValueGap extends SmcZone {
  readonly kind: "fvg-bullish" | "fvg-bearish";
}

const NONE: readonly never[] = Object.freeze([] as never[]);

/**
 * Fair value gaps, streaming: `update(bar)` returns the gaps that bar completes. With bars 1, 2, 3 the
 * last three rows, a gap is bullish when bar 3's low is strictly above bar 1's high (bottom = bar 1's
 * high, top = bar 3's low) and bearish when bar 3's high is strictly below bar 1's low (top = bar 1's
 * low, bottom = bar 3's high); the middle bar's colour is not required. `ts`/`index` is the middle bar,
 * `knownAt`/`knownIndex` bar 3: a confirmation lag of 1 bar after the middle bar (2 after bar 1).
 * Mitigation is checked from the bar after bar 3 on (`mitigation` option, inclusive comparisons).
 * O(1) amortized per bar.
 * @example
 * const fvg = new FairValueGapDetector({ mitigation: "fill" });
 * for (const bar of bars) fvg.update(bar);
 * fvg.activeZones(); // gaps not yet filled
 */
export class FairValueGapDetector implements SmcZoneDetector<FairValueGap> {
  readonly name: string;
  private readonly minGapFraction: number;
  private readonly minGapAtr: number;
  private readonly atrPeriod: number;
  private readonly book: ZoneBook<FairValueGap>;
  private atr: ATR | undefined;
  private mitigated: readonly FairValueGap[] = NONE;
  private seen = 0;
  private high1 = 0; private low1 = 0;
  private high2 = 0; private low2 = 0; private close2 = 0; private ts2 = 0;

  constructor(options: FairValueGapOptions = {}) {
    const mitigation = check.keyword("mitigation", options.mitigation ?? "touch", ZONE_MITIGATIONS);
    this.minGapFraction = check.nonNegative("minGapFraction", options.minGapFraction ?? 0);
    this.minGapAtr = check.nonNegative("minGapAtr", options.minGapAtr ?? 0);
    this.atrPeriod = check.positiveInteger("atrPeriod", options.atrPeriod ?? 14);
    this.book = new ZoneBook(mitigation);
    this.atr = this.minGapAtr > 0 ? new ATR(this.atrPeriod) : undefined;
    this.name = `fvg(${mitigation})`;
  }

  update(bar: SmcBar): readonly FairValueGap[] {
    const t = this.seen;
    if (t > 0 && !(bar.tsClose > this.ts2)) {
      throw new UnsortedStreamError(`invalid bar: tsClose ${toIso(bar.tsClose)} is not after ${toIso(this.ts2)} (expected bars in time order); feed one symbol's bars sorted by tsClose`, { tsClose: bar.tsClose });
    }
    this.seen = t + 1;
    this.mitigated = this.book.mitigate(bar.high, bar.low, bar.tsClose, t) ?? NONE;
    const atr = this.atr?.update(bar.high, bar.low, bar.close);
    let out: FairValueGap[] | undefined;
    if (t >= 2) {
      if (bar.low > this.high1 && this.big(bar.low - this.high1, atr)) {
        out = [this.gap("fvg-bullish", bar, t, bar.low, this.high1)];
        this.book.add(out[0]!, true);
      } else if (bar.high < this.low1 && this.big(this.low1 - bar.high, atr)) {
        out = [this.gap("fvg-bearish", bar, t, this.low1, bar.high)];
        this.book.add(out[0]!, false);
      }
    }
    this.high1 = this.high2; this.low1 = this.low2;
    this.high2 = bar.high; this.low2 = bar.low; this.close2 = bar.close; this.ts2 = bar.tsClose;
    return out ?? NONE;
  }

  /** Returns the gaps not yet mitigated, oldest first. */
  activeZones(): FairValueGap[] {
    return this.book.active();
  }

  /** Returns the gaps the last bar mitigated, with mitigatedAt and mitigatedIndex set. */
  lastMitigated(): readonly FairValueGap[] {
    return this.mitigated;
  }

  reset(): void {
    this.seen = 0;
    this.book.clear();
    this.mitigated = NONE;
    this.atr = this.minGapAtr > 0 ? new ATR(this.atrPeriod) : undefined;
  }

  private big(size: number, atr: number | undefined): boolean {
    if (size < this.minGapFraction * this.close2) return false;
    return this.minGapAtr === 0 || (atr !== undefined && size >= this.minGapAtr * atr);
  }

  private gap(kind: FairValueGap["kind"], bar: SmcBar, t: number, top: number, bottom: number): FairValueGap {
    return { kind, ts: this.ts2, knownAt: bar.tsClose, index: t - 1, knownIndex: t, top, bottom, mitigatedAt: null, mitigatedIndex: null };
  }
}

/**
 * Returns the fair value gaps of a bar table as an Arrow table (kind, ts, knownAt, index, knownIndex,
 * top, bottom, mitigatedAt, mitigatedIndex), mitigation as of the last row.
 * @example detectFairValueGaps(table, { mitigation: "fill", minGapAtr: 0.25 })
 */
export function detectFairValueGaps(table: arrow.Table, options: FairValueGapOptions = {}): arrow.Table {
  return smcTable(collectStructures(table, new FairValueGapDetector(options)), true);
}
