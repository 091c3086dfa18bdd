/** A language's part of the catalog: every key of the English part, each a message, nothing else. */
export type Part<English> = Readonly<Record<keyof English, string>>;
