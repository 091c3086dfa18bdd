// Calls the HTTP API v1 and checks every answer against the OpenAPI document the API serves: the
// status must be one the operation documents and the body must match its schema (JSON Schema
// 2020-12, as OpenAPI 3.1 says), so the document and the code cannot drift apart unnoticed.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { expect } from "vitest";

type Doc = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
  components?: unknown;
};

export interface ApiAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON fields
  body: any;
  text: string;
}

export class ContractClient {
  private doc: Doc | null = null;
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  private readonly compiled = new Map<string, ValidateFunction>();
  /** Every operation and status this client saw, for a check that each route was exercised. */
  readonly seen = new Set<string>();

  constructor(readonly base: string) {}

  async document(): Promise<Doc> {
    if (!this.doc) {
      const res = await fetch(`${this.base}/api/v1/openapi.json`);
      expect(res.status).toBe(200);
      this.doc = (await res.json()) as Doc;
    }
    return this.doc;
  }

  /**
   * The documented path template of `method` that `path` (without query) matches, literal paths
   * before templated ones (`/contacts/batch` before `/contacts/{email}`), as a router picks them.
   */
  private template(doc: Doc, method: string, path: string): string | null {
    const params = (t: string) => (t.match(/\{/g) ?? []).length;
    const templates = Object.keys(doc.paths)
      .filter((t) => doc.paths[t]?.[method.toLowerCase()])
      .sort((a, b) => params(a) - params(b));
    for (const t of templates) {
      const re = new RegExp(`^${t.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`);
      if (re.test(path)) return t;
    }
    return null;
  }

  async call(
    method: string,
    path: string,
    key: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer> {
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = null;
    if (/^application\/(problem\+)?json/.test(res.headers.get("content-type") ?? "") && text) parsed = JSON.parse(text);
    const doc = await this.document();
    const bare = path.split("?")[0] ?? path;
    const template = this.template(doc, method, `/api/v1${bare}`);
    // A route that exists but is not documented is a contract failure too (404s of unknown paths aside).
    if (!template && res.status !== 404)
      expect.fail(`${method} /api/v1${bare} answered ${res.status} but is not documented`);
    if (template) {
      const op = doc.paths[template]?.[method.toLowerCase()];
      if (op) {
        const key2 = `${method.toUpperCase()} ${template} ${res.status}`;
        this.seen.add(key2);
        const response = op.responses[String(res.status)];
        expect(response, `${key2} is not documented`).toBeDefined();
        const schema = response?.content?.["application/json"]?.schema;
        if (schema && parsed !== null) {
          const validate =
            this.compiled.get(key2) ?? this.ajv.compile({ ...(schema as object), components: doc.components });
          this.compiled.set(key2, validate);
          const ok = validate(parsed);
          expect(ok, `${key2}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
        }
      }
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }
}
