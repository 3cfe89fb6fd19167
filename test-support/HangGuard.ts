/**
 * The one outer limit a test may put on something it waits for (a subprocess, a browser): far beyond what a
 * 5× slower, busy machine needs, so reaching it means a hang, never slowness. Tests wait by work, not by clock.
 */
export const hangGuardMs = 15 * 60_000

/** "15 min", for messages that say why something was stopped. */
export const hangGuardText = `${hangGuardMs / 60_000} min`
