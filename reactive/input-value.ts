/**
 * Returns the values of an input control as a generator: its current value, then a new value after each
 * "input" event (Observable's `Generators.input`, which the runtime no longer bundles). A cell defined by
 * it re-runs everything that depends on it when the control moves.
 * @example main.define("threshold", ["viewof threshold"], inputValue);
 */
export async function* inputValue<T>(element: HTMLElement & { value: T }): AsyncGenerator<T> {
  let changed: (() => void) | undefined;
  let dirty = false;
  const onInput = (): void => {
    dirty = true;
    changed?.();
  };
  element.addEventListener("input", onInput);
  try {
    yield element.value;
    for (;;) {
      if (!dirty) await new Promise<void>((resolve) => (changed = resolve));
      dirty = false;
      yield element.value;
    }
  } finally {
    element.removeEventListener("input", onInput);
  }
}
