/**
 * Tooltips: charts give each mark an SVG `<title>`; in the browser the viewer moves it into a `data-tip`
 * attribute (so the slow native tooltip does not appear as well) and shows it at once in a styled box that
 * follows the pointer.
 */

/** Moves every SVG mark's `<title>` into its `data-tip` attribute. */
export const liftTitles = (root: Element): void => {
  for (const title of Array.from(root.querySelectorAll("svg title"))) {
    const mark = title.parentElement
    if (mark === null) continue
    mark.setAttribute("data-tip", title.textContent ?? "")
    title.remove()
  }
}

/** Shows the hovered mark's `data-tip` in `box`, next to the pointer. */
export const installTooltip = (root: Element, box: HTMLElement): void => {
  const place = (event: PointerEvent): void => {
    const pad = 14
    const { innerWidth, innerHeight } = window
    const rect = box.getBoundingClientRect()
    const left = event.clientX + pad + rect.width > innerWidth ? event.clientX - pad - rect.width : event.clientX + pad
    const top =
      event.clientY + pad + rect.height > innerHeight ? event.clientY - pad - rect.height : event.clientY + pad
    box.style.left = `${Math.max(0, left)}px`
    box.style.top = `${Math.max(0, top)}px`
  }
  root.addEventListener("pointerover", (event) => {
    const target = event.target instanceof Element ? event.target.closest("[data-tip]") : null
    if (target === null) {
      box.hidden = true
      return
    }
    box.textContent = target.getAttribute("data-tip")
    box.hidden = false
    place(event as PointerEvent)
  })
  root.addEventListener("pointermove", (event) => {
    if (!box.hidden) place(event as PointerEvent)
  })
  root.addEventListener("pointerleave", () => {
    box.hidden = true
  })
}
