// Contacts coming in: what an API body may hold (zod), refused per item with every reason.
import { z } from "zod";
import { parseSource } from "../../domain/sources.ts";
import type { IntakeContact } from "./upsert.ts";

// ---------------------------------------------------------------------------------------------
// API bodies (zod).

// Postgres text cannot hold U+0000, and jsonb (the batch travels as JSON) refuses it and unpaired
// surrogates: such a value would fail the whole statement, so it is refused here, per item.
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `s` cannot be stored as text, or null when it can. */
export function unstorableText(s: string): string | null {
  if (s.includes("\u0000")) return "contains a NUL character (U+0000), which cannot be stored";
  if (LONE_SURROGATE.test(s)) return "contains an unpaired UTF-16 surrogate, which is not valid text";
  return null;
}

/** Deepest nesting of `properties` accepted (Postgres refuses very deep jsonb). */
export const MAX_PROPERTIES_DEPTH = 32;

/** Why a `properties` object cannot be stored, naming the top-level property; walks without recursion. */
export function unstorableProperties(properties: Record<string, unknown>): string | null {
  for (const [top, value] of Object.entries(properties)) {
    const why = unstorableText(top);
    if (why) return `a property name ${why}`;
    const stack: [unknown, number][] = [[value, 1]];
    for (let next = stack.pop(); next; next = stack.pop()) {
      const [v, depth] = next;
      if (typeof v === "string") {
        const bad = unstorableText(v);
        if (bad) return `"${top.slice(0, 100)}" ${bad}`;
      } else if (v !== null && typeof v === "object") {
        if (depth >= MAX_PROPERTIES_DEPTH)
          return `"${top.slice(0, 100)}" nests more than ${MAX_PROPERTIES_DEPTH} levels deep`;
        for (const [k, inner] of Object.entries(v)) {
          const bad = Array.isArray(v) ? null : unstorableText(k);
          if (bad) return `"${top.slice(0, 100)}" has a key that ${bad}`;
          stack.push([inner, depth + 1]);
        }
      }
    }
  }
  return null;
}

export const storableText = (params?: { error: string }) =>
  z.string(params).refine((s) => unstorableText(s) === null, { error: (i) => unstorableText(String(i.input)) ?? "" });

export const optionalText = (max: number) =>
  storableText()
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .nullish()
    .transform((s) => (s ? s : null));

export const intakeContactSchema = z.object({
  email: storableText({ error: "email is required" })
    .trim()
    .toLowerCase()
    .max(254, { error: "email must be at most 254 characters" })
    .pipe(z.email({ error: "is not a valid email address" })),
  firstName: optionalText(200),
  lastName: optionalText(200),
  lifecycle: optionalText(100),
  source: z.string({ error: "source is required" }).transform((s, ctx) => {
    const parsed = parseSource(s);
    if (parsed === null) {
      ctx.addIssue({
        code: "custom",
        message: `"${s.slice(0, 80)}" is not a source; use form, external-form, chatflow, integration:<app>, api, import, manual, mobile-app, logged-email, extension or meetings-link`,
      });
      return z.NEVER;
    }
    return parsed;
  }),
  sourceId: optionalText(200),
  properties: z
    .record(z.string().max(100), z.unknown(), { error: "properties must be an object" })
    .nullish()
    .superRefine((p, ctx) => {
      if (p == null) return;
      const why = unstorableProperties(p);
      if (why) ctx.addIssue({ code: "custom", message: why });
      else if (JSON.stringify(p).length > 64_000) {
        ctx.addIssue({ code: "custom", message: "properties must be at most 64 KB of JSON" });
      }
    }),
});

/** The email of `GET /api/contacts/:email`, checked as a body's email is; a clear sentence when it is not one. */
export function parseLookupEmail(raw: string): { ok: true; email: string } | { ok: false; error: string } {
  const parsed = intakeContactSchema.shape.email.safeParse(raw);
  if (parsed.success) return { ok: true, email: parsed.data };
  const issue = parsed.error.issues[0];
  if (issue?.code === "too_big") return { ok: false, error: "the email in the path is longer than 254 characters" };
  if (issue?.code === "custom") return { ok: false, error: `the email in the path ${issue.message}` };
  return { ok: false, error: `"${raw.slice(0, 254)}" is not a valid email address` };
}

export type IntakeBodyItem = z.input<typeof intakeContactSchema>;

/** Every reason a body item is invalid, as `field: message`. */
export function validateContact(
  raw: unknown,
): { ok: true; contact: IntakeContact } | { ok: false; errors: string[]; email: string | null } {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, errors: ["each contact must be a JSON object"], email: null };
  }
  const parsed = intakeContactSchema.safeParse(raw);
  if (parsed.success) return { ok: true, contact: parsed.data };
  const errors = parsed.error.issues.map((i) => {
    const field = i.path.join(".");
    if (field === "email" && i.code === "invalid_format") {
      return `email: "${String((raw as { email?: unknown }).email).slice(0, 254)}" ${i.message}`;
    }
    return field ? `${field}: ${i.message}` : i.message;
  });
  const email = (raw as { email?: unknown }).email;
  return { ok: false, errors, email: typeof email === "string" ? email.trim().toLowerCase() : null };
}
