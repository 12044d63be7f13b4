import { escapeMarkup } from "../core/escape-markup.js";

/** The parts of a DOM node read when writing it out (declared so no DOM library types are needed). */
export interface SerializableNode {
  readonly nodeType: number;
  readonly localName?: string | null;
  readonly nodeName: string;
  readonly nodeValue?: string | null;
  readonly attributes?: ArrayLike<{ readonly name: string; readonly value: string }>;
  readonly childNodes: ArrayLike<SerializableNode>;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/**
 * Returns a DOM element and its descendants as well-formed XML: attribute values and text escaped,
 * empty elements self-closed, comments dropped. Virtual DOMs write HTML, which leaves `&` and `<`
 * raw inside attribute values (a link's query string, a label) and so breaks SVG files.
 * @example serializeSvg(Plot.plot({ document: plotDocument(), marks: [] }))
 */
export function serializeSvg(node: SerializableNode): string {
  const out: string[] = [];
  const write = (n: SerializableNode): void => {
    if (n.nodeType === TEXT || n.nodeType === CDATA) {
      out.push(escapeMarkup(n.nodeValue ?? ""));
      return;
    }
    if (n.nodeType !== ELEMENT) return;
    const name = n.localName ?? n.nodeName;
    out.push(`<${name}`);
    const attributes = n.attributes ?? [];
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes[i]!;
      out.push(` ${a.name}="${escapeMarkup(a.value)}"`);
    }
    if (n.childNodes.length === 0) {
      out.push("/>");
      return;
    }
    out.push(">");
    for (let i = 0; i < n.childNodes.length; i++) write(n.childNodes[i]!);
    out.push(`</${name}>`);
  };
  write(node);
  return out.join("");
}
