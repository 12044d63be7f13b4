/**
 * A binary min-heap of stream indices 0..k-1 keyed by `keys[i]`, ties broken by the smaller index, so
 * that popping it in turn gives a stable merge. It allocates nothing after construction.
 *
 * Written by hand rather than taken from a heap package: the merge's hot loop needs typed-array keys,
 * a replace-top operation and no comparator closure, and is tested against a stable sort.
 */
export class IndexHeap {
  /** The current key of each stream; callers update `keys[top]` and then call `replaceTop()`. */
  readonly keys: Float64Array;
  private readonly heap: Int32Array;
  private n = 0;

  constructor(streamCount: number) {
    this.keys = new Float64Array(streamCount);
    this.heap = new Int32Array(streamCount);
  }

  /** The number of streams in the heap. */
  get size(): number {
    return this.n;
  }

  /** Adds stream `i`, whose key must already be in `keys[i]`. */
  push(i: number): void {
    const h = this.heap, k = this.keys;
    let pos = this.n++;
    const key = k[i]!;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const p = h[parent]!;
      const pk = k[p]!;
      if (pk < key || (pk === key && p < i)) break;
      h[pos] = p;
      pos = parent;
    }
    h[pos] = i;
  }

  /** The stream with the smallest key (ties: smallest index), or -1 when empty. */
  top(): number {
    return this.n > 0 ? this.heap[0]! : -1;
  }

  /** Restores the heap after the top stream's key grew. */
  replaceTop(): void {
    this.siftDown(this.heap[0]!);
  }

  /** Removes the top stream (it has no more items). */
  popTop(): void {
    const last = this.heap[--this.n]!;
    if (this.n > 0) this.siftDown(last);
  }

  private siftDown(i: number): void {
    const h = this.heap, k = this.keys, n = this.n;
    const key = k[i]!;
    let pos = 0;
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= n) break;
      let c = h[child]!;
      let ck = k[c]!;
      const right = child + 1;
      if (right < n) {
        const r = h[right]!;
        const rk = k[r]!;
        if (rk < ck || (rk === ck && r < c)) {
          child = right;
          c = r;
          ck = rk;
        }
      }
      if (key < ck || (key === ck && i < c)) break;
      h[pos] = c;
      pos = child;
    }
    h[pos] = i;
  }
}
