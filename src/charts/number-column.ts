import type * as arrow from "apache-arrow";

/**
 * Returns a numeric column of an Arrow table as a Float64Array, null as NaN: the column's own buffer
 * when it is one chunk of Float64 without nulls, a copy otherwise (other number types, BigInt
 * timestamps, several record batches).
 * @example numberColumn(result.equity, "equity")
 */
export function numberColumn(table: arrow.Table, column: string): Float64Array {
  const vector = table.getChild(column);
  if (vector == null) return new Float64Array(0);
  if (vector.nullCount === 0 && vector.data.length === 1) {
    const values: unknown = vector.toArray();
    if (values instanceof Float64Array) return values;
  }
  const out = new Float64Array(vector.length);
  for (let i = 0; i < out.length; i++) {
    const v: unknown = vector.get(i);
    out[i] = v == null ? NaN : Number(v);
  }
  return out;
}
