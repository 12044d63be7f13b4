import * as arrow from "apache-arrow";

/** Returns the validity bitmap of `n` rows (bit set = valid), or undefined when every row is valid. */
function validity(n: number, isNull: (i: number) => boolean): { bitmap: Uint8Array | undefined; nullCount: number } {
  let nullCount = 0;
  const bitmap = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) {
    if (isNull(i)) nullCount++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return { bitmap: nullCount === 0 ? undefined : bitmap, nullCount };
}

/**
 * Returns an Arrow Float64 vector over `values` (no copy) where NaN becomes null when `nanAsNull` is
 * true (the engine's recorders write NaN for "not applicable").
 * @example float64Vector(new Float64Array([1, NaN]), true).get(1); // null
 */
export function float64Vector(values: Float64Array, nanAsNull = false): arrow.Vector<arrow.Float64> {
  const n = values.length;
  const { bitmap, nullCount } = nanAsNull ? validity(n, (i) => values[i] !== values[i]) : { bitmap: undefined, nullCount: 0 };
  return arrow.makeVector(arrow.makeData({ type: new arrow.Float64(), length: n, nullCount, data: values, nullBitmap: bitmap }));
}

/**
 * Returns an Arrow Int32 vector over `values` (no copy) where values below 0 become null when
 * `negativeAsNull` is true.
 * @example int32Vector(new Int32Array([3, -1]), true).get(1); // null
 */
export function int32Vector(values: Int32Array, negativeAsNull = false): arrow.Vector<arrow.Int32> {
  const n = values.length;
  const { bitmap, nullCount } = negativeAsNull ? validity(n, (i) => values[i]! < 0) : { bitmap: undefined, nullCount: 0 };
  return arrow.makeVector(arrow.makeData({ type: new arrow.Int32(), length: n, nullCount, data: values, nullBitmap: bitmap }));
}

/**
 * Returns a dictionary-encoded Arrow string vector: row i is `dictionary[codes[i]]`, or null where the
 * code is below 0. The codes are used without copying.
 * @example dictionaryVector(new Int32Array([0, 1, 0, -1]), ["AAA", "BBB"]).toArray(); // ["AAA", "BBB", "AAA", null]
 */
export function dictionaryVector(codes: Int32Array, dictionary: readonly string[]): arrow.Vector<arrow.Dictionary<arrow.Utf8, arrow.Int32>> {
  const n = codes.length;
  const { bitmap, nullCount } = validity(n, (i) => codes[i]! < 0);
  const type = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32());
  const dict = arrow.vectorFromArray([...dictionary], new arrow.Utf8());
  return arrow.makeVector(arrow.makeData({ type, length: n, nullCount, data: codes, nullBitmap: bitmap, dictionary: dict }));
}
