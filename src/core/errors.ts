/**
 * Error codes of regime-lab, one per kind of fault. Data faults name the file, row and column;
 * option faults name the argument.
 */
export type ErrorCode =
  | "INVALID_OPTION"
  | "MISSING_COLUMN"
  | "NOT_A_NUMBER"
  | "INVALID_TIMESTAMP"
  | "HIGH_BELOW_LOW"
  | "OPEN_OUTSIDE_RANGE"
  | "CLOSE_OUTSIDE_RANGE"
  | "NON_POSITIVE_PRICE"
  | "NEGATIVE_VOLUME"
  | "UNSORTED_TIMESTAMPS"
  | "DUPLICATE_TIMESTAMP"
  | "UNKNOWN_TIME_ZONE"
  | "EMPTY_DATA"
  | "UNSORTED_STREAM"
  | "SCHEMA_MISMATCH"
  | "ENGINE_STATE"
  | "NOT_ENOUGH_DATA"
  | "LOOKAHEAD"
  | "REACTIVE_CYCLE"
  | "CANCELLED"
  | "QUEUE_ERROR";

/**
 * The base of every error regime-lab throws: a `code`, a message that says what was wrong, what was
 * expected, what was given and how to fix it, and `details` as plain data.
 */
export class EngineError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "EngineError";
    this.code = code;
    this.details = details;
  }
}

/** An option or argument outside its domain, e.g. `invalid fast: "-3" (expected a positive integer)`. */
export class InvalidOptionError extends EngineError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("INVALID_OPTION", message, details);
    this.name = "InvalidOptionError";
  }
}

/** One problem found in bar data: where it is (source, 1-based row and file line, column) and what. */
export interface DataIssue {
  readonly code: ErrorCode;
  readonly source: string;
  /** 1-based data row (the first bar is row 1); 0 when the issue concerns the whole input. */
  readonly row: number;
  /** 1-based line in a text file (header included), when the source is a text file. */
  readonly line?: number;
  readonly column?: string;
  readonly value?: string;
  readonly message: string;
}

/**
 * Bar data that breaks a rule: missing column, bad number, high below low, unsorted time... The
 * message lists the first issues with their file, row and column; `issues` holds all of them.
 */
export class SchemaError extends EngineError {
  readonly issues: readonly DataIssue[];
  constructor(issues: readonly DataIssue[], hint = "") {
    const shown = issues.slice(0, 5).map((i) => `  - ${i.message}`).join("\n");
    const more = issues.length > 5 ? `\n  ... and ${issues.length - 5} more issue(s)` : "";
    const first = issues[0];
    super(
      first?.code ?? "SCHEMA_MISMATCH",
      `invalid bar data in ${first?.source ?? "input"}: ${issues.length} issue(s)\n${shown}${more}${hint ? `\n${hint}` : ""}`,
      { issues: issues.slice(0, 100), issueCount: issues.length },
    );
    this.name = "SchemaError";
    this.issues = issues;
  }
}

/** A stream that goes back in time, e.g. a data handler whose bars are not sorted by close time. */
export class UnsortedStreamError extends EngineError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("UNSORTED_STREAM", message, details);
    this.name = "UnsortedStreamError";
  }
}

/** Something asked of an object in the wrong state, e.g. stepping an engine past its end. */
export class EngineStateError extends EngineError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("ENGINE_STATE", message, details);
    this.name = "EngineStateError";
  }
}

/** A result asked for before enough data has been seen (an indicator still warming up). */
export class NotEnoughDataError extends EngineError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("NOT_ENOUGH_DATA", message, details);
    this.name = "NotEnoughDataError";
  }
}

/** A read of data from after the current time: a bug that would make a backtest look into the future. */
export class LookaheadError extends EngineError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("LOOKAHEAD", message, details);
    this.name = "LookaheadError";
  }
}

/** Thrown when a long job (a sweep) is cancelled through its AbortSignal; details say how far it got. */
export class CancelledError extends EngineError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("CANCELLED", message, details);
    this.name = "CancelledError";
  }
}

/** Thrown when a job queue cannot be reached or a queued job fails; the message names the queue and the cause. */
export class QueueError extends EngineError {
  constructor(message: string, details: Record<string, unknown> = {}, cause?: unknown) {
    super("QUEUE_ERROR", message, details, cause);
    this.name = "QueueError";
  }
}
