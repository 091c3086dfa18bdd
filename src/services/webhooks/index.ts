// Webhooks: endpoints (added, listed, tested and removed by admins) and their delivery state.
export * from "./delivery.ts";
export * from "./endpoints.ts";
