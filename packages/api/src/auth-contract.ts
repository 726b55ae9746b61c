import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import { json, jsonBody, problemResponses } from './common-schemas';
import { MeSchema } from './me-contract';

/** `POST /api/auth/login` */
export const LoginBodySchema = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict()
  .openapi('Login');

/** What a login answers (the token is also set as an HttpOnly cookie). */
export const LoginResultSchema = z.object({ token: z.string(), user: MeSchema }).openapi('LoginResult');

/** `/api/auth`: signing in (public, throttled) and out. */
export const authContract = {
  login: apiRoute(
    {
      method: 'post',
      path: '/api/auth/login',
      tags: ['auth'],
      summary:
        'Sign in; answers a bearer token and sets an HttpOnly SameSite=Strict session cookie (Secure on https). ' +
        'Throttled per account and address (growing delays) and per address: 429 with Retry-After. ' +
        '`user.mustChangePassword`: only GET /api/me, logout and POST /api/me/password answer until it is changed',
      request: { body: jsonBody(LoginBodySchema) },
      responses: { 200: json(LoginResultSchema, 'Signed in'), ...problemResponses(400, 401, 429) },
    },
    'public',
  ),
  logout: apiRoute({
    method: 'post',
    path: '/api/auth/logout',
    tags: ['auth'],
    summary: 'Sign out: the session ends at once, for the token and the cookie alike',
    responses: { 204: { description: 'Signed out' }, ...problemResponses(401) },
  }),
};
