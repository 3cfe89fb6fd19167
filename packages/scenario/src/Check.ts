/**
 * Semantic checks of a decoded scenario: what the Schema alone cannot see (references, cycles, schedules, …).
 */
import { makeContext } from "./checks/Context.ts"
import { expectedTrace, thresholds } from "./checks/Expectations.ts"
import { agentReferences, duplicateIds, queueReferences } from "./checks/Identity.ts"
import { scenarioLimits } from "./checks/Limits.ts"
import { directCallsNeedLine, directLines, trackingNumbersOnce, trackingNumbersResolve } from "./checks/Numbers.ts"
import { overflowCycles, queueSettings, workflowSteps } from "./checks/Routing.ts"
import { scriptTimes } from "./checks/Script.ts"
import { dayDefinition, runSettings, shiftsAndBreaks } from "./checks/Time.ts"
import { arrivalsFitTheDay, behaviourProbabilities, distributionParameters, trafficShape } from "./checks/Traffic.ts"
import type { ScenarioIssue } from "./Problem.ts"
import type { Scenario } from "./Scenario.ts"

const CHECKS = [
  dayDefinition,
  runSettings,
  duplicateIds,
  queueReferences,
  agentReferences,
  trackingNumbersOnce,
  trackingNumbersResolve,
  directLines,
  directCallsNeedLine,
  workflowSteps,
  overflowCycles,
  queueSettings,
  shiftsAndBreaks,
  distributionParameters,
  behaviourProbabilities,
  arrivalsFitTheDay,
  trafficShape,
  scriptTimes,
  thresholds,
  expectedTrace
]

/** Every problem the Schema cannot see, each with its document path. Empty when the scenario is sound. */
export const checkScenario = (scenario: Scenario): ReadonlyArray<ScenarioIssue> => {
  // Limits first and alone: the other checks expand agent groups, which a billion agents would not survive.
  const limits = scenarioLimits(scenario)
  if (limits.length > 0) return limits
  const context = makeContext(scenario)
  return CHECKS.flatMap((check) => check(context))
}
