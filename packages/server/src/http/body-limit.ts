import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problems } from './problem';

/** Byte limits: JSON bodies everywhere, and a larger one for file uploads (attachments, the organisation import). */
export interface BodyLimits {
  json: number;
  upload: number;
}

const isUpload = (path: string, method: string) =>
  method === 'POST' &&
  (/^\/api\/instances\/[^/]+\/attachments$/.test(path) || path === '/api/admin/organisation/import');

/**
 * Refuses bodies over the limit before any handler reads them: by Content-Length when declared,
 * and by counting streamed bytes for chunked bodies.
 */
export function bodyLimits(limits: BodyLimits): MiddlewareHandler {
  const make = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw problems.tooLarge(maxSize);
      },
    });
  const json = make(limits.json);
  const upload = make(limits.upload);
  return (c, next) => (isUpload(c.req.path, c.req.method) ? upload(c, next) : json(c, next));
}
