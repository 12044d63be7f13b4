/**
 * Returns true when `value` is a plain instance of a class: its prototype is exactly `prototype` (not
 * a subclass's) and its own properties are all among `fields`, so none of the class's methods is
 * overridden, and calling them runs only the class's own code. The engine uses it to tell library
 * objects it may call without publishing its state first from user code.
 * @example
 * isPlainInstance(new BpsSlippage(), BpsSlippage.prototype, ["bps", "up", "down", "name"]); // true
 */
export function isPlainInstance(value: unknown, prototype: object, fields: readonly string[]): boolean {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === prototype
    && Object.getOwnPropertyNames(value).every((k) => fields.includes(k));
}
