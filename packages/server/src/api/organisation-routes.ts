import { organisationContract as contract } from '@flowform/api';
import { problems } from '../http/problem';
import { adminOnly } from '../http/require-admin';
import { newRouter } from '../http/router';
import { changeDirectory } from '../organisation/directory-change';
import { exportOrganisation, importOrganisation, XLSX_TYPE } from '../organisation/org-transfer';
import { listVersions, readOrganisation, readVersion } from '../organisation/organisation-read';
import type { ServerContext } from '../server-context';

/**
 * `/api/admin/organisation`: the organisation managed in the product (administrators only): read
 * it, change it (one versioned, audited directory change; or a preview), its history, and the
 * whole of it as a spreadsheet out and in.
 */
export function organisationRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(adminOnly(contract.get), async (c) => c.json(await readOrganisation(ctx), 200))
    .openapi(adminOnly(contract.change), async (c) => {
      const request = c.req.valid('json');
      return c.json(await changeDirectory(ctx, request, c.get('user').username, c.get('locale')), 200);
    })
    .openapi(adminOnly(contract.preview), async (c) => {
      const request = { ...c.req.valid('json'), dryRun: true };
      return c.json(await changeDirectory(ctx, request, c.get('user').username, c.get('locale')), 200);
    })
    .openapi(adminOnly(contract.versions), async (c) => {
      const { limit, before } = c.req.valid('query');
      return c.json({ items: await listVersions(ctx, limit, before) }, 200);
    })
    .openapi(adminOnly(contract.version), async (c) => {
      const found = await readVersion(ctx, c.req.valid('param').version);
      if (!found) throw problems.notFound('No such directory version');
      return c.json(found, 200);
    })
    .openapi(adminOnly(contract.export), async (c) => {
      const { format } = c.req.valid('query');
      const bytes = await exportOrganisation(ctx, format);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="organisation.${format}"`,
      });
    })
    .openapi(adminOnly(contract.import), async (c) => {
      const { dryRun } = c.req.valid('query');
      const { file } = c.req.valid('form');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const options = { dryRun: dryRun === 'true', by: c.get('user').username, locale: c.get('locale') };
      return c.json(await importOrganisation(ctx, bytes, options), 200);
    });
}
