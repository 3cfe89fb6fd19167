#!/usr/bin/env node
import { packageName } from "./index.ts"

console.log("ccsim", packageName, process.version)
