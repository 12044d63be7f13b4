import { currentDisplay, type DisplaySink } from "./display-sink.js";
import { renderOutput, type RenderedOutput, type RenderOutputOptions } from "./render-output.js";

/** Options of {@link show}. */
export interface ShowOptions extends RenderOutputOptions {
  /** Where the output goes. Default: the sink given to `setDisplay`, else tslab's display in a tslab kernel, else nowhere. */
  readonly display?: DisplaySink;
}

/** The `show` function with its helpers. */
export interface Show {
  /** Displays a chart, table, array, object or value in the notebook; see `renderOutput` for how each looks. */
  (x: unknown, options?: ShowOptions): void;
  /** Displays markdown text. */
  markdown(text: string, options?: Pick<ShowOptions, "display">): void;
  /** Returns what `show` would display, without displaying it. */
  render(x: unknown, options?: RenderOutputOptions): RenderedOutput;
}

function send(output: RenderedOutput, sink: DisplaySink | undefined): void {
  sink?.[output.kind](output.content);
}

/**
 * Displays a value in a tslab notebook cell and returns nothing: Plot options (e.g. from `priceChart`)
 * as one SVG image, which GitHub renders in committed notebooks; Arrow and arquero tables and arrays
 * of objects as an HTML table of their first rows (`rows`, default 10) with column types, instants as
 * ISO UTC strings, and a "5,104 rows × 7 columns" line; plain objects as a key/value table. It returns
 * nothing because tslab prints a cell's last value as text, which would repeat the whole markup;
 * `show.render(x)` returns the markup instead. Works outside a kernel too (output goes to the sink
 * set with `setDisplay`, or nowhere).
 * @example show(priceChart(bars)); show(bars, { rows: 5 }); show.markdown("## Regimes")
 */
export const show: Show = Object.assign(
  (x: unknown, options: ShowOptions = {}): void => {
    const { display, ...rest } = options;
    send(renderOutput(x, rest), display ?? currentDisplay());
  },
  {
    markdown(text: string, options: Pick<ShowOptions, "display"> = {}): void {
      send({ kind: "markdown", content: String(text) }, options.display ?? currentDisplay());
    },
    render: renderOutput,
  },
);
