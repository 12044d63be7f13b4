const CHUNK_ROWS = 4096;

/** Rows in the first chunk before it is grown (four times, up to CHUNK_ROWS: at most two copies). */
const FIRST_ROWS = 256;

/**
 * Rows of `stride` numbers, appended one at a time into Float64 chunks: the engine's recorders write a
 * row with one capacity check and never copy what they stored when they grow (a full chunk of
 * CHUNK_ROWS rows is kept and a new one started). The first chunk starts small and grows four times
 * at a time up to CHUNK_ROWS (copying only those first rows), so a store that gets few rows, or none,
 * costs little.
 * Writing is `const o = store.append(); store.chunk[o + k] = x` (read `chunk` after `append`: the first
 * chunk is replaced as it grows); reading back is `store.get(row, k)`.
 * @example
 * const store = new RowStore(2);
 * const o = store.append();
 * store.chunk[o] = 1.5;
 * store.chunk[o + 1] = 2;
 * store.get(0, 1); // 2
 */
export class RowStore {
  /** Numbers per row. */
  readonly stride: number;
  /** The number of rows appended. */
  length = 0;
  /** The chunk the last `append()` wrote into. */
  chunk: Float64Array;
  private offset = 0;
  private readonly chunks: Float64Array[];

  constructor(stride: number) {
    this.stride = stride;
    this.chunk = new Float64Array(0);
    this.chunks = [this.chunk];
  }

  /** Appends a row and returns its offset in `chunk`, where its `stride` numbers go. */
  append(): number {
    let o = this.offset;
    if (o === this.chunk.length) {
      const full = CHUNK_ROWS * this.stride;
      if (this.chunks.length === 1 && o < full) {
        // the first chunk grows: four times the rows, at least FIRST_ROWS, at most CHUNK_ROWS
        const grown = new Float64Array(Math.min(full, Math.max(FIRST_ROWS * this.stride, 4 * o)));
        grown.set(this.chunk);
        this.chunk = this.chunks[0] = grown;
      } else {
        this.chunk = new Float64Array(full);
        this.chunks.push(this.chunk);
        o = 0;
      }
    }
    this.offset = o + this.stride;
    this.length++;
    return o;
  }

  /** Returns number `k` of row `row`. */
  get(row: number, k: number): number {
    return this.chunks[(row / CHUNK_ROWS) | 0]![(row % CHUNK_ROWS) * this.stride + k]!;
  }
}
