/**
 * The engine's first-in, first-out event queue: a ring buffer that doubles when full, so pushing and
 * taking allocate nothing once it has grown to a step's size.
 * @example
 * const queue = new EventQueue<EngineEvent>();
 * queue.push(event);
 * while (!queue.isEmpty) handle(queue.take());
 */
export class EventQueue<T> {
  private items: (T | undefined)[] = new Array(16).fill(undefined);
  private head = 0;
  private count = 0;

  /** True when no event waits. */
  get isEmpty(): boolean {
    return this.count === 0;
  }

  /** The number of events waiting. */
  get size(): number {
    return this.count;
  }

  /** Appends an event at the back. */
  push(item: T): void {
    const items = this.items;
    if (this.count === items.length) {
      this.items = [...this.toArray(), ...new Array(items.length).fill(undefined)];
      this.head = 0;
    }
    const n = this.items.length;
    let tail = this.head + this.count;
    if (tail >= n) tail -= n;
    this.items[tail] = item;
    this.count++;
  }

  /** Removes and returns the front event; call only when not empty. */
  take(): T {
    const items = this.items;
    const item = items[this.head] as T;
    items[this.head] = undefined;
    this.head = this.head + 1 === items.length ? 0 : this.head + 1;
    this.count--;
    return item;
  }

  /** Returns the waiting events, front first, as a new array. */
  toArray(): T[] {
    const out: T[] = [];
    const n = this.items.length;
    for (let k = 0; k < this.count; k++) out.push(this.items[(this.head + k) % n] as T);
    return out;
  }

  /** Drops every waiting event. */
  clear(): void {
    this.items.fill(undefined);
    this.head = 0;
    this.count = 0;
  }
}
