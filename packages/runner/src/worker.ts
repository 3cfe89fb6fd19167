/**
 * Worker thread entry. Node's compile cache is switched on before anything else loads, as in the `ccsim`
 * executable: each thread is a fresh Node instance that would otherwise strip the types of, and compile, every
 * module again (about half of a thread's start-up). The replication worker itself is in ReplicationWorker.ts.
 */
import { enableCompileCache } from "node:module"

enableCompileCache()
await import("./ReplicationWorker.ts")
