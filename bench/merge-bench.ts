// Merge benchmark (issue 2): 100 symbols x 100,000 bars through mergeBars, against concatenate-and-sort.
import { allocateBarColumns, makeBarTable } from "../src/data/bar-table.js";
import { DataHandler } from "../src/data/data-handler.js";
import { MergeCursor, mergeBars } from "../src/data/merge-bars.js";
import { type BenchRow, medianSeconds, settle } from "./harness.js";

const SYMBOLS = 100;
const BARS = 100_000;

/** 1-minute bars whose close times interleave across symbols (symbol s is offset by s seconds). */
function makeHandlers(symbols: number, bars: number): DataHandler[] {
  const start = Date.UTC(2024, 0, 1);
  const handlers: DataHandler[] = [];
  for (let s = 0; s < symbols; s++) {
    const c = allocateBarColumns(bars);
    let price = 100 + s;
    for (let i = 0; i < bars; i++) {
      const tsClose = start + (i + 1) * 60_000 + ((s * 7919 + i * 104_729) % 59_000); // symbols interleave differently each minute
      price *= 1 + (((i * 7919 + s * 104729) % 1000) - 500) / 1e6;
      c.tsOpen[i] = tsClose - 60_000;
      c.tsClose[i] = tsClose;
      c.open[i] = price;
      c.high[i] = price * 1.001;
      c.low[i] = price * 0.999;
      c.close[i] = price;
      c.volume[i] = 1000 + i;
    }
    handlers.push(DataHandler.fromTable(makeBarTable(c, { symbol: `S${s}`, timeZone: "UTC", interval: "1m" }, { validate: false })));
  }
  return handlers;
}

export function runMergeBench(): BenchRow[] {
  settle();
  const before = process.memoryUsage();
  const handlers = makeHandlers(SYMBOLS, BARS);
  settle();
  const after = process.memoryUsage();
  const total = SYMBOLS * BARS;
  const bytesPerBar = (after.arrayBuffers - before.arrayBuffers) / total;
  const rssPerBar = (after.rss - before.rss) / total;

  let checksum = 0;
  const cursorSeconds = medianSeconds(() => {
    const cursor = new MergeCursor(handlers);
    let n = 0;
    for (let h = cursor.next(); h >= 0; h = cursor.next()) n += h;
    checksum = n;
  });
  const generatorSeconds = medianSeconds(() => {
    let n = 0;
    for (const bar of mergeBars(handlers)) n += bar.close > 0 ? 1 : 0;
    if (n !== total) throw new Error(`merged ${n} bars, expected ${total}`);
  }, 3);
  // The baseline: concatenate every (tsClose, handler) key and sort them once, as typed numbers.
  const sortSeconds = medianSeconds(() => {
    const keys = new Float64Array(total);
    let k = 0;
    for (let s = 0; s < SYMBOLS; s++) {
      const ts = handlers[s]!.columns!.tsClose;
      for (let i = 0; i < ts.length; i++) keys[k++] = ts[i]! * 128 + s; // exact: < 2^53
    }
    keys.sort();
  });
  const objectSortSeconds = medianSeconds(() => {
    const all: { s: number; t: number; i: number }[] = [];
    for (let s = 0; s < SYMBOLS; s++) {
      const ts = handlers[s]!.columns!.tsClose;
      for (let i = 0; i < ts.length; i++) all.push({ s, t: ts[i]!, i });
    }
    all.sort((a, b) => a.t - b.t || a.s - b.s);
  }, 1);
  if (checksum === 0) throw new Error("merge produced nothing");
  const rate = (s: number) => total / s;
  const extra = { symbols: SYMBOLS, barsPerSymbol: BARS };
  return [
    {
      suite: "merge", case: "MergeCursor (engine path, no allocation)", items: total, unit: "bars", seconds: cursorSeconds, perSecond: rate(cursorSeconds),
      target: ">= 10M bars/s", met: rate(cursorSeconds) >= 10e6, note: `${(sortSeconds / cursorSeconds).toFixed(2)}x the speed of typed sort, ${(objectSortSeconds / cursorSeconds).toFixed(1)}x object sort`, extra,
    },
    {
      suite: "merge", case: "mergeBars generator (a Bar object per bar)", items: total, unit: "bars", seconds: generatorSeconds, perSecond: rate(generatorSeconds),
      target: ">= 10M bars/s", met: rate(generatorSeconds) >= 10e6, note: `${(sortSeconds / generatorSeconds).toFixed(2)}x the speed of typed sort`, extra,
    },
    { suite: "merge", case: "baseline: concat + Float64Array sort", items: total, unit: "bars", seconds: sortSeconds, perSecond: rate(sortSeconds), extra },
    { suite: "merge", case: "baseline: concat + object sort", items: total, unit: "bars", seconds: objectSortSeconds, perSecond: rate(objectSortSeconds), note: "1 run", extra },
    {
      suite: "merge", case: "resident bar data", items: total, unit: "bars", seconds: 0, perSecond: 0,
      target: "<= 64 B/bar", met: bytesPerBar <= 64, note: `${bytesPerBar.toFixed(1)} B/bar in Arrow buffers, ${rssPerBar.toFixed(1)} B/bar RSS growth`,
      extra: { ...extra, arrayBufferBytesPerBar: bytesPerBar, rssBytesPerBar: rssPerBar },
    },
  ];
}
