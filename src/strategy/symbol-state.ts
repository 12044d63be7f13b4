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
  private readonly byIndex: (T | undefined)[] = [];
  private readonly indexSymbols: (string | undefined)[] = [];

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

  /**
   * Returns the state of `symbol`, creating it on first use, with `index` (e.g. the engine's symbol
   * index) as a hint: the state is cached by index, so a run over many symbols does no map lookup per
   * bar. The cache checks the symbol, so a wrong or changed index only costs a lookup.
   */
  at(index: number, symbol: string): T {
    const cached = this.byIndex[index];
    if (cached !== undefined && this.indexSymbols[index] === symbol) return cached;
    const state = this.get(symbol);
    if (index >= 0 && index < 65_536 && index === (index | 0)) {
      while (this.byIndex.length <= index) {
        this.byIndex.push(undefined);
        this.indexSymbols.push(undefined);
      }
      this.byIndex[index] = state;
      this.indexSymbols[index] = symbol;
    }
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
    this.byIndex.length = 0;
    this.indexSymbols.length = 0;
    this.lastSymbol = undefined;
    this.lastState = undefined;
  }
}
