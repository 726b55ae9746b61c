import { html } from 'hono/html';

interface OperationDoc {
  summary?: string;
  tags?: string[];
}

/**
 * A plain HTML page listing every operation of the OpenAPI document, grouped by tag. No script
 * (the CSP forbids inline script), so it renders anywhere; the full schema is at /openapi.json.
 */
export function docsPage(doc: {
  info: { title: string; version: string };
  paths?: Record<string, Record<string, OperationDoc>>;
}) {
  const byTag = new Map<string, { method: string; path: string; summary: string }[]>();
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? 'other';
      byTag.set(tag, [
        ...(byTag.get(tag) ?? []),
        { method: method.toUpperCase(), path, summary: op.summary ?? '' },
      ]);
    }
  }
  const sections = [...byTag].map(
    ([tag, ops]) => html`<h2>${tag}</h2>
      <table>
        ${ops.map((o) => html`<tr><td><code>${o.method}</code></td><td><code>${o.path}</code></td><td>${o.summary}</td></tr>`)}
      </table>`,
  );
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${doc.info.title} API</title>
        <style>
          body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; }
          td { padding: 0.2rem 0.8rem 0.2rem 0; vertical-align: top; }
          code { font-size: 13px; }
        </style>
      </head>
      <body>
        <h1>${doc.info.title} <small>${doc.info.version}</small></h1>
        <p>OpenAPI 3.1 document: <a href="/openapi.json">/openapi.json</a>. Errors are RFC 9457
          <code>application/problem+json</code> with a stable <code>code</code>. Authenticate with
          <code>POST /api/auth/login</code>, then send <code>Authorization: Bearer &lt;token&gt;</code>.</p>
        ${sections}
      </body>
    </html>`;
}
