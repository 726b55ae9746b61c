import {
  type CaseOutcome,
  compileBundle,
  type Effect,
  type LocalizedText,
  subjectOpenToAll,
  type TaskSubject,
} from '@flowform/engine';
import type { OutboxRow } from '@flowform/runtime';
import type { ServerContext } from '../server-context';
import { readersAmong } from './case-readers';
import { storeNotifications } from './notification-store';
import type { WebhookDispatcher } from './webhook-dispatcher';
import { workMessageChannels } from './platform-channels';
import type { WorkMessageChannel } from './work-message-channel';
import { WorkMessenger } from './work-messenger';

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
 * an SSE push to each newly notified user, a message to the configured chat robots naming the
 * people by name, and a work message to each person through the WeCom and DingTalk apps. Robots and
 * work messages never carry a confidential case's names or titles, only that there is something to
 * look at. A work message that fails throws, so the outbox retries it (the command has long
 * committed); robots retry on their own.
 * Only people who may open the case are told (`readersAmong`): nobody is sent to a case that answers 404.
 * The case and the task are read in one query, which both the readers and the message use.
 */
export function notifyHandler(
  ctx: ServerContext,
  webhooks: WebhookDispatcher,
  channels: WorkMessageChannel[] = workMessageChannels(ctx.config.workMessages),
) {
  const messenger = new WorkMessenger(ctx.db, channels);
  return async (effect: Notify, row: OutboxRow): Promise<void> => {
    const found = await caseAndTask(ctx, row.instance_id, effect.taskId);
    const users = found ? await readersAmong(ctx, found, effect.users) : [];
    const about = await describe(ctx, found);
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
    const link = effect.taskId
      ? `${ctx.config.publicUrl}/tasks/${encodeURIComponent(effect.taskId)}`
      : ctx.config.publicUrl;
    // The message already opens with its label ("新待办：…"); a definition's own message gets it once.
    const lead = effect.message ? `${label['zh-CN']}：${message['zh-CN']}` : message['zh-CN'];
    const secret = `${label['zh-CN']}：您有一项保密事项待处理，请登录系统查看。`;
    if (fresh.length > 0 && webhooks.enabled) {
      const names = await displayNames(
        ctx,
        fresh.map((f) => f.username),
      );
      webhooks.send(
        about.confidential
          ? `【Flowform】${secret}\n${ctx.config.publicUrl}`
          : `【Flowform】${lead}\n${names.join('、')}\n${link}`,
      );
    }
    if (messenger.enabled && effect.users.length > 0) {
      const text = about.confidential
        ? `【Flowform】${secret}\n${ctx.config.publicUrl}`
        : `【Flowform】${lead}\n${link}`;
      await messenger.deliver(effect.dedupKey, effect.users, text);
    }
  };
}

/** People as a message names them: their Chinese display name, else their username. */
async function displayNames(ctx: ServerContext, usernames: string[]): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('directory_users')
    .select(['username', 'display_name'])
    .where('username', 'in', usernames)
    .execute();
  const names = new Map(rows.map((r) => [r.username, r.display_name['zh-CN']]));
  return usernames.map((u) => names.get(u) || u);
}

/** The case (its definition, snapshot and confidentiality) and the notified task, in one query. */
async function caseAndTask(ctx: ServerContext, instanceId: string, taskId: string | undefined) {
  return ctx.db
    .selectFrom('instances as i')
    .leftJoin('tasks as t', (join) => join.onRef('t.instance_id', '=', 'i.id').on('t.id', '=', taskId ?? ''))
    .select([
      'i.definition_key',
      'i.definition_version',
      'i.snapshot',
      'i.confidential',
      't.state_id',
      't.title',
      't.case_title',
      't.origin',
      't.subject',
    ])
    .where('i.id', '=', instanceId)
    .executeTakeFirst();
}

async function describe(ctx: ServerContext, found: Awaited<ReturnType<typeof caseAndTask>>) {
  const bundle = found
    ? await ctx.runtime.definitions.get(found.definition_key, found.definition_version)
    : undefined;
  const name = bundle?.definition.name ?? { 'zh-CN': '流程', en: 'Process' };
  const task = found?.title ? found : undefined;
  // 区领导评分（对象：王建国）: which of a rater's alike sheets this is, when no reader's view hides it.
  const about =
    task?.subject && task.state_id && bundle && subjectOpenToAll(compileBundle(bundle), task.state_id)
      ? subjectName(task.subject)
      : undefined;
  const step = task?.title
    ? {
        'zh-CN': `${name['zh-CN']} · ${task.title['zh-CN']}${about ? `（对象：${about['zh-CN']}）` : ''}`,
        en: `${name.en} · ${task.title.en}${about ? ` (for: ${about.en})` : ''}`,
      }
    : name;
  const origin = task?.origin && (await originNote(ctx, task.origin));
  const title = {
    'zh-CN':
      [step['zh-CN'], task?.case_title?.['zh-CN']].filter(Boolean).join(' — ') + (origin?.['zh-CN'] ?? ''),
    en: [step.en, task?.case_title?.en].filter(Boolean).join(' — ') + (origin?.en ?? ''),
  };
  return { title, confidential: found?.confidential ?? false };
}

/** A subject as a message names it: the person's or unit's name, or the item's text. */
function subjectName(subject: TaskSubject): LocalizedText {
  return subject.kind === 'text' ? subject.text : subject.name;
}

/** `（张书记：请补充低保证明）`: who sent a returned, delegated or added task, and why. */
async function originNote(
  ctx: ServerContext,
  origin: { by: string; reason?: string },
): Promise<LocalizedText> {
  const directory = await ctx.runtime.directoryAt();
  const by = directory.user(origin.by)?.displayName ?? { 'zh-CN': origin.by, en: origin.by };
  return {
    'zh-CN': `（${by['zh-CN']}${origin.reason ? `：${origin.reason}` : ''}）`,
    en: ` (${by.en}${origin.reason ? `: ${origin.reason}` : ''})`,
  };
}
