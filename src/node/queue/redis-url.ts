import { invalid } from "../../core/check.js";

/**
 * Returns `url` checked as a Redis URL ("redis://host:port[/db]" or "rediss://..." for TLS); anything
 * else throws InvalidOptionError naming `name`.
 * @example checkRedisUrl("redis", "redis://127.0.0.1:6379") // "redis://127.0.0.1:6379"
 */
export function checkRedisUrl(name: string, url: unknown): string {
  const expected = 'a Redis URL such as "redis://127.0.0.1:6379"';
  if (typeof url !== "string" || url === "") return invalid(name, url, expected);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return invalid(name, url, expected);
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") invalid(name, url, expected, `"${parsed.protocol}" is not redis: or rediss:`);
  if (parsed.hostname === "") invalid(name, url, expected, "the host is missing");
  return url;
}

/**
 * Returns the URL as messages show it: any password replaced by "***".
 * @example displayRedisUrl("redis://:secret@db:6379") // "redis://:***@db:6379"
 */
export function displayRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === "") return url;
    parsed.password = "***";
    return parsed.toString();
  } catch {
    return url;
  }
}
