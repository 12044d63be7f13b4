import { escapeMarkup } from "../core/escape-markup.js";
import { renderOutput, type RenderedOutput, type RenderOutputOptions } from "./render-output.js";

/** How a reactive computation ended: with a value or with an error. */
export type Outcome = { readonly status: "ok"; readonly value: unknown } | { readonly status: "failed"; readonly error: unknown };

/** Returns the text of an error as `Name: message` (without the stack, which holds file paths). */
export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : `thrown: ${String(error)}`;
}

/**
 * Returns what a reactive view shows for how its run ended: its value rendered as `show` renders it
 * (nothing at all, an empty text, for undefined), or, for an error, the view's name and the error's
 * message in red, so that one failing view does not hide the others.
 * @example viewOutput("chart", { status: "failed", error: new Error("no bars") }).content // '<pre …>view "chart" failed: Error: no bars</pre>'
 */
export function viewOutput(name: string, outcome: Outcome, options: RenderOutputOptions = {}): RenderedOutput {
  if (outcome.status === "ok") {
    if (outcome.value === undefined) return { kind: "text", content: "" };
    try {
      return renderOutput(outcome.value, options);
    } catch (error) {
      return viewOutput(name, { status: "failed", error }, options);
    }
  }
  const text = `view ${JSON.stringify(name)} failed: ${errorText(outcome.error)}`;
  return { kind: "html", content: `<pre style="color:#b00020;white-space:pre-wrap">${escapeMarkup(text)}</pre>` };
}
