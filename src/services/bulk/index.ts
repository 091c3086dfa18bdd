// Bulk requests (a change of many contacts that a second admin approves): the parts, in one place.
export * from "./create.ts";
export * from "./decide.ts";
export * from "./model.ts";
export * from "./preview.ts";
export * from "./scheduled.ts";
