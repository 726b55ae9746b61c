import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type FormDefinition,
  indexStates,
  type MachineDef,
  type ProcessDefinition,
  resolveTarget,
  type StateDef,
  type TransitionSpec,
} from '@flowform/engine';
import { describe, expect, it } from 'vitest';
import { exportBpmn, importBpmn } from './index';

const root = join(import.meta.dirname, '../../..');
const workflows = readdirSync(join(root, 'workflows')).filter((f) => f.endsWith('.json'));
const forms: Record<string, FormDefinition> = Object.fromEntries(
  readdirSync(join(root, 'forms')).map((f) => {
    const form = JSON.parse(readFileSync(join(root, 'forms', f), 'utf8')) as FormDefinition;
    return [form.key, form];
  }),
);

/** A machine's structure with every target resolved to its absolute path (spelling aside). */
function structure(machine: MachineDef) {
  const index = indexStates(machine);
  const list = (from: string, spec: TransitionSpec | undefined) =>
    (spec === undefined ? [] : typeof spec === 'string' ? [{ target: spec }] : [spec].flat()).map((t) => ({
      ...t,
      ...(t.target ? { target: resolveTarget(index, from, t.target) ?? `?${t.target}` } : {}),
    }));
  const out: Record<string, unknown> = { initial: machine.initial };
  for (const [id, info] of index) {
    const { states: _s, on, after, always, onDone, invoke, initial, ...rest } = info.def as StateDef;
    out[id] = {
      kind: info.kind,
      ...rest,
      ...(info.kind === 'compound' ? { initial: initial ?? Object.keys(info.def.states ?? {})[0] } : {}),
      on: Object.fromEntries(Object.entries(on ?? {}).map(([e, s]) => [e, list(id, s)])),
      after: Object.fromEntries(Object.entries(after ?? {}).map(([d, s]) => [d, list(id, s)])),
      always: list(id, always),
      onDone: list(id, onDone),
      ...(invoke ? { invoke: { ...invoke, onDone: list(id, invoke.onDone) } } : {}),
    };
  }
  return out;
}

describe('BPMN round trip of the shipped workflows', () => {
  it.each(workflows)(
    'given %s, when exported to BPMN and imported again, then the machine has the same structure and lints clean',
    async (file) => {
      const definition = JSON.parse(readFileSync(join(root, 'workflows', file), 'utf8')) as ProcessDefinition;
      const xml = await exportBpmn(definition);
      const { bundle, report } = await importBpmn(xml, { forms });
      expect(structure(bundle.definition.machine)).toEqual(structure(definition.machine));
      const { machine: _m, ...rest } = bundle.definition;
      const { machine: _o, ...original } = definition;
      expect(rest).toEqual(original);
      expect(report.counts.unmapped).toBe(0);
      expect(report.lint.filter((p) => p.severity === 'error')).toEqual([]);
    },
  );
});
