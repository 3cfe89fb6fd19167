/**
 * Upper and lower bounds on what a scenario may ask for. Each is far beyond what a real contact center needs, and
 * each keeps validation and a run bounded in memory and work: beyond them a typo (a rate of 1e9, a ring timeout
 * of 0) would exhaust memory or spin without the simulated clock moving. The README's "Limits" table gives the
 * reasons; the CLI uses {@link MAX_REPLICATIONS} for `--replications` too.
 */

/** Agents in the whole scenario, groups counted by their size (the largest centers have a few thousand). */
export const MAX_AGENTS = 100_000
/** Calls per hour of one traffic source, and of the whole scenario after `run.loadMultiplier`. */
export const MAX_CALLS_PER_HOUR = 1_000_000
/**
 * Calls a steady-state replication of `run.duration` may expect (the scenario's calls per hour × its hours):
 * about 30 days of a 1,000-agent center. Work and the MSER-5 warm-up series grow with the calls (about a minute
 * and 160 MB at this bound); the results do not. `run.duration` itself is a duration, at most 366 days.
 */
export const MAX_CALLS_PER_RUN = 50_000_000
/** `run.loadMultiplier`: a load test at 100 × the forecast is already far outside any plan. */
export const MAX_LOAD_MULTIPLIER = 100
/** `replications` and `run.maxReplications`: intervals stop narrowing long before. */
export const MAX_REPLICATIONS = 10_000
/** `redial.maxAttempts`: callers do not redial a hundred times. */
export const MAX_REDIALS = 100
/** Erlang phases `k`: each draw sums k exponentials, so k bounds the work per draw. */
export const MAX_ERLANG_PHASES = 1000
/** `gamma`/`weibull` shape: outside [0.1, 1000] the draws overflow or are degenerate. */
export const MIN_SHAPE = 0.1
export const MAX_SHAPE = 1000
/** `behaviour.handleTimeMultiplier`. */
export const MAX_HANDLE_TIME_MULTIPLIER = 100
/** Membership `tier`: tiers open one `tierWait` apart. */
export const MAX_TIER = 100
/**
 * Ring timeouts (`queues[].ringTimeout`, `behaviour.directRingTimeout`), ms: a shorter ring cannot be answered,
 * and offers would repeat without the simulated clock moving.
 */
export const MIN_RING_TIMEOUT_MS = 1000
