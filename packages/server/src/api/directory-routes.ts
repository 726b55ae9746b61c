import { directoryContract as contract } from '@flowform/api';
import { roleLabel } from '@flowform/engine';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';
import { currentDirectoryIndex } from '../services/directory-search/directory-index-cache';
import { searchEntries } from '../services/directory-search/directory-index';

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 20);

/**
 * `/api/directory`: read-only look-ups for the web app's user and unit pickers, for any signed-in
 * user (the organisation's names, units and roles; never passwords or disabled accounts). People
 * are found by name, pinyin (full, initials or mixed) and username; units by name, pinyin and id.
 */
export function directoryRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(contract.users, async (c) => {
      const { q, role, unit, limit } = c.req.valid('query');
      const roles = list(role);
      const { users } = await currentDirectoryIndex(ctx);
      const eligible = users.filter((u) =>
        roles.length > 0 || unit
          ? u.roles.some((r) => (roles.length === 0 || roles.includes(r.role)) && (!unit || r.unit === unit))
          : true,
      );
      const items = searchEntries(eligible, q)
        .slice(0, limit)
        .map((u) => ({
          username: u.username,
          displayName: u.displayName,
          roles: u.roles.map((r) => ({
            ...r,
            roleName: { 'zh-CN': roleLabel(r.role, 'zh-CN'), en: roleLabel(r.role, 'en') },
          })),
        }));
      return c.json({ items }, 200);
    })
    .openapi(contract.units, async (c) => {
      const { kind, q } = c.req.valid('query');
      const kinds = list(kind);
      const { units } = await currentDirectoryIndex(ctx);
      const items = searchEntries(
        units.filter((u) => kinds.length === 0 || kinds.includes(u.kind)),
        q,
      )
        .slice(0, 500)
        .map(({ id, kind, name, parent, path }) => ({ id, kind, name, parent, path }));
      return c.json({ items }, 200);
    });
}
