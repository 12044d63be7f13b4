import { SchemaError } from "../core/errors.js";
import { isTimeZone } from "../core/time.js";

/**
 * Returns the exchange zone of a bar source when the runtime knows it, or throws SchemaError with
 * code UNKNOWN_TIME_ZONE naming the source and the zone (a zone decides how every time is read).
 * @example checkBarTimeZone("America/New_York", "x.csv") // "America/New_York"
 */
export function checkBarTimeZone(zone: unknown, source: string, hint = ""): string {
  if (isTimeZone(zone)) return zone;
  throw new SchemaError([{
    code: "UNKNOWN_TIME_ZONE", source, row: 0, column: "timeZone", value: String(zone),
    message: `${source}: invalid timeZone: ${JSON.stringify(zone) ?? String(zone)} (expected an IANA time zone such as "America/New_York" or "UTC")${hint ? `; ${hint}` : ""}`,
  }]);
}
