import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import { problems } from './problem';

/**
 * A router whose request validation failures are 400 problems listing each issue with a JSON
 * pointer: unknown keys (every request object is strict), wrong types, missing fields.
 */
export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const errors = result.error.issues.map((issue) => ({
        path: `/${issue.path.map(String).join('/')}`,
        keyword: issue.code,
        message: issue.message,
      }));
      throw problems.badRequest('The request does not match its schema', { errors });
    },
  });
}
