/**
 * Per-symbol state for strategies: `get(symbol)` returns the symbol's state, created by `create` the
 * first time the symbol is seen. The last symbol looked up is cached, so a single-symbol run does no map
 * lookup per bar.
 * @example
 * const smas = new SymbolState(() => new SMA(20));
 * smas.get(event.symbol).update(event.bar.close);
 */
export class SymbolState<T> {
  private readonly create: (symbol: string) => T;
  private readonly states = new Map<string, T>();
  private lastSymbol: string | undefined = undefined;
  private lastState: T | undefined = undefined;

  constructor(create: (symbol: string) => T) {
    this.create = create;
  }

  /** Returns the state of `symbol`, creating it on first use. */
  get(symbol: string): T {
    if (symbol === this.lastSymbol) return this.lastState as T;
    let state = this.states.get(symbol);
    if (state === undefined) {
      state = this.create(symbol);
      this.states.set(symbol, state);
    }
    this.lastSymbol = symbol;
    this.lastState = state;
    return state;
  }

  /** Returns the state of `symbol` if it has been seen, without creating it. */
  peek(symbol: string): T | undefined {
    return this.states.get(symbol);
  }

  /** The symbols seen so far, in the order first seen. */
  symbols(): string[] {
    return [...this.states.keys()];
  }

  /** Forgets every symbol. */
  clear(): void {
    this.states.clear();
    this.lastSymbol = undefined;
    this.lastState = undefined;
  }
}
