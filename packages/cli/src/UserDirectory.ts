/**
 * The directory relative paths on the command line are resolved from: where the user stands. npm runs `npx ccsim`
 * / `npm exec -w <package> ccsim` and the workspace's `npm run ccsim -- …` from a package folder, but says where
 * the user typed the command in `INIT_CWD`. Other npm scripts (`npm start`, `npm test`) name paths relative to
 * their package, so they keep the package folder.
 */

/** The user's directory under npm's environment, or `cwd` when not started by npx / `npm run ccsim`. */
export const userDirectory = (env: Record<string, string | undefined>, cwd: string): string => {
  const initCwd = env.INIT_CWD
  if (initCwd === undefined || initCwd === "") return cwd
  const typedByUser = env.npm_command === "exec" || env.npm_lifecycle_event === "ccsim"
  return typedByUser ? initCwd : cwd
}
