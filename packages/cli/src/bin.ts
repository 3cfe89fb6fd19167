#!/usr/bin/env node
import { packageName } from "@ccsim/scenario"

console.log("ccsim", packageName, process.version)
