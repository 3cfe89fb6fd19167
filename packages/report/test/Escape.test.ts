import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { runs } from "../../../test-support/PropertyRuns.ts"
import { embedJson, embedScript, escapeHtml } from "../src/Escape.ts"

describe("escaping", () => {
  it("escapeHtml escapes markup and both quotes", () => {
    assert.strictEqual(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
  })

  it("embedJson reads back unchanged and never contains '<' or line/paragraph separators", () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.constantFrom("</script>", "<!--", "\u2028", "\u2029", "</SCRIPT >", "<script>alert(1)</script>")
    )
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: "small" },
        hostile,
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("v"), { maxLength: 4 }),
        fc.dictionary(hostile, tie("v"), { maxKeys: 4 })
      )
    })).v
    fc.assert(
      fc.property(value, (v) => {
        const s = embedJson(v)
        assert.notInclude(s, "<")
        assert.notInclude(s, "\u2028")
        assert.notInclude(s, "\u2029")
        assert.deepStrictEqual(JSON.parse(s), JSON.parse(JSON.stringify(v)))
      }),
      { seed: 42, numRuns: runs(300) }
    )
  })

  it("embedScript leaves no '</script' or '<!--' and keeps string contents", () => {
    const source = `const a = "</script>"; const b = '<!-- x'; const c = /<\\/SCRIPT/i; globalThis.out = [a, b, c.source]`
    const safe = embedScript(source)
    assert.notMatch(safe, /<\/script/i)
    assert.notInclude(safe, "<!--")
    const scope: { out?: Array<string> } = {}
    new Function("globalThis", safe)(scope)
    assert.deepStrictEqual(scope.out, ["</script>", "<!-- x", "<\\/SCRIPT"])
  })
})
