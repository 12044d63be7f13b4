import type { DisplaySink } from "./display-sink.js";
import type { RenderOutputOptions } from "./render-output.js";

/** The values a derivation or view reads, by name: every parameter and derived value. */
export type ReactiveValues = Readonly<Record<string, any>>;

/** One named parameter, derived value or view of a reactive graph, with its current state. */
export interface ReactiveNode {
  readonly name: string;
  readonly kind: "param" | "derive" | "view";
  /** How a derived value or view is computed from the values it reads. */
  readonly compute?: (values: ReactiveValues) => unknown;
  /** The output area a view renders into, overwritten on each run when it supports that. */
  readonly area?: DisplaySink;
  /** How a view's value is rendered. */
  readonly render?: RenderOutputOptions;
  value: unknown;
  failed: boolean;
  error: unknown;
  /** The names read by the last run. */
  deps: ReadonlySet<string>;
  /** Counts runs started; a run whose number is no longer current has been superseded and is dropped. */
  token: number;
  /** Settles when the run in progress (async) is done; never rejects. */
  pending: Promise<void> | undefined;
  /** Whether a view has sent anything to its area yet. */
  shown: boolean;
}

/** Returns a new node in its initial state: no value, no dependencies, not running. */
export function reactiveNode(fields: Pick<ReactiveNode, "name" | "kind"> & Partial<ReactiveNode>): ReactiveNode {
  return { value: undefined, failed: false, error: undefined, deps: new Set(), token: 0, pending: undefined, shown: false, ...fields };
}

/** Thrown by a read of a derived value still being computed: the reader runs again once it is ready. */
export class PendingRead {
  readonly ready: Promise<void>;
  constructor(ready: Promise<void>) {
    this.ready = ready;
  }
}
