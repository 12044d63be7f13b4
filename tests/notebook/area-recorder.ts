import type { DisplaySink } from "../../src/notebook/display-sink.js";

/** A display sink whose `newDisplay()` areas record what each is sent, as "kind:content" strings. */
export function areaRecorder(): { readonly display: DisplaySink; readonly areas: string[][]; readonly top: string[] } {
  const areas: string[][] = [];
  const top: string[] = [];
  const sink = (out: string[]): DisplaySink => ({
    html: (s) => void out.push(`html:${s}`),
    svg: (s) => void out.push(`svg:${s}`),
    markdown: (s) => void out.push(`markdown:${s}`),
    text: (s) => void out.push(`text:${s}`),
  });
  const display: DisplaySink = {
    ...sink(top),
    newDisplay() {
      const area: string[] = [];
      areas.push(area);
      return sink(area);
    },
  };
  return { display, areas, top };
}
