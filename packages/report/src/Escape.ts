/**
 * Escaping for the one-file report: text into HTML, JSON into a `<script>` element, and JavaScript into a
 * `<script>` element, so that no name or value in the results can close an element or inject markup.
 */

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;"
  )

/**
 * Serialises a value as JSON that is safe inside `<script type="application/json">`: `<` becomes `\u003c` (so
 * `</script>` and `<!--` cannot appear), and U+2028/U+2029 are escaped as well. `JSON.parse` reads it back
 * unchanged.
 */
export const embedJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")

/**
 * Makes script source safe to inline in a `<script>` element: `</script` and `<!--` cannot be written there
 * literally, so their `<` is escaped. Inside strings, template literals and regular expressions `<\/` and
 * `\x3C!--` read the same; the bundler emits no such text outside them.
 */
export const embedScript = (source: string): string =>
  source.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "\\x3C!--")
