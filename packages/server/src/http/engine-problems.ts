/**
 * How each error code of the engine and the runtime reaches a client: its HTTP status and a title
 * in both languages. One exhaustive table per error family, keyed by the family's code list, so a
 * code added to the engine without a line here is a compile error (and the walk over every code in
 * `engine-problems.test.ts` fails). All are 4xx: they come from what a client sent.
 */
import type {
  AssignmentErrorCode,
  DirectoryErrorCode,
  ExpressionErrorCode,
  StepErrorCode,
  VotingErrorCode,
} from '@flowform/engine';
import type { RuntimeErrorCode } from '@flowform/runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A problem title in both languages. */
export interface ProblemText {
  'zh-CN': string;
  en: string;
}

/** An engine code as a problem: status and title; `sentAs` when clients know it by a server code. */
export interface EngineProblem extends ProblemText {
  status: ContentfulStatusCode;
  sentAs?: 'invalid-request';
}

type Table<C extends string> = { readonly [K in C]: EngineProblem };

/** `StepError`: why the pure step refused a command. */
export const STEP_PROBLEMS: Table<StepErrorCode> = {
  'not-enabled': { status: 422, 'zh-CN': '当前环节不能执行此操作', en: 'This action is not enabled here' },
  'not-permitted': { status: 403, 'zh-CN': '无权执行此操作', en: 'Not permitted' },
  'separation-of-duties': {
    status: 403,
    'zh-CN': '不相容职责分离：您或所选人员不能办理此任务',
    en: 'Separation of duties: you or the person chosen may not act on this task',
  },
  'invalid-form': { status: 422, 'zh-CN': '表单填写有误', en: 'The form has errors' },
  'invalid-reference': {
    status: 422,
    'zh-CN': '所填人员或单位不存在或不符合要求',
    en: 'A person or unit named is unknown or not allowed',
  },
  'invalid-command': { status: 422, 'zh-CN': '操作无效', en: 'Command refused' },
  'outside-reach': {
    status: 422,
    'zh-CN': '超出此操作可交给的人员范围',
    en: 'Outside the people this operation may reach',
  },
  'not-entitled': {
    status: 422,
    'zh-CN': '保密案件：对方无权查阅，不能交给对方',
    en: 'Confidential case: they may not open it',
  },
  'case-suspended': {
    status: 409,
    'zh-CN': '案件已被管理员挂起，恢复前不能办理',
    en: 'The case is suspended by an administrator: no work until it is resumed',
  },
  'urge-too-soon': { status: 429, 'zh-CN': '催办过于频繁，请稍后再催', en: 'Urged too recently' },
  stale: { status: 409, 'zh-CN': '任务或案件已变化，请刷新', en: 'The task or case has moved on' },
  'not-found': { status: 404, 'zh-CN': '未找到', en: 'Not found' },
  'assignment-empty': {
    status: 422,
    'zh-CN': '下一环节找不到办理人',
    en: 'Nobody can take the next task',
  },
  'invalid-text': { status: 400, 'zh-CN': '文本含有无法保存的字符', en: 'Text that cannot be stored' },
  'expression-failed': {
    status: 422,
    'zh-CN': '流程表达式无法按所填数据求值',
    en: 'A process expression failed on this data',
  },
};

/** `AssignmentError`: a rule or the case data it reads names nobody, or nothing valid. */
export const ASSIGNMENT_PROBLEMS: Table<AssignmentErrorCode> = {
  'assignment-empty': STEP_PROBLEMS['assignment-empty'],
  'assignment-invalid': {
    status: 422,
    'zh-CN': '办理人规则或其读取的数据无效',
    en: 'The assignment rule or the data it reads is invalid',
  },
};

const EXPRESSION_REFUSED = { status: 422, 'zh-CN': '表达式无效', en: 'The expression is invalid' } as const;

/** `ExpressionError`: an expression refused when compiled, or failing when evaluated. */
export const EXPRESSION_PROBLEMS: Table<ExpressionErrorCode> = {
  'cel-syntax': { ...EXPRESSION_REFUSED, 'zh-CN': '表达式语法错误', en: 'Expression syntax error' },
  'cel-type': { ...EXPRESSION_REFUSED, 'zh-CN': '表达式类型错误', en: 'Expression type error' },
  'cel-unknown-field': {
    ...EXPRESSION_REFUSED,
    'zh-CN': '表达式引用了未知的字段',
    en: 'The expression names an unknown field',
  },
  'cel-too-large': { ...EXPRESSION_REFUSED, 'zh-CN': '表达式过大', en: 'The expression is too large' },
  'cel-dyn': {
    ...EXPRESSION_REFUSED,
    'zh-CN': '表达式的操作数类型要到运行时才知道，可能出错',
    en: 'An operand type is known only at run time, where it could fail',
  },
  'cel-ambiguous': {
    ...EXPRESSION_REFUSED,
    'zh-CN': '表达式有歧义，请加括号',
    en: 'The expression is ambiguous: add parentheses',
  },
  'cel-unsupported': {
    ...EXPRESSION_REFUSED,
    'zh-CN': '不支持此表达式写法',
    en: 'This expression is not supported',
  },
  'regex-invalid': { ...EXPRESSION_REFUSED, 'zh-CN': '正则表达式无效', en: 'Invalid regular expression' },
  'regex-too-large': {
    ...EXPRESSION_REFUSED,
    'zh-CN': '正则表达式过大',
    en: 'The regular expression is too large',
  },
  'cel-runtime': STEP_PROBLEMS['expression-failed'],
};

