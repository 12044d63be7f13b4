import * as aq from "arquero";
import type * as arrow from "apache-arrow";
import type { ColumnTable } from "arquero";

/**
 * Returns an arquero table over the columns of an Apache Arrow table, without copying them: arquero
 * reads Arrow columns through their `at`/`toArray` methods, so verbs such as `derive`, `filter`,
 * `groupby` and `rollup` work directly on bar tables. Times stay epoch ms numbers, as in the Arrow
 * table. Schema metadata (symbol, time zone, interval) is not carried over.
 * @example toArquero(bars).rollup({ meanClose: aq.op.mean("close") }).object()
 */
export function toArquero(table: arrow.Table): ColumnTable {
  // arquero types its input with its own minimal Arrow interface, which apache-arrow tables meet at run time.
  return aq.fromArrow(table as unknown as Parameters<typeof aq.fromArrow>[0]);
}
