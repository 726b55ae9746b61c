// The process the transition, HTTP and memory benchmarks drive: one 20-field task whose `save`
// outcome loops back to the same state, so a case can be completed over and over.
import type { DefinitionBundle } from '@flowform/engine';

const text = (s: string) => ({ 'zh-CN': s, en: s });
const FIELDS = Array.from({ length: 20 }, (_, i) => `f${i}`);
const properties = Object.fromEntries(
  FIELDS.map((f, i) => [
    f,
    i % 2 ? { type: 'string', title: f, maxLength: 100 } : { type: 'number', title: f, minimum: 0 },
  ]),
);

/** `bench-loop`: anyone starts it; the initiator fills the form, `save` loops, `finish` ends. */
export const benchLoopBundle: DefinitionBundle = {
  definition: {
    key: 'bench-loop',
    name: text('基准'),
    description: text('基准'),
    caseSchema: { type: 'object', properties },
    starters: { kind: 'initiator' },
    machine: {
      initial: 'edit',
      states: {
        edit: {
          task: {
            title: text('填写'),
            form: 'bench-loop.form',
            assignment: { kind: 'initiator' },
            outcomes: [
              { key: 'save', label: text('保存') },
              { key: 'finish', label: text('完成') },
            ],
          },
          on: { save: 'edit', finish: 'done' },
        },
        done: { type: 'final' },
      },
    },
  },
  forms: {
    'bench-loop.form': {
      key: 'bench-loop.form',
      title: text('表单'),
      schema: { type: 'object', additionalProperties: false, properties },
    },
  },
};

/** The form data of the n-th completion (20 fields, numbers and Chinese text). */
export const benchLoopData = (n: number) =>
  Object.fromEntries(FIELDS.map((f, i) => [f, i % 2 ? `内容${n}` : n % 1000]));
