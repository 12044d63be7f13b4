/**
 * Defines `key` on `target` as a value computed on first read and then kept (the property becomes a
 * plain data property), so that costly parts of a result are only built when someone looks at them.
 * @example
 * const result = defineLazy({ a: 1 }, "table", () => buildTable());
 * result.table; // built now, once
 */
export function defineLazy<T extends object, K extends string, V>(target: T, key: K, compute: () => V): T & { readonly [P in K]: V } {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(this: T) {
      const value = compute();
      Object.defineProperty(this, key, { value, enumerable: true, configurable: false, writable: false });
      return value;
    },
  });
  return target as T & { readonly [P in K]: V };
}
