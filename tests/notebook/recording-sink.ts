import type { DisplaySink } from "../../src/notebook/display-sink.js";

/** A display sink that records what it is sent, as [kind, content] pairs. */
export function recordingSink(): DisplaySink & { readonly outputs: [string, string][] } {
  const outputs: [string, string][] = [];
  return {
    outputs,
    html: (s) => void outputs.push(["html", s]),
    svg: (s) => void outputs.push(["svg", s]),
    markdown: (s) => void outputs.push(["markdown", s]),
    text: (s) => void outputs.push(["text", s]),
  };
}
