import { z } from "zod";

/**
 * What a request's messages say of its selector, kept with the request so each language can word
 * it: what people typed (a list's name, a filter) as it is; a rule's contacts as "just changed".
 */
export type SelectorWords =
  | { type: "list"; name: string }
  | { type: "unengaged" }
  | { type: "filter"; filter: string }
  | { type: "emails"; count: number; emails: string[] }
  | { type: "import"; label: string }
  | { type: "rule"; name: string; filter: string; fresh: boolean; unless: string[] };

/** Up to this many addresses are named in a selector's words; more are counted. */
export const NAMED_EMAILS = 3;

const text = z.string().max(10_000);
const selectorWordsSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("list"), name: text }),
  z.object({ type: z.literal("unengaged") }),
  z.object({ type: z.literal("filter"), filter: text }),
  z.object({
    type: z.literal("emails"),
    count: z.number().int().nonnegative(),
    emails: z.array(text).max(NAMED_EMAILS),
  }),
  z.object({ type: z.literal("import"), label: text }),
  z.object({
    type: z.literal("rule"),
    name: text,
    filter: text,
    fresh: z.boolean(),
    unless: z.array(text).max(100),
  }),
]);

/** Stored selector words read back, their shape checked: anything else is null (the English text is used). */
export const storedSelectorWords = (value: unknown): SelectorWords | null =>
  selectorWordsSchema.safeParse(value).data ?? null;
