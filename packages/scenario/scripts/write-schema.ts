/**
 * Writes the scenario JSON Schema to packages/scenario/scenario.schema.json, the file that the
 * `# yaml-language-server: $schema=…` lines of the scenarios point at. A test fails when it is stale.
 *
 *   node packages/scenario/scripts/write-schema.ts
 */
import { writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { scenarioJsonSchema } from "../src/index.ts"

const target = fileURLToPath(new URL("../scenario.schema.json", import.meta.url))
writeFileSync(target, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`)
console.log(`wrote ${target}`)
