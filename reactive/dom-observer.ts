import type { Observer } from "@observablehq/runtime";

/**
 * Returns a runtime observer that shows a cell's value in a page element: a DOM node replaces the
 * element's content, any other value is shown as text, and an error is shown and logged to the console
 * (so a page test sees it).
 * @example main.variable(domObserver(document.querySelector("#chart")!)).define("chart", ["bars"], draw);
 */
export function domObserver(element: Element): Observer {
  return {
    pending() {
      element.classList.add("pending");
    },
    fulfilled(value) {
      element.classList.remove("pending");
      if (value instanceof Node) element.replaceChildren(value);
      else element.replaceChildren(document.createTextNode(String(value)));
    },
    rejected(error, name) {
      element.classList.remove("pending");
      const message = error instanceof Error ? error.message : String(error);
      console.error(`cell ${name ?? "(anonymous)"} failed: ${message}`);
      const pre = document.createElement("pre");
      pre.className = "error";
      pre.textContent = message;
      element.replaceChildren(pre);
    },
  };
}
