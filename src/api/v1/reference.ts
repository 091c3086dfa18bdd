// A human-readable reference of the API, made from the OpenAPI document itself (so it cannot drift
// from the routes) as one self-contained HTML page: no scripts, nothing loaded from elsewhere.
import type { OpenAPIHono } from "@hono/zod-openapi";

type OpenAPIObject = ReturnType<OpenAPIHono["getOpenAPI31Document"]>;

const esc = (s: unknown) =>
  String(s ?? "").replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );

/** `code` spans of Markdown-ish descriptions, escaped. */
const prose = (s: unknown) => esc(s).replace(/`([^`]+)`/g, "<code>$1</code>");

export function referencePage(doc: OpenAPIObject): string {
  const sections: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of ["get", "post", "put", "patch", "delete"] as const) {
      const op = item?.[method];
      if (!op) continue;
      const params = (op.parameters ?? []).map((p) => {
        const param = p as { name: string; in: string; required?: boolean; description?: string };
        return `<li><code>${esc(param.name)}</code> (${esc(param.in)}${param.required ? ", required" : ""}) ${prose(param.description)}</li>`;
      });
      const responses = Object.entries(op.responses ?? {}).map(
        ([status, r]) => `<li><b>${esc(status)}</b> ${prose((r as { description?: string }).description)}</li>`,
      );
      sections.push(
        `<section><h3><span class="m">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3><p>${prose(op.summary)}</p><p>${prose(op.description)}</p>${
          params.length ? `<h4>Parameters</h4><ul>${params.join("")}</ul>` : ""
        }${op.requestBody ? "<p>Body: JSON, as in the OpenAPI document.</p>" : ""}<h4>Answers</h4><ul>${responses.join("")}</ul></section>`,
      );
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(doc.info.title)} reference</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2em}section{border-top:1px solid #ddd;padding:.5rem 0}.m{font-weight:700;color:#1264a3}</style>
</head><body><h1>${esc(doc.info.title)} ${esc(doc.info.version)}</h1><p>${prose(doc.info.description)}</p>
<p>Send an API key as <code>Authorization: Bearer &lt;key&gt;</code>. The machine-readable document: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1).</p>
${sections.join("\n")}</body></html>`;
}
