import type * as arrow from "apache-arrow";
import { check } from "../core/check.js";
import { collectStructures } from "./collect-structures.js";
import { MoveOrigin } from "./move-origin.js";
import type { SmcBar, SmcZone, SmcZoneDetector } from "./smc-structure.js";
import { smcTable } from "./smc-table.js";
import { StructureBreakDetector, type StructureBreak, type StructureBreakOptions, type StructureDirection } from "./structure-break-detector.js";
import type { SwingPoint } from "./swing-detector.js";
import { ZONE_MITIGATIONS, ZoneBook, type ZoneMitigation } from "./zone-book.js";

/** Options of {@link OrderBlockDetector} and {@link detectOrderBlocks}. */
export interface OrderBlockOptions extends StructureBreakOptions {
  /** The block's range: the candle's `"wick"` (high to low) or its `"body"` (open to close). Default "wick". */
  readonly zone?: "wick" | "body";
  /** When a later bar mitigates a block (see ZoneMitigation). Default "touch". */
  readonly mitigation?: ZoneMitigation;
}

/** An order block: the last opposite candle before a move that broke structure. */
export interface OrderBlock extends SmcZone {
  readonly kind: "order-block-bullish" | "order-block-bearish";
}

const NONE: readonly never[] = Object.freeze([] as never[]);

/**
 * Order blocks, streaming: `update(bar)` returns the blocks that bar's structure break reveals. For a
 * bullish break (BOS or CHoCH, see StructureBreakDetector) of swing high h at bar k, the move starts at
 * the lowest low after h and before k (the latest such bar on ties); the block is the last bearish
 * candle (close < open) from that bar up to k - 1 (the breaking bar itself is never the block). No
 * bearish candle there: no block. Bearish blocks mirror this (highest high, last bullish candle). `ts`/
 * `index` is the candle, `knownAt`/`knownIndex` the breaking bar (lag: 0 bars after the break, at least
 * 1 after the candle). Mitigation is checked from the bar after the break on. O(1) per bar plus the
 * sorted insertion of a new block among the open ones (a few in practice).
 * @example
 * const blocks = new OrderBlockDetector({ length: 5, zone: "body" });
 * for (const bar of bars) blocks.update(bar);
 * blocks.activeZones(); // unmitigated blocks
 */
export class OrderBlockDetector implements SmcZoneDetector<OrderBlock> {
  readonly name: string;
  /** The break detector that triggers the blocks. */
  readonly breaks: StructureBreakDetector;
  private readonly book: ZoneBook<OrderBlock>;
  private readonly below: MoveOrigin;
  private readonly above: MoveOrigin;
  private readonly size: number;
  private readonly ring: Float64Array[];
  private mitigated: readonly OrderBlock[] = NONE;

  constructor(options: OrderBlockOptions = {}) {
    this.breaks = new StructureBreakDetector(options);
    const zone = check.keyword("zone", options.zone ?? "wick", ["wick", "body"] as const);
    const mitigation = check.keyword("mitigation", options.mitigation ?? "touch", ZONE_MITIGATIONS);
    this.book = new ZoneBook(mitigation);
    this.below = new MoveOrigin(1, zone === "body");
    this.above = new MoveOrigin(-1, zone === "body");
    this.size = this.breaks.swings.length + 1;
    this.ring = Array.from({ length: 5 }, () => new Float64Array(this.size));
    this.name = `order-blocks(${this.breaks.swings.length}, ${zone}, ${mitigation})`;
  }

  update(bar: SmcBar): readonly OrderBlock[] {
    const t = this.breaks.swings.barsSeen;
    const found = this.breaks.update(bar); // checks the time order first
    this.mitigated = this.book.mitigate(bar.high, bar.low, bar.tsClose, t) ?? NONE;
    let out: OrderBlock[] | undefined;
    for (const b of found) {
      const bullish = b.kind.endsWith("bullish");
      const origin = bullish ? this.below : this.above;
      if (origin.swingIndex !== b.index || !origin.found) continue;
      const block = blockOf(bullish, origin, b);
      this.book.add(block, bullish);
      (out ??= []).push(block);
    }
    const slot = t % this.size;
    const [ts, open, high, low, close] = this.ring as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    ts[slot] = bar.tsClose; open[slot] = bar.open; high[slot] = bar.high; low[slot] = bar.low; close[slot] = bar.close;
    const levels = this.breaks.watchedLevels();
    this.follow(this.below, levels.high, t);
    this.follow(this.above, levels.low, t);
    return out ?? NONE;
  }

  /** Returns the blocks not yet mitigated, oldest first. */
  activeZones(): OrderBlock[] {
    return this.book.active();
  }

  /** Returns the blocks the last bar mitigated, with mitigatedAt and mitigatedIndex set. */
  lastMitigated(): readonly OrderBlock[] {
    return this.mitigated;
  }

  /** Returns the current structure direction. */
  direction(): StructureDirection {
    return this.breaks.direction();
  }

  reset(): void {
    this.breaks.reset();
    this.book.clear();
    this.below.stop();
    this.above.stop();
    this.mitigated = NONE;
  }

  /** Keeps `origin` on the watched swing: restarts it on a new swing from the bars after it (all in the ring). */
  private follow(origin: MoveOrigin, swing: SwingPoint | null, t: number): void {
    if (swing === null) return origin.stop();
    const [ts, open, high, low, close] = this.ring as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const fresh = swing.index !== origin.swingIndex;
    if (fresh) origin.start(swing.index);
    const from = fresh ? swing.index + 1 : t;
    for (let j = from; j <= t; j++) {
      const s = j % this.size;
      origin.add(j, ts[s]!, open[s]!, high[s]!, low[s]!, close[s]!);
    }
  }
}

function blockOf(bullish: boolean, origin: MoveOrigin, b: StructureBreak): OrderBlock {
  return {
    kind: bullish ? "order-block-bullish" : "order-block-bearish", ts: origin.candleTs, knownAt: b.knownAt,
    index: origin.candleIndex, knownIndex: b.knownIndex, top: origin.candleTop, bottom: origin.candleBottom,
    mitigatedAt: null, mitigatedIndex: null,
  };
}

/**
 * Returns the order blocks of a bar table as an Arrow table (kind, ts, knownAt, index, knownIndex,
 * top, bottom, mitigatedAt, mitigatedIndex), mitigation as of the last row.
 * @example detectOrderBlocks(table, { length: 5, zone: "body", mitigation: "fill" })
 */
export function detectOrderBlocks(table: arrow.Table, options: OrderBlockOptions = {}): arrow.Table {
  return smcTable(collectStructures(table, new OrderBlockDetector(options)), true);
}
