import { invalid } from "../core/check.js";

/** What {@link trackingScope} returns: the values object handed to a computation and what it read. */
export interface TrackingScope {
  /** Reads a name through `read` and records it; read-only. */
  readonly values: Record<string, unknown>;
  /** The names read so far, in the order first read. */
  readonly reads: ReadonlySet<string>;
  /** Ends the recording: later reads throw, since they could not be tracked. */
  close(): void;
}

/**
 * Returns a values object whose property reads are recorded as dependencies of `owner`, so that a
 * computation such as `({ fast, slow }) => …` declares what it depends on by reading it. Reading all
 * names (`{ ...values }`) depends on all of them. After `close()` (when the computation returned,
 * i.e. an async one reached its first `await`) reads throw a message that says how to fix it.
 * @example const scope = trackingScope("chart", () => ["fast"], (n) => 10); scope.values.fast; [...scope.reads] // ["fast"]
 */
export function trackingScope(owner: string, names: () => readonly string[], read: (name: string) => unknown): TrackingScope {
  const reads = new Set<string>();
  let open = true;
  const track = (name: string): void => {
    if (!open) {
      invalid(`read in ${JSON.stringify(owner)}`, name, "values read before the first await",
        `read them in the argument list, e.g. async ({ ${name} }) => …, so that they are tracked`);
    }
    reads.add(name);
  };
  const get = (name: string): unknown => (track(name), read(name));
  const readOnly = (key: string | symbol): never =>
    invalid(`write in ${JSON.stringify(owner)}`, String(key), "no writes (values are read-only)", "set a parameter with param(name, value)");
  const values = new Proxy({} as Record<string, unknown>, {
    // "then" is read when the object reaches `await` or a Promise; it is never a name (see checkName).
    get: (_target, key) => (typeof key === "symbol" || key === "then" ? undefined : get(key)),
    has: (_target, key) => typeof key === "string" && (track(key), names().includes(key)),
    ownKeys: () => names().filter((name) => (track(name), true)),
    getOwnPropertyDescriptor: (_target, key) =>
      typeof key === "string" && names().includes(key) ? { value: get(key), enumerable: true, configurable: true, writable: false } : undefined,
    set: (_target, key) => readOnly(key),
    defineProperty: (_target, key) => readOnly(key),
    deleteProperty: (_target, key) => readOnly(key),
  });
  return { values, reads, close: () => void (open = false) };
}
