/**
 * Values unique across the cases of a process (a definition's `uniqueValues`: scrap item numbers,
 * receipt numbers). The database keeps them (case_unique_values, a trigger on every case write,
 * migration 600) and refuses a value another case holds; this names the repeated values, where
 * they are in the data, and the case holding each, in the reader's language.
 */
import type { CaseSnapshot, DefinitionBundle, FieldError, Locale, UniqueValueDef } from '@flowform/engine';
import type { Kysely } from 'kysely';
import type { Database } from './database/db-schema';
import { RuntimeError } from './runtime-error';

/** The key the database refuses a repeated value with. */
export const UNIQUE_VALUE_CONSTRAINT = 'case_unique_values_pkey';

/** Whether a write failed because a value is held by another case. */
export function isUniqueValueViolation(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string } | undefined;
  return e?.code === '23505' && e.constraint === UNIQUE_VALUE_CONSTRAINT;
}

/** Each string at a path (`*` segments: every element), with its JSON pointer. */
export function valuesAt(data: unknown, path: string): { pointer: string; value: string }[] {
  const segments = path.split('/').slice(1);
  const out: { pointer: string; value: string }[] = [];
  const walk = (node: unknown, at: number, pointer: string) => {
    if (at === segments.length) {
      if (typeof node === 'string') out.push({ pointer, value: node });
      return;
    }
    const segment = segments[at]!;
    if (segment === '*') {
      if (Array.isArray(node))
        node.forEach((item, i) => {
          walk(item, at + 1, `${pointer}/${i}`);
        });
      return;
    }
    if (node && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, segment))
      walk((node as Record<string, unknown>)[segment], at + 1, `${pointer}/${segment}`);
  };
  walk(data, 0, '');
  return out;
}

/** The other case holding a value: its id and its case number (null for an unnumbered process). */
export interface HeldBy {
  instanceId: string;
  caseNumber: string | null;
}

/**
 * The refusal of a write whose data repeats values other cases hold: `duplicate-value` with a field
 * error per repeated value (path, keyword `unique`, a sentence naming the other case by its number).
 */
export async function duplicateValueError(
  db: Kysely<Database>,
  bundle: DefinitionBundle,
  snapshot: CaseSnapshot,
  locale: Locale,
): Promise<RuntimeError> {
  const specs = bundle.definition.uniqueValues ?? [];
  const found = specs.flatMap((spec) =>
    valuesAt(snapshot.data, spec.path).map((v) => ({
      ...v,
      spec,
      scope: `${bundle.definition.key}:${spec.path}`,
    })),
  );
  const rows =
    found.length === 0
      ? []
      : await db
          .selectFrom('case_unique_values as u')
          .innerJoin('instances as i', 'i.id', 'u.instance_id')
          .select(['u.scope', 'u.value', 'u.instance_id', 'i.case_number'])
          .where('u.scope', 'in', [...new Set(found.map((f) => f.scope))])
          .where('u.value', 'in', [...new Set(found.map((f) => f.value))])
          .where('u.instance_id', '<>', snapshot.instanceId)
          .execute();
  const errors: FieldError[] = [];
  for (const f of found) {
    const row = rows.find((r) => r.scope === f.scope && r.value === f.value);
    if (!row) continue;
    const other = { instanceId: row.instance_id, caseNumber: row.case_number };
    errors.push({
      path: f.pointer,
      keyword: 'unique',
      message: duplicateMessage(f.spec, f.value, other, locale),
    });
  }
  const message =
    errors.length > 0
      ? errors.map((e) => `${e.path}: ${e.message}`).join('; ')
      : 'A value is already used by another case';
  return new RuntimeError('duplicate-value', message, { errors });
}

function duplicateMessage(spec: UniqueValueDef, value: string, other: HeldBy, locale: Locale): string {
  const name = other.caseNumber ?? other.instanceId;
  return locale === 'en'
    ? `${spec.label.en} ${value} is already used in case ${name}`
    : `${spec.label['zh-CN']}「${value}」已在案件 ${name} 中使用，不能重复`;
}
