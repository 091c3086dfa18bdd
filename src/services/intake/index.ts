// Contacts coming in from outside: the intake API and CSV imports share one set-based upsert
// that applies the creation-source defaults (R15) and then the automation rules (R16), inside
// changeContacts so the tier check (R9) and the count-change event (R11) follow.

export * from "./receive.ts";
export * from "./upsert.ts";
export * from "./validate.ts";
