import { readFileSync } from "node:fs";

/** tierkeeper's version, from package.json (two folders up, from src/cli and from the build's dist/cli alike). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}
