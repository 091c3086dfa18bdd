// The shapes of the API's answers and bodies, as zod schemas that both validate and document
// (the OpenAPI document is generated from them).
import { z } from "@hono/zod-openapi";
import { CONTACT_STATUS_FILTERS, type ContactRow } from "../../services/contact-pages.ts";
import type { UpgradeRecord } from "../../services/context.ts";

const iso = (description: string) => z.string().openapi({ format: "date-time", description });

export const ContactSchema = z
  .object({
    id: z.number().int().openapi({ description: "tierkeeper's id of the contact" }),
    email: z.string().openapi({ example: "ada@example.com" }),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    lifecycle: z.string().nullable(),
    source: z.string().openapi({ description: "How the contact was created: form, api, import, …" }),
    sourceId: z.string().nullable(),
    status: z.enum(["marketing", "non-marketing"]).openapi({
      description: "Marketing contacts may receive marketing email and count towards the tier",
    }),
    pending: z.boolean().openapi({
      description: "A non-marketing change waits for the next update date; until then the contact stays marketing",
    }),
    effectiveAt: iso(
      "When a pending change takes effect (noon in the billing time zone); null when none waits",
    ).nullable(),
    bounced: z.boolean(),
    unsubscribed: z.boolean(),
    properties: z.record(z.string(), z.unknown()).nullable(),
    createdAt: iso("When the contact was created"),
    updatedAt: iso("When its fields last changed"),
  })
  .openapi("Contact");

export type ContactJson = z.infer<typeof ContactSchema>;

export function contactJson(c: ContactRow): ContactJson {
  return {
    ...c,
    effectiveAt: c.effectiveAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export const ContactInputSchema = z
  .object({
    email: z.string().openapi({ example: "ada@example.com" }),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    lifecycle: z.string().nullish(),
    source: z.string().openapi({
      description:
        "How the contact came in: form, external-form, chatflow, integration:<app>, api, import, manual, mobile-app, logged-email, extension or meetings-link. A new contact starts with this source's default status",
      example: "form",
    }),
    sourceId: z.string().nullish(),
    properties: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict()
  .openapi("ContactInput");

export const UpsertResultSchema = z
  .object({
    email: z.string(),
    status: z.enum(["marketing", "non-marketing"]),
    pending: z.boolean(),
    created: z.boolean(),
    held: z.enum(["access", "upgrade", "limit"]).optional().openapi({
      description:
        "The contact came in marketing by its source but was kept non-marketing: the key's maker may not make contacts marketing (access), it would upgrade the tier (upgrade) or the call made more marketing than the direct-change limit (limit)",
    }),
    requestId: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: "The request that asks an admin to set it marketing" }),
  })
  .openapi("UpsertResult");

export const EmailParam = z.object({
  email: z.string().openapi({ param: { name: "email", in: "path" }, example: "ada@example.com" }),
});

export const ListQuery = z.strictObject({
  filter: z.string().max(2000).optional().openapi({
    description: "The filter language of `/contacts bulk … where`",
    example: 'lifecycle = lead and created > "30 days ago"',
  }),
  status: z.enum(CONTACT_STATUS_FILTERS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional().openapi({ description: "`next` of the previous page" }),
});

/** An automatic upgrade a change makes (or made): the new tier and the prorated charge. */
export const UpgradeSchema = z
  .object({
    oldLimit: z.number().int(),
    newLimit: z.number().int(),
    chargeCents: z.number().int(),
    chargeDue: z.string(),
  })
  .openapi("Upgrade");

export function upgradeJson(u: UpgradeRecord | null): z.infer<typeof UpgradeSchema> | null {
  return u ? { oldLimit: u.oldLimit, newLimit: u.newLimit, chargeCents: u.chargeCents, chargeDue: u.chargeDue } : null;
}

export const StatusBodySchema = z
  .object({
    status: z.enum(["marketing", "non-marketing"]),
  })
  .strict()
  .openapi("StatusChange");

export const StatusManyBodySchema = z
  .object({
    status: z.enum(["marketing", "non-marketing"]),
    emails: z.array(z.string()).min(1).max(1000),
  })
  .strict()
  .openapi("StatusChangeMany");

export const StatusResultSchema = z
  .object({
    status: z.enum(["marketing", "non-marketing"]),
    changed: z.number().int(),
    unchanged: z.number().int(),
    pending: z.number().int().openapi({ description: "How many wait for the next update date" }),
    requestId: z
      .string()
      .nullable()
      .openapi({ description: "Set when the change became a request for an admin (202)" }),
    requestReason: z.enum(["limit", "upgrade"]).nullable(),
    contacts: z.array(
      z.object({
        email: z.string(),
        outcome: z.enum([
          "made-marketing",
          "cancelled-pending",
          "already-marketing",
          "flagged-pending",
          "already-pending",
          "already-non-marketing",
        ]),
        effectiveAt: z.string().nullable(),
      }),
    ),
    marketingCount: z.number().int(),
    tierLimit: z.number().int(),
    upgrade: UpgradeSchema.nullable(),
  })
  .openapi("StatusResult");

/** The fields a contact in a body may have: anything else is refused, not ignored. */
export const CONTACT_FIELDS = Object.keys(ContactInputSchema.shape);

/** `field: is not a field of a contact` for each unknown key of an object body item. */
export function unknownFieldErrors(raw: unknown): string[] {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return [];
  return Object.keys(raw)
    .filter((k) => !CONTACT_FIELDS.includes(k))
    .slice(0, 20)
    .map((k) => `${k.slice(0, 100)}: is not a field of a contact (fields: ${CONTACT_FIELDS.join(", ")})`);
}
