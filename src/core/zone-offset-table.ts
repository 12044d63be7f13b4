const QUARTER_HOUR = 900_000;
const DAY = 86_400_000;
const BLOCK = 64 * DAY;

/**
 * The UTC offsets of one time zone, worked out block by block (64 days at a time) from a function that
 * reads the offset at an instant from the IANA database (through Intl, slow), so that each later
 * lookup is a search in a short list. It relies on two facts of the database since 1900: offsets
 * change only at quarter-hour instants, and at most once between two consecutive UTC midnights. A
 * block costs about 70 reads of the database, once.
 * @example new ZoneOffsetTable((t) => readOffset("America/New_York", t)).offsetAt(Date.UTC(2024, 6, 1))
 */
export class ZoneOffsetTable {
  private readonly read: (quarterHourUtc: number) => number;
  private readonly blocks = new Map<number, { readonly starts: number[]; readonly offsets: number[] }>();

  constructor(read: (quarterHourUtc: number) => number) {
    this.read = read;
  }

  /** Returns the offset (local = utc + offset, in ms) in force at `utcMs`. */
  offsetAt(utcMs: number): number {
    const at = Math.floor(utcMs / QUARTER_HOUR) * QUARTER_HOUR;
    const key = Math.floor(at / BLOCK);
    let block = this.blocks.get(key);
    if (block === undefined) {
      block = this.build(key * BLOCK);
      this.blocks.set(key, block);
    }
    const { starts, offsets } = block;
    let i = starts.length - 1;
    while (starts[i]! > at) i--;
    return offsets[i]!;
  }

  private build(from: number): { starts: number[]; offsets: number[] } {
    const starts = [from], offsets = [this.read(from)];
    let before = offsets[0]!;
    for (let d = 1; d <= 64; d++) {
      const t = from + d * DAY;
      const after = this.read(t);
      if (after === before) continue;
      // The first quarter hour in (t - DAY, t] with the new offset.
      let lo = (t - DAY) / QUARTER_HOUR, hi = t / QUARTER_HOUR;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.read(mid * QUARTER_HOUR) === before) lo = mid;
        else hi = mid;
      }
      if (hi * QUARTER_HOUR < from + BLOCK) {
        starts.push(hi * QUARTER_HOUR);
        offsets.push(after);
      }
      before = after;
    }
    return { starts, offsets };
  }
}