/** `VotingError`: a ballot or a change of signers the vote's rule refuses. */
export const VOTING_PROBLEMS: Table<VotingErrorCode> = {
  'invalid-rule': { status: 422, 'zh-CN': '表决规则无效', en: 'Invalid voting rule' },
  'invalid-state': { status: 409, 'zh-CN': '表决状态不允许此操作', en: 'The vote does not allow this now' },
  'invalid-ballot': { status: 422, 'zh-CN': '表决票无效', en: 'Invalid ballot' },
  'not-a-signer': { status: 403, 'zh-CN': '您不是会签人', en: 'You are not a signer' },
  'already-voted': { status: 409, 'zh-CN': '您已表决', en: 'You have already voted' },
  'not-your-turn': { status: 409, 'zh-CN': '尚未轮到您表决', en: 'It is not your turn to vote' },
  'vote-decided': { status: 409, 'zh-CN': '表决已有结果', en: 'The vote is already decided' },
  'duplicate-signer': { status: 422, 'zh-CN': '会签人重复', en: 'The signer is already there' },
  'anchor-required': {
    status: 422,
    'zh-CN': '请指定在哪位会签人前后加签',
    en: 'Say next to which signer to insert',
  },
  'insert-before-voted': {
    status: 422,
    'zh-CN': '不能在已表决的会签人之前加签',
    en: 'Cannot insert before a signer who has voted',
  },
  'last-signer': { status: 422, 'zh-CN': '不能移除最后一位会签人', en: 'Cannot remove the last signer' },
};

/** `DirectoryError`: a directory seed or change naming someone or something unknown. */
export const DIRECTORY_PROBLEMS: Table<DirectoryErrorCode> = {
  'invalid-seed': { status: 422, 'zh-CN': '组织架构数据无效', en: 'Invalid directory data' },
  'unknown-user': { status: 422, 'zh-CN': '未知的用户', en: 'Unknown user' },
  'unknown-unit': { status: 422, 'zh-CN': '未知的单位', en: 'Unknown unit' },
};

/** `RuntimeError`: a lost race or something that does not exist. */
export const RUNTIME_PROBLEMS: Table<RuntimeErrorCode> = {
  conflict: { status: 409, 'zh-CN': '与其他操作冲突，请重试', en: 'Conflict' },
  'not-found': STEP_PROBLEMS['not-found'],
  'definition-not-found': { status: 404, 'zh-CN': '未找到该流程', en: 'No such process' },
  // A list cursor the server did not mint: a bad request parameter, sent with `errors` at `/cursor`.
  'invalid-cursor': { status: 400, sentAs: 'invalid-request', 'zh-CN': '请求无效', en: 'Invalid request' },
  // A value people entered (an item or receipt number) that another case holds: `errors` name each
  // field and the other case.
  'duplicate-value': {
    status: 422,
    'zh-CN': '所填编号已在其他案件中使用',
    en: 'A number entered is already used by another case',
  },
};

/** `FormSchemaError`: a form schema that cannot be compiled safely; its problems list each issue. */
export const FORM_SCHEMA_PROBLEM = {
  'form-schema-invalid': { status: 422, 'zh-CN': '表单结构无效', en: 'The form schema is invalid' },
} as const satisfies Table<'form-schema-invalid'>;

/** Every engine-raised code, as a problem code. */
export type EngineProblemCode =
  | StepErrorCode
  | AssignmentErrorCode
  | ExpressionErrorCode
  | VotingErrorCode
  | DirectoryErrorCode
  | RuntimeErrorCode
  | keyof typeof FORM_SCHEMA_PROBLEM;

/** All engine tables in one: a code shared by two families (`not-found`) has one entry. */
export const ENGINE_PROBLEMS: Table<EngineProblemCode> = {
  ...STEP_PROBLEMS,
  ...ASSIGNMENT_PROBLEMS,
  ...EXPRESSION_PROBLEMS,
  ...VOTING_PROBLEMS,
  ...DIRECTORY_PROBLEMS,
  ...RUNTIME_PROBLEMS,
  ...FORM_SCHEMA_PROBLEM,
};
