/**
 * Lint messages come from the engine in English; common ones are reworded for administrators in
 * their language. The code, the original message and the hint stay visible.
 */
import type { LintProblem, Locale } from '@flowform/engine/browser';

const RULES: { test: (p: LintProblem) => boolean; zh: string; en: string }[] = [
  {
    test: (p) => p.code === 'format-invalid' && /required property 'assignment'/.test(p.message),
    zh: '这个任务还没有指定办理人。',
    en: 'This task has no assignee yet.',
  },
  {
    test: (p) => p.code === 'format-invalid' && /\/machine\/initial/.test(p.path),
    zh: '流程还没有起始环节。',
    en: 'The process has no first step yet.',
  },
  {
    test: (p) => p.code === 'unreachable-state',
    zh: '从起始环节无法到达此环节。',
    en: 'This step cannot be reached.',
  },
  {
    test: (p) => p.code === 'stuck-state',
    zh: '此环节没有出路，案件会卡在这里。',
    en: 'This step has no way out.',
  },
  { test: (p) => p.code === 'no-final-state', zh: '流程没有结束环节。', en: 'The process never ends.' },
  {
    test: (p) => p.code === 'final-outcome-missing',
    zh: '结束环节需要说明办理结果（已批准、未批准、已撤回、已取消或已办结）。',
    en: 'This end step must say how the case ended (approved, rejected, withdrawn, cancelled or completed).',
  },
  {
    test: (p) => p.code === 'outcome-not-final',
    zh: '只有结束环节可以设置办理结果。',
    en: 'Only an end step can say how the case ended.',
  },
  {
    test: (p) => p.code === 'unhandled-outcome',
    zh: '有办理结果没有连到下一环节。',
    en: 'An outcome leads nowhere.',
  },
  {
    test: (p) => p.code === 'unknown-target',
    zh: '连线指向的环节不存在。',
    en: 'A transition points to a missing step.',
  },
  {
    test: (p) => p.code === 'cel-ambiguous',
    zh: '表达式需要加括号：CEL 中 < <= > >= == != in 优先级相同，从左到右结合。',
    en: 'Add parentheses: in CEL, < <= > >= == != and in share one precedence and group from the left.',
  },
  {
    test: (p) => p.code.startsWith('regex-'),
    zh: '正则表达式无效或过大：请用 RE2 语法（不支持反向引用和前后断言），不超过 200 个字符。',
    en: 'The regular expression is invalid or too large: use RE2 syntax (no backreferences or lookaround), at most 200 characters.',
  },
  { test: (p) => p.code.startsWith('cel-'), zh: '条件表达式有误。', en: 'An expression is wrong.' },
  {
    test: (p) => p.code === 'form-field-not-in-case',
    zh: '表单字段不在案件数据中。',
    en: 'A form field is not case data.',
  },
  { test: (p) => p.code === 'unknown-form', zh: '引用的表单不存在。', en: 'The form does not exist.' },
  {
    test: (p) => p.code === 'notify-audience-cannot-read',
    zh: '通知的对象无权查看该案件，打开链接会提示不存在：请通知参与办理的人，或在“保密”设置中允许他们查看。',
    en: 'The people notified may not open this case (the link would answer "not found"): notify people who take part, or let them read it in the confidentiality settings.',
  },
  {
    test: (p) => p.code === 'self-approval-path',
    zh: '同一人可能先办理前面的步骤、再审批自己的工作：请在审批步骤的职责分离（excludes）中排除发起人或该步骤的办理人。',
    en: 'One person could do an earlier step and then approve their own work: exclude the initiator or that step’s performer from the approval step (excludes).',
  },
];

/** A plain-language line for the problem, or undefined when the engine's message is all there is. */
export function friendlyMessage(problem: LintProblem, locale: Locale): string | undefined {
  const rule = RULES.find((r) => r.test(problem));
  return rule ? (locale === 'en' ? rule.en : rule.zh) : undefined;
}
