import { describe, expect, it } from 'vitest';
import { createDesignerStack } from '../commands/designer-commands';
import { approvalDoc } from '../commands/test-fixture';
import { diffDocs, isEmptyDiff } from './definition-diff';

describe('definition diff', () => {
  it('given the same definition with keys reordered, when compared, then nothing changed', () => {
    const reverse = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverse)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverse(x)]),
            )
          : v;
    const doc = approvalDoc();
    expect(isEmptyDiff(diffDocs(doc, reverse(doc) as typeof doc))).toBe(true);
  });

  it('given edits, when compared with the original, then states, transitions, tasks and fields report them', () => {
    const stack = createDesignerStack(approvalDoc());
    stack.execute('state.delete', { id: 'rejected' });
    stack.execute('state.add', { kind: 'end', key: 'closed' });
    stack.execute('task.setDue', { id: 'review', value: 'P2D' });
    stack.execute('formField.add', { form: 'leave-request.apply', kind: 'date', name: 'from' });
    stack.execute('formField.setRequired', { form: 'leave-request.apply', field: '/reason', required: true });
    const diff = diffDocs(approvalDoc(), stack.doc);
    expect(diff.states).toEqual({ added: ['closed'], removed: ['rejected'], changed: [] });
    expect(diff.transitions.removed).toEqual(['review —reject→ rejected']);
    expect(diff.tasks.changed).toEqual(['review (due)']);
    expect(diff.fields.added).toEqual(['leave-request.apply/from']);
  });
});
