import type { CaseScope } from '@flowform/api';
import type { AuthUser } from '../../http/app-env';
import type { ServerContext } from '../../server-context';
import { listCases } from '../case-list';
import type { ExportTable } from './report-tables';

/** An export holds at most this many cases (the newest). */
export const MAX_EXPORTED_CASES = 5000;

const HEADERS = {
  'zh-CN': ['案件编号', '流程', '版本', '状态', '发起人', '发起时间', '结束时间'],
  en: ['Case', 'Process', 'Version', 'Status', 'Started by', 'Started at', 'Ended at'],
};

const STATUS = {
  'zh-CN': { running: '办理中', completed: '已办结', cancelled: '已取消' } as Record<string, string>,
  en: { running: 'Running', completed: 'Completed', cancelled: 'Cancelled' } as Record<string, string>,
};

/**
 * A case list as the viewer sees it in the app (`listCases`: confidential cases only where they
 * may see them), newest first: the list's columns only, never a form field.
 */
export async function caseListTable(
  ctx: ServerContext,
  user: AuthUser,
  scope: CaseScope,
  lang: 'zh-CN' | 'en',
): Promise<ExportTable> {
  const rows: ExportTable['rows'] = [];
  const names = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await listCases(ctx, user, { scope, limit: 100, ...(cursor ? { cursor } : {}) });
    for (const item of page.items) {
      if (rows.length === MAX_EXPORTED_CASES) break;
      if (!names.has(item.definitionKey)) {
        const bundle = await ctx.runtime.definitions.get(item.definitionKey, item.definitionVersion);
        names.set(item.definitionKey, bundle.definition.name[lang]);
      }
      rows.push([
        item.id,
        names.get(item.definitionKey)!,
        item.definitionVersion,
        STATUS[lang][item.status] ?? item.status,
        user.directory.user(item.initiator)?.displayName[lang] ?? item.initiator,
        item.startedAt,
        item.endedAt,
      ]);
    }
    cursor = page.nextCursor;
  } while (cursor && rows.length < MAX_EXPORTED_CASES);
  return { name: `cases-${scope}`, headers: HEADERS[lang], rows };
}
