import { z } from '@hono/zod-openapi';
import { LocalizedTextSchema } from './common-schemas';

/** `POST /api/auth/login` */
export const LoginBodySchema = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict()
  .openapi('Login');

/** A role held in a unit, with display names. */
export const RoleInUnitSchema = z
  .object({
    role: z.string(),
    roleName: LocalizedTextSchema,
    unit: z.string(),
    unitName: LocalizedTextSchema,
  })
  .openapi('RoleInUnit');

/** The signed-in user. */
export const MeSchema = z
  .object({
    username: z.string(),
    displayName: LocalizedTextSchema,
    isAdmin: z.boolean(),
    roles: z.array(RoleInUnitSchema),
    units: z.array(z.object({ id: z.string(), kind: z.string(), name: LocalizedTextSchema })),
  })
  .openapi('Me');

/** What a login answers (the token is also set as an HttpOnly cookie). */
export const LoginResultSchema = z.object({ token: z.string(), user: MeSchema }).openapi('LoginResult');
