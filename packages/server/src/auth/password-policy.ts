import type { Locale } from '@flowform/engine';

/** The shortest password the server accepts. */
export const MIN_PASSWORD_LENGTH = 10;

/** Passwords people pick first (the top of leaked lists, Chinese and English), compared case-insensitively. */
const COMMON = new Set([
  '0123456789',
  '1234567890',
  '12345678910',
  '1111111111',
  '123456789a',
  'a123456789',
  'aa123456789',
  'qq123456789',
  'abc1234567',
  'abcd123456',
  'qwertyuiop',
  'qwerty1234',
  'qwerty123456',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'zxcvbnm123',
  'password',
  'password1',
  'password12',
  'password123',
  'passw0rd123',
  'p@ssw0rd123',
  'iloveyou12',
  'woaini1314',
  'woaini520',
  'admin12345',
  'admin123456',
  'administrator',
  'changeme123',
  'welcome123',
  'flowform',
  'flowform123',
]);

/** Why a password is refused: a stable keyword and its message in both languages. */
export interface PolicyViolation {
  keyword: 'too-short' | 'contains-username' | 'too-common';
  message: Record<Locale, string>;
}

/**
 * The password policy: at least {@link MIN_PASSWORD_LENGTH} characters, not containing the
 * username (3 characters or more), not one of the common passwords. Returns every rule broken.
 */
export function passwordViolations(password: string, username: string): PolicyViolation[] {
  const found: PolicyViolation[] = [];
  const lower = password.normalize('NFC').toLowerCase();
  if ([...password].length < MIN_PASSWORD_LENGTH)
    found.push({
      keyword: 'too-short',
      message: {
        'zh-CN': `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`,
        en: `The password needs at least ${MIN_PASSWORD_LENGTH} characters`,
      },
    });
  if (username.length >= 3 && lower.includes(username.toLowerCase()))
    found.push({
      keyword: 'contains-username',
      message: { 'zh-CN': '密码不能包含用户名', en: 'The password must not contain the username' },
    });
  if (COMMON.has(lower))
    found.push({
      keyword: 'too-common',
      message: { 'zh-CN': '这个密码太常见，请换一个', en: 'This password is too common; choose another' },
    });
  return found;
}
