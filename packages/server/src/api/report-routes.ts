import { reportContract as contract } from '@flowform/api';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';
import { caseListTable } from '../services/reports/case-list-table';
import { reportDashboard } from '../services/reports/report-dashboard';
import { dashboardTable } from '../services/reports/report-tables';
import { tableFile } from '../services/reports/table-file';

/** `/api/reports`: the dashboards (administrators and district leaders) and table exports. */
export function reportRoutes(ctx: ServerContext) {
  return newRouter()
    .openapi(contract.dashboard, async (c) => {
      const { weeks } = c.req.valid('query');
      return c.json(await reportDashboard(ctx, c.get('user'), weeks), 200);
    })
    .openapi(contract.export, async (c) => {
      const query = c.req.valid('query');
      const user = c.get('user');
      const table =
        query.table === 'cases'
          ? await caseListTable(ctx, user, query.scope, query.lang)
          : dashboardTable(await reportDashboard(ctx, user, query.weeks), query.table, query.lang);
      const file = await tableFile(table, query.format);
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'no-store',
      });
    });
}
