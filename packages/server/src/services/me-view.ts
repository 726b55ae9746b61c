import type { MeSchema } from '@flowform/api';
import { type Directory, roleLabel } from '@flowform/engine';
import type { z } from '@hono/zod-openapi';

/** A user with their roles and units, named in both languages, and whether their password must change first. */
export function meView(
  directory: Directory,
  username: string,
  mustChangePassword: boolean,
): z.infer<typeof MeSchema> {
  const user = directory.user(username);
  const roles = directory.rolesOf(username);
  const unitIds = [...new Set(roles.map((r) => r.unit))];
  const name = (id: string) => directory.unit(id)?.name ?? { 'zh-CN': id, en: id };
  return {
    username,
    displayName: user?.displayName ?? { 'zh-CN': username, en: username },
    isAdmin: roles.some((r) => r.role === 'administrator'),
    mustChangePassword,
    roles: roles.map((r) => ({
      role: r.role,
      roleName: { 'zh-CN': roleLabel(r.role, 'zh-CN'), en: roleLabel(r.role, 'en') },
      unit: r.unit,
      unitName: name(r.unit),
    })),
    units: unitIds.map((id) => ({ id, kind: directory.unit(id)?.kind ?? 'unknown', name: name(id) })),
  };
}
