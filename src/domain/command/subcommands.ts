// The subcommands `/contacts` knows (aliases included), and the near miss to suggest for a typo.

/** Every subcommand word, in the order a near miss is looked for. */
const SUBCOMMAND_NAMES = [
  "help",
  "status",
  "set",
  "bulk",
  "delete",
  "manage",
  "tier",
  "forecast",
  "next-update",
  "usage",
  "history",
  "can-market",
  "lists",
  "list",
  "rules",
  "rule",
  "requests",
  "request",
  "approve",
  "reject",
  "settings",
  "setting",
  "setup",
  "access",
  "admins",
  "admin",
  "billing-contacts",
  "billing-contact",
  "import",
] as const;

export type Subcommand = (typeof SUBCOMMAND_NAMES)[number];

/** Ends an "unknown subcommand" sentence: a near miss to suggest, or a full stop. */
export function suggestion(word: string): string {
  let best: string | null = null;
  let bestDistance = 3;
  for (const name of SUBCOMMAND_NAMES) {
    const distance = editDistance(word.toLowerCase(), name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best === null ? "." : `; did you mean \`${best}\`?`;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3 || a.length > 40) return 99;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 99;
}
