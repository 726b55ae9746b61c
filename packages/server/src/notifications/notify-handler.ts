import type { CaseOutcome, Effect, LocalizedText } from '@flowform/engine';
import type { OutboxRow } from '@flowform/runtime';
import type { ServerContext } from '../server-context';
import { readersOf } from './case-readers';
import { storeNotifications } from './notification-store';
import type { WebhookDispatcher } from './webhook-dispatcher';

type Notify = Extract<Effect, { type: 'notify' }>;

const KIND_LABELS: Record<Notify['kind'], LocalizedText> = {
  'task-assigned': { 'zh-CN': '新待办', en: 'New task' },
  reminder: { 'zh-CN': '待办提醒', en: 'Reminder' },
  escalated: { 'zh-CN': '待办已升级', en: 'Escalated' },
  urged: { 'zh-CN': '催办', en: 'Urged' },
  cc: { 'zh-CN': '抄送', en: 'Copied to you' },
  message: { 'zh-CN': '通知', en: 'Message' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
  'case-ended': { 'zh-CN': '案件已结束', en: 'Case ended' },
};

/** How a case ended, as the end notification names it. */
const OUTCOME_LABELS: Record<CaseOutcome, LocalizedText> = {
  approved: { 'zh-CN': '已批准', en: 'Approved' },
  rejected: { 'zh-CN': '未批准', en: 'Rejected' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
  completed: { 'zh-CN': '已办结', en: 'Completed' },
};

/**
 * The outbox's `notify` handler: one in-app notification per user (a redelivery adds nothing),
 * an SSE push to each newly notified user, and a message to the configured chat robots. Robots
 * never see a confidential case's names or titles, only that there is something to look at. Only
 * people who may open the case are told (`readersOf`): nobody is sent to a case that answers 404.
 */
export function notifyHandler(ctx: ServerContext, webhooks: WebhookDispatcher) {
  return async (effect: Notify, row: OutboxRow): Promise<void> => {
    const users = await readersOf(ctx, row.instance_id, effect.users);
    const about = await describe(ctx, row.instance_id, effect.taskId);
    const label = effect.outcome ? OUTCOME_LABELS[effect.outcome] : KIND_LABELS[effect.kind];
    const message: LocalizedText = effect.message ?? {
      'zh-CN': `${label['zh-CN']}：${about.title['zh-CN']}`,
      en: `${label.en}: ${about.title.en}`,
    };
    const fresh = await storeNotifications(ctx.db, {
      users,
      kind: effect.kind,
      instanceId: row.instance_id,
      ...(effect.taskId ? { taskId: effect.taskId } : {}),
      message,
      dedupKey: effect.dedupKey,
    });
    for (const { username, id } of fresh) {
      ctx.hub.publish([username], {
        type: 'notification',
        instanceId: row.instance_id,
        ...(effect.taskId ? { taskId: effect.taskId } : {}),
        data: { id, kind: effect.kind, message },
      });
    }
    if (fresh.length === 0 || !webhooks.enabled) return;
    const link = effect.taskId
      ? `${ctx.config.publicUrl}/tasks/${encodeURIComponent(effect.taskId)}`
      : ctx.config.publicUrl;
    const text = about.confidential
      ? `【Flowform】${label['zh-CN']}：您有一项保密事项待处理，请登录系统查看。\n${ctx.config.publicUrl}`
      : `【Flowform】${label['zh-CN']}：${message['zh-CN']}\n${fresh.map((f) => f.username).join('、')}\n${link}`;
    webhooks.send(text);
  };
}

async function describe(ctx: ServerContext, instanceId: string, taskId: string | undefined) {
  const [instance, task] = await Promise.all([
    ctx.db
      .selectFrom('instances')
      .select(['definition_key', 'definition_version', 'confidential'])
      .where('id', '=', instanceId)
      .executeTakeFirst(),
    taskId
      ? ctx.db.selectFrom('tasks').select('title').where('id', '=', taskId).executeTakeFirst()
      : undefined,
  ]);
  const name = instance
    ? (await ctx.runtime.definitions.get(instance.definition_key, instance.definition_version)).definition
        .name
    : { 'zh-CN': '流程', en: 'Process' };
  const title = task
    ? { 'zh-CN': `${name['zh-CN']} · ${task.title['zh-CN']}`, en: `${name.en} · ${task.title.en}` }
    : name;
  return { title, confidential: instance?.confidential ?? false };
}
