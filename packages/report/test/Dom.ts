/**
 * Test helpers: a fresh server-side DOM (linkedom) to draw charts into, and small queries over the result.
 */
import { parseHTML } from "linkedom"
import type { Chart, ChartInput } from "../src/draw/Chart.ts"
import { type El, wrap } from "../src/draw/Frame.ts"

/** A fresh document's `<main>`, as a chart parent. */
export const freshRoot = (): { root: El<Element>; element: Element } => {
  const { document } = parseHTML("<!doctype html><html><head></head><body><main></main></body></html>")
  const element = document.querySelector("main") as unknown as Element
  return { root: wrap(element), element }
}

/** Draws one chart into a fresh document and returns its figure element. */
export const draw = (chart: Chart, input: ChartInput): Element => {
  const { root } = freshRoot()
  return chart(root, input).node() as Element
}

/** Counts the elements matching a selector. */
export const count = (el: Element, selector: string): number => el.querySelectorAll(selector).length

/** The text of every element matching a selector. */
export const texts = (el: Element, selector: string): Array<string> =>
  Array.from(el.querySelectorAll(selector)).map((e) => e.textContent ?? "")
