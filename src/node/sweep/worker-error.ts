import { EngineError } from "../../core/errors.js";

const MARK = "regime-lab:engine-error:";

/**
 * Returns an error that survives the trip from a worker thread: errors cross as plain Errors (their
 * class and `code` are lost), so an EngineError travels as its code, name, message and details in
 * the message, and {@link decodeWorkerError} rebuilds it on the other side.
 */
export function encodeWorkerError(error: unknown): unknown {
  if (!(error instanceof EngineError)) return error;
  return new Error(`${MARK}${JSON.stringify({ code: error.code, name: error.name, message: error.message, details: error.details })}`);
}

/** Returns the EngineError an encoded worker error carries, or the error as it is. */
export function decodeWorkerError(error: unknown): unknown {
  if (!(error instanceof Error) || !error.message.startsWith(MARK)) return error;
  const { code, name, message, details } = JSON.parse(error.message.slice(MARK.length)) as { code: EngineError["code"]; name: string; message: string; details: Record<string, unknown> };
  const rebuilt = new EngineError(code, message, details);
  rebuilt.name = name;
  return rebuilt;
}
