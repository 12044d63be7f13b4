/** Where rendered notebook output goes: one method per MIME type, as tslab's `display` has. */
export interface DisplaySink {
  html(content: string): void;
  svg(content: string): void;
  markdown(content: string): void;
  text(content: string): void;
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
    const display = (require(name) as { display?: DisplaySink }).display;
    if (display === undefined) return null;
    // Outside a running kernel tslab's display throws "Not ready": output then goes nowhere.
    const safe = (send: (content: string) => void) => (content: string) => {
      try {
        send.call(display, content);
      } catch (error) {
        if (!(error instanceof Error && error.message === "Not ready")) throw error;
      }
    };
    return { html: safe(display.html), svg: safe(display.svg), markdown: safe(display.markdown), text: safe(display.text) };
  } catch {
    return null;
  }
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
