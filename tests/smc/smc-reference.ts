// Brute-force oracles of the SMC detectors, written straight from their definitions (quadratic, no
// state machines shared with src/): the detectors, incremental and batch, must agree with them.
import type { SmcBar, SmcStructure, SmcZone } from "../../src/smc/smc-structure.js";

type Row = SmcStructure & { mitigatedAt?: number | null; mitigatedIndex?: number | null };

/** Swing highs and lows: strictly beyond the `length` bars on each side, reported `length` bars later. */
export function referenceSwings(bars: readonly SmcBar[], length: number): SmcStructure[] {
  const out: SmcStructure[] = [];
  for (let i = length; i + length < bars.length; i++) {
    const others = bars.slice(i - length, i + length + 1).filter((_, k) => k !== length);
    const { high, low } = bars[i]!;
    const at = { ts: bars[i]!.tsClose, knownAt: bars[i + length]!.tsClose, index: i, knownIndex: i + length };
    if (others.every((b) => b.high < high)) out.push({ kind: "swing-high", ...at, top: high, bottom: high });
    if (others.every((b) => b.low > low)) out.push({ kind: "swing-low", ...at, top: low, bottom: low });
  }
  return out;
}

/** The first bar after `from` that mitigates a zone, by scanning forward. */
function mitigation(bars: readonly SmcBar[], zone: SmcStructure, bullish: boolean, rule: "touch" | "fill"): Pick<SmcZone, "mitigatedAt" | "mitigatedIndex"> {
  for (let j = zone.knownIndex + 1; j < bars.length; j++) {
    const b = bars[j]!;
    const hit = bullish ? b.low <= (rule === "touch" ? zone.top : zone.bottom) : b.high >= (rule === "touch" ? zone.bottom : zone.top);
    if (hit) return { mitigatedAt: b.tsClose, mitigatedIndex: j };
  }
  return { mitigatedAt: null, mitigatedIndex: null };
}

/** Three-bar fair value gaps with forward-scanned mitigation. */
export function referenceFairValueGaps(bars: readonly SmcBar[], rule: "touch" | "fill" = "touch", minGapFraction = 0): Row[] {
  const out: Row[] = [];
  for (let t = 2; t < bars.length; t++) {
    const [a, m, c] = [bars[t - 2]!, bars[t - 1]!, bars[t]!];
    const at = { ts: m.tsClose, knownAt: c.tsClose, index: t - 1, knownIndex: t };
    let zone: SmcStructure | undefined;
    if (c.low > a.high && c.low - a.high >= minGapFraction * m.close) zone = { kind: "fvg-bullish", ...at, top: c.low, bottom: a.high };
    if (c.high < a.low && a.low - c.high >= minGapFraction * m.close) zone = { kind: "fvg-bearish", ...at, top: a.low, bottom: c.high };
    if (zone !== undefined) out.push({ ...zone, ...mitigation(bars, zone, zone.kind === "fvg-bullish", rule) });
  }
  return out;
}

/** Breaks of the latest confirmed swing levels, each level at most once; the first break is a BOS. */
export function referenceStructureBreaks(bars: readonly SmcBar[], length: number, breakBy: "close" | "wick" = "close"): SmcStructure[] {
  const swings = referenceSwings(bars, length);
  const out: SmcStructure[] = [];
  let high: SmcStructure | null = null, low: SmcStructure | null = null, trend = 0;
  bars.forEach((b, t) => {
    for (const s of swings.filter((x) => x.knownIndex === t)) {
      if (s.kind === "swing-high") high = s;
      else low = s;
    }
    const at = { knownAt: b.tsClose, knownIndex: t };
    if (high !== null && (breakBy === "close" ? b.close : b.high) > high.top) {
      out.push({ ...high, ...at, kind: trend < 0 ? "choch-bullish" : "bos-bullish" });
      trend = 1;
      high = null;
    }
    if (low !== null && (breakBy === "close" ? b.close : b.low) < low.bottom) {
      out.push({ ...low, ...at, kind: trend > 0 ? "choch-bearish" : "bos-bearish" });
      trend = -1;
      low = null;
    }
  });
  return out;
}

/** Order blocks: for each break, the last opposite candle from the move's extreme to the bar before the break. */
export function referenceOrderBlocks(
  bars: readonly SmcBar[], length: number, breakBy: "close" | "wick" = "close", zone: "wick" | "body" = "wick", rule: "touch" | "fill" = "touch",
): Row[] {
  const out: Row[] = [];
  for (const brk of referenceStructureBreaks(bars, length, breakBy)) {
    const bullish = brk.kind.endsWith("bullish");
    let origin = brk.index + 1;
    for (let j = brk.index + 1; j < brk.knownIndex; j++) {
      if (bullish ? bars[j]!.low <= bars[origin]!.low : bars[j]!.high >= bars[origin]!.high) origin = j;
    }
    let candle = -1;
    for (let j = brk.knownIndex - 1; j >= origin && candle < 0; j--) {
      const b = bars[j]!;
      if (bullish ? b.close < b.open : b.close > b.open) candle = j;
    }
    if (candle < 0) continue;
    const b = bars[candle]!;
    const block: SmcStructure = {
      kind: bullish ? "order-block-bullish" : "order-block-bearish", ts: b.tsClose, knownAt: brk.knownAt, index: candle, knownIndex: brk.knownIndex,
      top: zone === "wick" ? b.high : Math.max(b.open, b.close), bottom: zone === "wick" ? b.low : Math.min(b.open, b.close),
    };
    out.push({ ...block, ...mitigation(bars, block, bullish, rule) });
  }
  return out;
}
