import type { SmcZone } from "./smc-structure.js";

/**
 * When a later bar mitigates a zone. `"touch"`: the bar trades into the zone (a bullish zone, below
 * price, when its low reaches the zone's top; a bearish zone, above price, when its high reaches the
 * zone's bottom). `"fill"`: the bar trades through the whole zone (low reaches the bottom of a bullish
 * zone, high reaches the top of a bearish one). Comparisons are inclusive (`<=`, `>=`).
 */
export type ZoneMitigation = "touch" | "fill";

/**
 * Returns the mitigation rules, for option checks.
 * @example check.keyword("mitigation", value, ZONE_MITIGATIONS)
 */
export const ZONE_MITIGATIONS: readonly ZoneMitigation[] = ["touch", "fill"];

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The open zones of a detector and their mitigation: a later bar (index above the zone's knownIndex)
 * mitigates every bullish zone whose threshold is at or above its low and every bearish zone whose
 * threshold is at or below its high. Each side is kept sorted by threshold, so one bar removes the
 * zones it mitigates from the end of a list: O(1) amortized per bar when new zones arrive near the
 * end, which fair value gaps always do (a surviving bullish gap lies below the bar that creates the
 * next one).
 * @example
 * const book = new ZoneBook<SmcZone>("touch");
 * book.add(zone, true);
 * const mitigated = book.mitigate(bar.high, bar.low, bar.tsClose, index);
 */
export class ZoneBook<Z extends SmcZone> {
  /** The mitigation rule. */
  readonly mitigation: ZoneMitigation;
  private readonly up: Z[] = [];
  private readonly upAt: number[] = [];
  private readonly down: Z[] = [];
  private readonly downAt: number[] = [];

  constructor(mitigation: ZoneMitigation) {
    this.mitigation = mitigation;
  }

  /** Adds a zone known at the current bar; `bullish` zones lie below price, bearish ones above. */
  add(zone: Z, bullish: boolean): void {
    const fill = this.mitigation === "fill";
    if (bullish) insert(this.up, this.upAt, zone, fill ? zone.bottom : zone.top, 1);
    else insert(this.down, this.downAt, zone, fill ? zone.top : zone.bottom, -1);
  }

  /** Removes the zones this bar mitigates and returns copies of them with `mitigatedAt` set (often none). */
  mitigate(high: number, low: number, tsClose: number, index: number): Z[] | undefined {
    let out: Z[] | undefined;
    const { up, upAt, down, downAt } = this;
    while (upAt.length > 0 && upAt[upAt.length - 1]! >= low) {
      upAt.pop();
      (out ??= []).push(mitigated(up.pop()!, tsClose, index));
    }
    while (downAt.length > 0 && downAt[downAt.length - 1]! <= high) {
      downAt.pop();
      (out ??= []).push(mitigated(down.pop()!, tsClose, index));
    }
    return out;
  }

  /** Returns the open zones, oldest first (by knownIndex, then index). */
  active(): Z[] {
    return [...this.up, ...this.down].sort((a, b) => a.knownIndex - b.knownIndex || a.index - b.index);
  }

  /** Forgets every zone. */
  clear(): void {
    this.up.length = this.upAt.length = this.down.length = this.downAt.length = 0;
  }
}

/** Inserts keeping `at` sorted (ascending for sign 1, descending for -1), walking back from the end. */
function insert<Z>(zones: Z[], at: number[], zone: Z, threshold: number, sign: 1 | -1): void {
  let i = at.length;
  zones.push(zone);
  at.push(threshold);
  while (i > 0 && (at[i - 1]! - threshold) * sign > 0) {
    zones[i] = zones[i - 1]!;
    at[i] = at[i - 1]!;
    i--;
  }
  zones[i] = zone;
  at[i] = threshold;
}

function mitigated<Z extends SmcZone>(zone: Z, tsClose: number, index: number): Z {
  const copy = { ...zone } as Mutable<Z>;
  copy.mitigatedAt = tsClose;
  copy.mitigatedIndex = index;
  return copy;
}
