/** A vitest setup file: properties that give no `numRuns` run fast-check's default (100), scaled like the rest. */
import * as fc from "fast-check"
import { runs } from "./PropertyRuns.ts"

fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: runs(100) })
