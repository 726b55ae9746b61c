import { findUnstorableText } from '../forms/storable-text';
import { StepError } from './step-error';

/**
 * Refuses a value holding text PostgreSQL cannot store, as `StepError('invalid-text')` with details
 * `{ path, reason }` (path: a JSON pointer below `basePath`, e.g. `/data/details` or `/comment`).
 * Callers run it before a command reaches a write statement that it would fail for others too.
 */
export function refuseUnstorableText(value: unknown, basePath = ''): void {
  const found = findUnstorableText(value, basePath);
  if (!found) return;
  const what = found.reason === 'nul' ? 'the character U+0000' : 'an unpaired UTF-16 surrogate';
  throw new StepError(
    'invalid-text',
    `'${found.path || '/'}' contains ${what}, which cannot be stored`,
    found,
  );
}
