// The small parts of @observablehq/runtime and @observablehq/inputs the pages use: neither package
// ships type declarations.

declare module "@observablehq/runtime" {
  /** Receives a variable's state changes; a variable without one is not computed. */
  export interface Observer {
    pending?(): void;
    fulfilled?(value: unknown, name?: string | null): void;
    rejected?(error: unknown, name?: string | null): void;
  }
  export class Variable {
    define(name: string | null, inputs: readonly string[], definition: (...inputs: any[]) => unknown): this;
    define(name: string | null, definition: (...inputs: any[]) => unknown): this;
    delete(): void;
  }
  export class Module {
    variable(observer?: Observer | boolean): Variable;
    define(name: string | null, inputs: readonly string[], definition: (...inputs: any[]) => unknown): Variable;
    redefine(name: string, inputs: readonly string[], definition: (...inputs: any[]) => unknown): Variable;
    value(name: string): Promise<unknown>;
  }
  export class Runtime {
    constructor(builtins?: Record<string, unknown>, global?: (name: string) => unknown);
    module(): Module;
    dispose(): void;
  }
  export class RuntimeError extends Error {}
}

declare module "@observablehq/inputs" {
  /** A form element whose `value` is the control's value; it fires "input" when the user changes it. */
  export type InputElement<T> = HTMLElement & { value: T };
  export function range(
    extent?: readonly [number, number],
    options?: { label?: string; step?: number; value?: number; width?: number },
  ): InputElement<number>;
  export function select<T>(
    data: readonly T[],
    options?: { label?: string; value?: T; format?: (value: T) => string },
  ): InputElement<T>;
  export function checkbox<T>(
    data: readonly T[],
    options?: { label?: string; value?: readonly T[]; format?: (value: T) => string },
  ): InputElement<T[]>;
}
