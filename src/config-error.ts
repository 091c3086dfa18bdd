/** The environment has problems (every one is listed). Apart from config.ts so that reporting it needs no zod. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`tierkeeper cannot start; fix the environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}
