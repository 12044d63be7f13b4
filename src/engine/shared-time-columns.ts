import type { BarColumns } from "../core/types.js";
import type { DataHandler } from "../data/data-handler.js";

/**
 * Returns the handlers' bar columns (table-backed handlers only), where a symbol whose bars open and
 * close at the first symbol's times to the bit (DataHandler.sharesTimesWith) reads its times from the
 * first symbol's columns: the numbers are the same, and one pair of time columns read by every
 * symbol's fills and signals stays in cache, where each symbol's own copy would be a cache miss at
 * each of its trades (the columns of ten symbols lie megabytes apart).
 * @example
 * const columns = sharedTimeColumns(handlers); // columns[s].tsClose === columns[0].tsClose on one calendar
 */
export function sharedTimeColumns(handlers: readonly DataHandler[]): BarColumns[] {
  const first = handlers[0];
  return handlers.map((h, s) => {
    const c = h.columns!;
    if (s === 0 || !first!.sharesTimesWith(h)) return c;
    const times = first!.columns!;
    return { ...c, tsOpen: times.tsOpen, tsClose: times.tsClose };
  });
}
