// The database schema: every table, one file per topic under tables/. drizzle-kit reads this file
// (drizzle.config.ts) to generate migrations; services import tables from here.
export { accounts, users } from "./tables/accounts.ts";
export { apiIdempotency, webhookEndpoints } from "./tables/api.ts";
export { contactStatus, contacts, listMembers, lists } from "./tables/contacts.ts";
export { jobFires, notifications, slackDeliveries } from "./tables/delivery.ts";
export { auditEvents, countSamples, tierChanges, updateRuns, usageSnapshots } from "./tables/history.ts";
export { replicaHeartbeats, slackInbox } from "./tables/inbox.ts";
export { apiKeys, importRows, imports } from "./tables/intake.ts";
export { bulkRequestContacts, bulkRequests } from "./tables/requests.ts";
export { automationRules } from "./tables/rules.ts";
