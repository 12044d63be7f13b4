import type * as arrow from "apache-arrow";
import { allocateBarColumns, barColumns, barInfo, makeBarTable } from "../../data/bar-table.js";
import { BAR_FIELDS, type BarColumns, type SymbolInfo } from "../../core/types.js";

/** One symbol's bars in shared memory: its info and one SharedArrayBuffer of Float64 per bar column. */
export interface SharedBarTable {
  readonly info: SymbolInfo;
  readonly length: number;
  readonly buffers: Readonly<Record<keyof BarColumns, SharedArrayBuffer>>;
}

/**
 * Returns the bar tables copied once into SharedArrayBuffers, so worker threads read the same memory
 * instead of a copy per worker or per run (a SharedArrayBuffer is shared, not copied, when posted).
 * @example const shared = shareBarTables(tables); new Piscina({ workerData: { bars: shared } })
 */
export function shareBarTables(tables: ReadonlyMap<string, arrow.Table>): SharedBarTable[] {
  return [...tables.values()].map((table) => {
    const source = barColumns(table);
    const n = table.numRows;
    const buffers = {} as Record<keyof BarColumns, SharedArrayBuffer>;
    for (const f of BAR_FIELDS) {
      buffers[f] = new SharedArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT);
      new Float64Array(buffers[f]).set(source[f]);
    }
    return { info: barInfo(table), length: n, buffers };
  });
}

/** Returns bar tables over shared buffers (no copy), keyed by symbol, in the order shared. */
export function openSharedBarTables(shared: readonly SharedBarTable[]): Map<string, arrow.Table> {
  const tables = new Map<string, arrow.Table>();
  for (const s of shared) {
    const columns = allocateBarColumns(0);
    for (const f of BAR_FIELDS) columns[f] = new Float64Array(s.buffers[f], 0, s.length);
    tables.set(s.info.symbol, makeBarTable(columns, s.info, { validate: false, source: s.info.symbol }));
  }
  return tables;
}
