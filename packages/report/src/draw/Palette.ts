/**
 * Colours: the Okabe–Ito palette, readable with every common colour-vision deficiency. Each colour means one
 * thing across all charts (answered is always blue, abandoned always vermillion).
 */

/** The eight Okabe–Ito colours. */
export const OkabeIto = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7"
} as const

/** What each colour stands for in the report. */
export const Colors = {
  offered: OkabeIto.black,
  answered: OkabeIto.blue,
  abandoned: OkabeIto.vermillion,
  rolledOver: OkabeIto.orange,
  serviceLevel: OkabeIto.bluishGreen,
  target: OkabeIto.black,
  asa: OkabeIto.blue,
  signedIn: "#555555",
  busy: OkabeIto.blue,
  available: OkabeIto.bluishGreen,
  queueLength: OkabeIto.vermillion,
  misses: OkabeIto.orange,
  rejects: OkabeIto.reddishPurple,
  unavailableByMiss: OkabeIto.reddishPurple,
  threshold: OkabeIto.black,
  marker: "#777777",
  grid: "#e5e5e5",
  pass: OkabeIto.bluishGreen,
  fail: OkabeIto.vermillion,
  warn: OkabeIto.orange
} as const

/** Timeline state colours, in the order of `TimelineStates`. */
export const StateColors: ReadonlyArray<string> = [
  "#f2f2f2", // signed-out
  OkabeIto.bluishGreen, // available (idle)
  "#9a9a9a", // unavailable
  OkabeIto.reddishPurple, // unavailable by miss (R11)
  OkabeIto.yellow, // ringing
  OkabeIto.blue, // queue call
  OkabeIto.skyBlue, // direct or internal call
  OkabeIto.vermillion, // outbound call
  OkabeIto.orange // wrap-up
]

/** Readable names of the timeline states, in the order of `TimelineStates`. */
export const StateLabels: ReadonlyArray<string> = [
  "signed out",
  "available",
  "unavailable",
  "unavailable (miss policy)",
  "ringing",
  "queue call",
  "direct / internal call",
  "outbound call",
  "wrap-up"
]
