/**
 * Returns the problems that keep `markup` from being well-formed XML with one root element: unbalanced
 * or crossed tags, text after the root, bare "&" or "<". A small checker for tests (there is no XML
 * parser in Node); enough for the markup Plot and renderSvg write (no CDATA, comments or DOCTYPE).
 */
export function xmlProblems(markup: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[^>]*\?>|([^<]+)|(<)/g;
  for (const m of markup.matchAll(token)) {
    const [, close, name, , selfClose, text, bareLt] = m;
    if (bareLt) problems.push(`bare "<" at ${m.index}`);
    else if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) problems.push(`bare "&" in text at ${m.index}`);
      if (stack.length === 0 && text.trim() !== "") problems.push(`text outside the root at ${m.index}`);
    } else if (name !== undefined) {
      if (close) {
        const open = stack.pop();
        if (open !== name) problems.push(`</${name}> closes <${open}> at ${m.index}`);
      } else {
        if (stack.length === 0) roots++;
        if (!selfClose) stack.push(name);
      }
    }
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.join("> <")}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
