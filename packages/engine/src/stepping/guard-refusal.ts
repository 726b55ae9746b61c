import type { LocalizedText, TransitionDef } from '../definition/definition-types';
import type { CompiledDefinition } from './compiled-definition';
import { StepError } from './step-error';

/** A guarded transition that did not let an outcome through: its description and the fields it reads. */
export interface RefusedGuard {
  description?: LocalizedText;
  fields: string[];
}

/**
 * `not-enabled` for an outcome no transition accepted. Where guarded transitions listen for the
 * event (on the state or an ancestor), the details name each guard's own description and the case
 * fields it reads, so the refusal can say why and point at the field (`amountPaid`).
 */
export function outcomeRefused(
  compiled: CompiledDefinition,
  stateId: string,
  event: string,
  outcome: string,
): StepError {
  const guards = refusedGuards(compiled, stateId, event);
  return new StepError(
    'not-enabled',
    `No transition accepts '${outcome}' in the current state`,
    guards.length > 0 ? { guards } : undefined,
  );
}

function refusedGuards(compiled: CompiledDefinition, stateId: string, event: string): RefusedGuard[] {
  const parts = stateId.split('.');
  const found: RefusedGuard[] = [];
  for (let n = parts.length; n > 0; n--) {
    const spec = compiled.index.get(parts.slice(0, n).join('.'))?.def.on?.[event];
    const list: TransitionDef[] = spec === undefined || typeof spec === 'string' ? [] : [spec].flat();
    for (const t of list) {
      if (!t.guard) continue;
      const text = String(t.guard.params?.expr ?? '');
      const fields = [...new Set([...text.matchAll(/\bdata\.([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
      found.push({ ...(t.description && { description: t.description }), fields });
    }
  }
  return found;
}
