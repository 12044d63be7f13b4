/**
 * Keeps the most recent `capacity` events of a step report in a ring buffer and counts the ones it had
 * to drop, so that stepping through a long stretch cannot fill memory with event objects.
 * @example
 * const capture = new EventCapture<EngineEvent>(1000);
 * capture.push(event);
 * const { events, dropped } = capture.drain();
 */
export class EventCapture<T> {
  readonly capacity: number;
  private readonly ring: T[] = [];
  private next = 0;
  private dropped = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** Records an event, dropping the oldest when full. */
  push(item: T): void {
    if (this.capacity === 0) {
      this.dropped++;
      return;
    }
    if (this.ring.length < this.capacity) {
      this.ring.push(item);
      return;
    }
    this.ring[this.next] = item;
    this.next = this.next + 1 === this.capacity ? 0 : this.next + 1;
    this.dropped++;
  }

  /** Returns the kept events, oldest first, with the number dropped, and empties the capture. */
  drain(): { events: T[]; dropped: number } {
    const events = this.ring.length < this.capacity ? this.ring.slice() : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
    const dropped = this.dropped;
    this.ring.length = 0;
    this.next = 0;
    this.dropped = 0;
    return { events, dropped };
  }
}
