/**
 * The common shape of every Smart Money Concepts structure a detector reports, as plain JSON-safe
 * data. Times are epoch ms UTC: `ts` is the close time of the bar the structure refers to (the swing
 * bar, the middle bar of a gap, the breaking bar...), `knownAt` the close time of the bar at which it
 * became known (confirmed), so `knownAt >= ts` always, and a causal consumer may use a structure only
 * from `knownAt` on. `index` and `knownIndex` are the same two bars as row numbers of the bar stream.
 */
export interface SmcStructure {
  /** The detector's kind, e.g. "swing-high", "fvg-bullish", "bos-bullish", "order-block-bearish", "sweep-high". */
  readonly kind: string;
  readonly ts: number;
  readonly knownAt: number;
  readonly index: number;
  readonly knownIndex: number;
  /** The price level(s) of the structure: a swing's price, a zone's top and bottom (equal for a level). */
  readonly top: number;
  readonly bottom: number;
}

/**
 * A zone that the market can come back to (fair value gaps, order blocks): it is mitigated when a
 * later bar trades into it (the rule is documented by each detector); until then `mitigatedAt` is null.
 */
export interface SmcZone extends SmcStructure {
  /** Close time of the bar that mitigated the zone, or null while it is unmitigated. */
  readonly mitigatedAt: number | null;
  readonly mitigatedIndex: number | null;
}

/**
 * An incremental detector: `update(bar)` is called once per bar in time order (O(1) amortized) and
 * returns the structures that became known at that bar (often none); `reset()` starts over. Each
 * detector also has a batch form over a bar table returning an Arrow table with the same rows, and
 * the two agree (tests check it).
 */
export interface SmcDetector<S extends SmcStructure = SmcStructure> {
  readonly name: string;
  update(bar: SmcBar): readonly S[];
  reset(): void;
}

/** The bar fields a detector reads (a `Bar` has them): close time in epoch ms UTC and the four prices. */
export interface SmcBar {
  readonly tsClose: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/**
 * A detector of zones: besides the zones that became known at a bar (`update`, with `mitigatedAt`
 * null), it tells which zones the last bar mitigated (`lastMitigated`, copies with `mitigatedAt` set)
 * and which are still open (`activeZones`, oldest first).
 */
export interface SmcZoneDetector<Z extends SmcZone = SmcZone> extends SmcDetector<Z> {
  activeZones(): readonly Z[];
  lastMitigated(): readonly Z[];
}
