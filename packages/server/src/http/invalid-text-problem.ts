import type { Locale, UnstorableText } from '@flowform/engine';
import { ApiProblem } from './problem';

const WORDING = {
  'zh-CN': {
    title: '文本含有无法保存的字符',
    nul: (path: string) => `字段 '${path}' 含有空字符（U+0000），无法保存`,
    'lone-surrogate': (path: string) => `字段 '${path}' 含有不成对的 UTF-16 代理字符，无法保存`,
  },
  en: {
    title: 'Text that cannot be stored',
    nul: (path: string) => `Field '${path}' contains the character U+0000, which cannot be stored`,
    'lone-surrogate': (path: string) =>
      `Field '${path}' contains an unpaired UTF-16 surrogate, which cannot be stored`,
  },
} as const;

/**
 * 400 `invalid-text`: a string PostgreSQL cannot store (U+0000, a lone surrogate), found by the
 * engine's `findUnstorableText`, wherever it is caught (the edge, or the runtime's `StepError`).
 * `errors: [{ path, keyword: 'invalid-text', message }]` names the field (the edge's shape), and the
 * message says which character, in zh-CN or English.
 */
export function invalidTextProblem(found: UnstorableText | undefined, locale: Locale): ApiProblem {
  const words = WORDING[locale === 'en' ? 'en' : 'zh-CN'];
  const { path, reason } = found ?? { path: '', reason: 'nul' as const };
  const message = words[reason](path || '/');
  return new ApiProblem(400, 'invalid-text', words.title, message, {
    errors: [{ path, keyword: 'invalid-text', message }],
  });
}
