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
