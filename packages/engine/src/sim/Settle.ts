/**
 * The matching pass, run after every event: the work the rules posted (agents who became eligible, calls to
 * offer, route or roll over, agents who left), in the order it was posted. Work posted meanwhile runs too.
 */
import * as match from "./Match.ts"
import * as routing from "./Routing.ts"
import type { SimState } from "./State.ts"
import * as workList from "./WorkList.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { serveAgent, tryOfferCall } = match
const { agentLeft, directUnanswered, rollover, startRouting } = routing
const { Work } = workList

const run = (st: SimState, kind: number, x: number, y: number): void => {
  switch (kind) {
    case Work.serve:
      serveAgent(st, x)
      return
    case Work.offer:
      tryOfferCall(st, x)
      return
    case Work.rollover:
      rollover(st, x, y)
      return
    case Work.directUnanswered:
      directUnanswered(st, x, y)
      return
    case Work.route:
      startRouting(st, x)
      return
    case Work.agentLeft:
      agentLeft(st, x)
      return
  }
}

export const settle = (st: SimState): void => {
  const w = st.work
  while (w.head < w.tail) {
    const i = w.head++
    run(st, w.kind[i]!, w.x[i]!, w.y[i]!)
  }
  w.head = 0
  w.tail = 0
}
