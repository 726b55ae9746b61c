import type { Locale } from '@flowform/engine/browser';
import { useI18n } from '../../i18n/i18n-context';
import { pairText } from '../../i18n/translate';

/** The case lifecycle's labels (所有案件, 挂起 / 恢复 / 取消): [zh-CN, English]. */
const MESSAGES = {
  nav: ['所有案件', 'All cases'],
  title: ['所有案件', 'All cases'],
  intro: [
    '保密案件只显示流程、状态和时间，不显示其内容；对其挂起、恢复或取消须填写原因，并记入审计。',
    'Confidential cases show only their process, status and dates, never their content; suspending, resuming or cancelling one needs a reason and is audited.',
  ],
  process: ['流程', 'Process'],
  processAll: ['全部流程', 'All processes'],
  status: ['状态', 'Status'],
  statusAll: ['全部状态', 'Any status'],
  running: ['办理中', 'In progress'],
  suspended: ['已挂起', 'Suspended'],
  completed: ['已办结', 'Completed'],
  cancelled: ['已取消', 'Cancelled'],
  unit: ['单位', 'Unit'],
  unitAll: ['全部单位', 'All units'],
  from: ['发起日期从', 'Started from'],
  to: ['至', 'to'],
  clear: ['清除筛选', 'Clear filters'],
  empty: ['没有符合条件的案件。', 'No case matches.'],
  more: ['加载更多', 'Load more'],
  restricted: ['保密：仅显示流程状态', 'Confidential: lifecycle only'],
  openTasks: ['待办 {n} 项', '{n} open tasks'],
  startedAt: ['发起于 {date}', 'Started {date}'],
  at: ['当前环节：{states}', 'Now at: {states}'],
  suspend: ['挂起', 'Suspend'],
  resume: ['恢复', 'Resume'],
  cancel: ['取消案件', 'Cancel case'],
  'suspend.confirm': [
    '挂起此案件？挂起期间任何人都不能办理其任务，到期提醒和超时处理暂停。',
    'Suspend this case? While suspended nobody can work its tasks, and reminders and escalations wait.',
  ],
  'resume.confirm': [
    '恢复此案件？其间到期的提醒和超时处理将立即执行。',
    'Resume this case? Reminders and escalations that fell due meanwhile run at once.',
  ],
  'cancel.confirm': [
    '取消此案件？案件将终止，无法恢复。',
    'Cancel this case? It ends and cannot be resumed.',
  ],
  reason: ['原因（必填，记入审计）', 'Reason (required, audited)'],
  reasonMissing: ['请填写原因', 'Please give a reason'],
  confirm: ['确认', 'Confirm'],
  keep: ['返回', 'Back'],
  'done.suspend': ['已挂起', 'Suspended'],
  'done.resume': ['已恢复', 'Resumed'],
  'done.cancel': ['已取消', 'Cancelled'],
  badge: ['已挂起', 'Suspended'],
  heldBy: ['{by} 于 {date} 挂起，原因：{reason}', 'Suspended by {by} on {date}. Reason: {reason}'],
  caseId: ['案件编号 {id}', 'Case {id}'],
} as const;

export type LifecycleKey = keyof typeof MESSAGES;

/** A lifecycle label in `locale`, parameters filled in as plain text. */
export function lifecycleText(
  locale: Locale,
  key: LifecycleKey,
  params?: Record<string, string | number>,
): string {
  return pairText(MESSAGES[key], locale, params);
}

/** `lifecycleText` in the current language. */
export function useLifecycleText(): (key: LifecycleKey, params?: Record<string, string | number>) => string {
  const { locale } = useI18n();
  return (key, params) => lifecycleText(locale, key, params);
}
