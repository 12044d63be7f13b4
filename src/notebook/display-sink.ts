/** Where rendered notebook output goes: one method per MIME type, as tslab's `display` has. */
export interface DisplaySink {
  html(content: string): void;
  svg(content: string): void;
  markdown(content: string): void;
  text(content: string): void;
  /** Returns a new output area that each call overwrites in place (tslab's `newDisplay()`); optional. */
  newDisplay?(): DisplaySink;
}

interface TslabDisplay {
  html(s: string): void;
  svg(s: string): void;
  markdown(s: string): void;
  text(s: string): void;
}

let injected: DisplaySink | undefined;
let kernel: DisplaySink | null | undefined;

/** Returns tslab's display when running in a tslab kernel, otherwise null. Loaded on first use only. */
function kernelDisplay(): DisplaySink | null {
  // tslab compiles modules to CommonJS, where `require` exists; in ESM (vitest, browsers) it does not.
  // The module name is a variable so that bundlers do not try to pull tslab into browser bundles.
  const name = "tslab";
  if (typeof require !== "function") return null;
  try {
    const tslab = require(name) as { display?: TslabDisplay; newDisplay?: () => TslabDisplay };
    if (tslab.display === undefined) return null;
    const newDisplay = tslab.newDisplay;
    return safeSink(tslab.display, newDisplay === undefined ? undefined : () => safeSink(newDisplay()));
  } catch {
    return null;
  }
}

/** Wraps a tslab display so that, outside a running kernel (where it throws "Not ready"), output goes nowhere. */
function safeSink(display: TslabDisplay, newDisplay?: () => DisplaySink): DisplaySink {
  const safe = (send: (content: string) => void) => (content: string) => {
    try {
      send.call(display, content);
    } catch (error) {
      if (!(error instanceof Error && error.message === "Not ready")) throw error;
    }
  };
  const sink: DisplaySink = { html: safe(display.html), svg: safe(display.svg), markdown: safe(display.markdown), text: safe(display.text) };
  return newDisplay === undefined ? sink : { ...sink, newDisplay };
}

/**
 * Sets where `show` sends its output, e.g. a recording sink in tests; `undefined` goes back to the
 * default, tslab's display when running in a tslab kernel.
 * @example setDisplay({ html: (s) => out.push(s), svg: (s) => out.push(s), markdown: (s) => out.push(s), text: (s) => out.push(s) })
 */
export function setDisplay(sink: DisplaySink | undefined): void {
  injected = sink;
}

/**
 * Returns the sink set with `setDisplay`, else tslab's display when tslab can be loaded (in a kernel),
 * else undefined.
 * @example currentDisplay()?.markdown("**note**")
 */
export function currentDisplay(): DisplaySink | undefined {
  if (injected !== undefined) return injected;
  if (kernel === undefined) kernel = kernelDisplay();
  return kernel ?? undefined;
}
