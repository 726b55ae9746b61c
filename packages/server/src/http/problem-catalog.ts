/**
 * Every problem `code` the server can send, with its title in zh-CN and English: the codes the
 * server raises itself here, the engine's and the runtime's in `engine-problems.ts`. `ApiProblem`
 * takes only these codes, so a new code without its two titles is a compile error, and the title a
 * client reads is always in its language.
 */
import type { Locale } from '@flowform/engine';
import { ENGINE_PROBLEMS, type EngineProblemCode, type ProblemText } from './engine-problems';

/** Problems of the HTTP edge and the server's own rules. */
export const SERVER_PROBLEMS = {
  'invalid-request': { 'zh-CN': '请求无效', en: 'Invalid request' },
  'invalid-text': { 'zh-CN': '文本含有无法保存的字符', en: 'Text that cannot be stored' },
  unauthenticated: { 'zh-CN': '请先登录', en: 'Authentication required' },
  'invalid-credentials': { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  forbidden: { 'zh-CN': '无权访问', en: 'Forbidden' },
  'not-found': { 'zh-CN': '未找到', en: 'Not found' },
  conflict: { 'zh-CN': '与其他操作冲突，请重试', en: 'Conflict' },
  'idempotency-in-progress': {
    'zh-CN': '使用此幂等键的请求仍在处理中',
    en: 'A request with this key is still running',
  },
  'idempotency-key-reused': {
    'zh-CN': '幂等键已用于另一个请求',
    en: 'Idempotency-Key reused',
  },
  'body-too-large': { 'zh-CN': '请求体过大', en: 'Request body too large' },
  'unsupported-media-type': { 'zh-CN': '不支持的内容类型', en: 'Unsupported media type' },
  'attachment-type': { 'zh-CN': '不允许的附件类型', en: 'File type not allowed' },
  'attachment-empty': { 'zh-CN': '附件为空', en: 'Empty file' },
  'directory-invalid': { 'zh-CN': '组织机构变更无效', en: 'The directory change is invalid' },
  'directory-import-rows': { 'zh-CN': '导入的表格有错误行', en: 'The spreadsheet has rows in error' },
  'directory-import-file': { 'zh-CN': '无法读取导入的文件', en: 'The file cannot be read as a spreadsheet' },
  'key-mismatch': {
    'zh-CN': '流程标识与地址不一致',
    en: 'The definition key differs from the URL',
  },
  'lint-errors': { 'zh-CN': '流程定义有错误', en: 'The definition has lint errors' },
  'migration-refused': {
    'zh-CN': '状态映射会使案件无处可去',
    en: 'The mapping would strand cases',
  },
  'wrong-password': { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  'password-policy': { 'zh-CN': '新密码不符合密码规则', en: 'The new password breaks the password rules' },
  'password-change-required': {
    'zh-CN': '请先修改一次性密码',
    en: 'Change your one-time password first',
  },
  'oidc-not-configured': { 'zh-CN': '未配置单位账号登录', en: 'Organisation sign-in is not configured' },
  'oidc-unavailable': {
    'zh-CN': '暂时无法连接单位账号登录服务',
    en: 'The organisation sign-in service cannot be reached',
  },
  'oidc-state-mismatch': {
    'zh-CN': '登录请求已失效或不是从本浏览器发起的，请重新登录',
    en: 'The sign-in expired or did not start in this browser: sign in again',
  },
  'oidc-failed': { 'zh-CN': '单位账号登录失败', en: 'Sign-in with the organisation account failed' },
  'oidc-unknown-user': {
    'zh-CN': '该单位账号在本系统中没有对应用户，请联系管理员',
    en: 'This organisation account has no user here: ask an administrator',
  },
  'oidc-user-disabled': { 'zh-CN': '该用户已停用', en: 'This user is disabled' },
  'too-many-attempts': { 'zh-CN': '尝试次数过多，请稍后再试', en: 'Too many attempts' },
  'too-many-streams': { 'zh-CN': '打开的事件流过多', en: 'Too many open event streams' },
  'http-error': { 'zh-CN': '请求失败', en: 'Request failed' },
  'schedule-invalid': { 'zh-CN': '定时规则无效', en: 'The schedule rule is invalid' },
  internal: { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, ProblemText>;

/** A problem code the server may send. */
export type ProblemCode = keyof typeof SERVER_PROBLEMS | EngineProblemCode;

/** Titles of every code; where the server and the engine share a code, the server's words win. */
export const PROBLEM_TITLES: { readonly [C in ProblemCode]: ProblemText } = {
  ...ENGINE_PROBLEMS,
  ...SERVER_PROBLEMS,
};

/** The title of `code` for a reader of `locale`. */
export function problemTitle(code: ProblemCode, locale: Locale): string {
  return PROBLEM_TITLES[code][locale];
}
