/** Returns the inner markup of the first `<g>` whose attributes contain `attribute` (e.g. 'aria-description="buy"'), or "". */
export function groupOf(svg: string, attribute: string): string {
  const start = svg.indexOf(attribute);
  if (start < 0) return "";
  const open = svg.indexOf(">", start) + 1;
  let depth = 1;
  const tag = /<(\/?)g\b[^>]*?(\/?)>/g;
  tag.lastIndex = open;
  for (let m = tag.exec(svg); m !== null; m = tag.exec(svg)) {
    if (m[2]) continue;
    depth += m[1] ? -1 : 1;
    if (depth === 0) return svg.slice(open, m.index);
  }
  return "";
}

/** Returns how many times `tag` opens in `markup` (e.g. "path"). */
export const countTags = (markup: string, tag: string) => markup.match(new RegExp(`<${tag}\\b`, "g"))?.length ?? 0;

/** Returns the texts of the `<text>` elements in `markup` (tspans joined by a newline). */
export const texts = (markup: string) =>
  [...markup.matchAll(/<text\b[^>]*>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<tspan[^>]*>(.*?)<\/tspan>/g, "$1\n").replace(/\n$/, ""));
