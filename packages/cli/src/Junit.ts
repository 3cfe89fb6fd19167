/**
 * JUnit XML for `ccsim test --junit FILE` (the Ant/Jenkins/GitLab dialect): one `<testsuite>` per scenario file
 * with the scenario and seed as properties, one `<testcase>` per expectation. A breached expectation is a
 * `<failure>` carrying the observed values; a scenario that could not run is an `<error>`.
 */

/** One expectation's outcome. */
export interface JunitCase {
  readonly name: string
  readonly classname: string
  /** Seconds. */
  readonly time: number
  readonly failure?: { readonly message: string; readonly type: string; readonly body: string }
  readonly error?: { readonly message: string; readonly type: string; readonly body: string }
  /** Passing cases: the observed values, as `<system-out>`. */
  readonly output?: string
}

/** One scenario file. */
export interface JunitSuite {
  readonly name: string
  /** Seconds. */
  readonly time: number
  readonly properties: ReadonlyArray<readonly [string, string]>
  readonly cases: ReadonlyArray<JunitCase>
}

// Characters XML 1.0 cannot carry at all, even escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

/** Escapes text for an attribute value or element content. */
export const escapeXml = (text: string): string =>
  text
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")

const seconds = (time: number) => (Number.isFinite(time) && time > 0 ? time.toFixed(3) : "0")

const testcase = (c: JunitCase): Array<string> => {
  const open = `    <testcase classname="${escapeXml(c.classname)}" name="${escapeXml(c.name)}" time="${seconds(c.time)}"`
  const problem =
    c.failure !== undefined
      ? (["failure", c.failure] as const)
      : c.error !== undefined
        ? (["error", c.error] as const)
        : undefined
  if (problem === undefined && c.output === undefined) return [`${open}/>`]
  const lines = [`${open}>`]
  if (problem !== undefined) {
    const [tag, p] = problem
    lines.push(
      `      <${tag} message="${escapeXml(p.message)}" type="${escapeXml(p.type)}">${escapeXml(p.body)}</${tag}>`
    )
  }
  if (c.output !== undefined) lines.push(`      <system-out>${escapeXml(c.output)}</system-out>`)
  lines.push("    </testcase>")
  return lines
}

/** The whole document. */
export const junitXml = (suites: ReadonlyArray<JunitSuite>, name = "ccsim test"): string => {
  const count = (suite: JunitSuite, key: "failure" | "error") => suite.cases.filter((c) => c[key] !== undefined).length
  const total = (f: (s: JunitSuite) => number) => suites.reduce((n, s) => n + f(s), 0)
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="${escapeXml(name)}" tests="${total((s) => s.cases.length)}" failures="${total((s) => count(s, "failure"))}" errors="${total((s) => count(s, "error"))}" time="${seconds(total((s) => s.time))}">`
  ]
  for (const suite of suites) {
    lines.push(
      `  <testsuite name="${escapeXml(suite.name)}" tests="${suite.cases.length}" failures="${count(suite, "failure")}" errors="${count(suite, "error")}" skipped="0" time="${seconds(suite.time)}">`
    )
    if (suite.properties.length > 0) {
      lines.push("    <properties>")
      for (const [key, value] of suite.properties) {
        lines.push(`      <property name="${escapeXml(key)}" value="${escapeXml(value)}"/>`)
      }
      lines.push("    </properties>")
    }
    for (const c of suite.cases) lines.push(...testcase(c))
    lines.push("  </testsuite>")
  }
  lines.push("</testsuites>", "")
  return lines.join("\n")
}
