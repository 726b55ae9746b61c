import { describe, expect, it } from 'vitest';
import { docText } from '../../model/design-doc';
import { createDesignerStack } from '../designer-commands';
import { approvalDoc } from '../test-fixture';

describe('schedule commands', () => {
  it('given a schedule named like another, when added, then it gets a free id and says which', () => {
    const stack = createDesignerStack(approvalDoc());
    stack.execute('schedule.add', { schedule: { id: 'weekly', when: '0 17 * * 5' } });
    const params = { schedule: { id: 'weekly', when: 'every day 08:30' } } as {
      schedule: { id: string; when: string };
      created?: string;
    };
    stack.execute('schedule.add', params);
    expect(params.created).toBe('weekly-2');
    expect(stack.doc.definition.schedules?.map((s) => s.id)).toEqual(['weekly', 'weekly-2']);
  });

  it('given two schedules, when the second is removed, undone and redone, then the list follows', () => {
    const stack = createDesignerStack(approvalDoc());
    stack.execute('schedule.add', { schedule: { id: 'a', when: '0 17 * * 5' } });
    stack.execute('schedule.add', { schedule: { id: 'b', when: 'every day 08:30' } });
    const two = docText(stack.doc);
    stack.execute('schedule.remove', { id: 'a' });
    expect(stack.doc.definition.schedules?.map((s) => s.id)).toEqual(['b']);
    stack.undo();
    expect(docText(stack.doc)).toBe(two);
    stack.redo();
    expect(stack.doc.definition.schedules?.map((s) => s.id)).toEqual(['b']);
  });

  it('given a schedule, when renamed onto another id or set to an invalid id, then it is refused and nothing changes', () => {
    const stack = createDesignerStack(approvalDoc());
    stack.execute('schedule.add', { schedule: { id: 'a', when: '0 17 * * 5' } });
    stack.execute('schedule.add', { schedule: { id: 'b', when: 'every day 08:30' } });
    const before = docText(stack.doc);
    expect(() => stack.execute('schedule.set', { id: 'a', schedule: { id: 'b', when: 'x' } })).toThrow(
      /exists/,
    );
    expect(() => stack.execute('schedule.set', { id: 'a', schedule: { id: 'Bad id', when: 'x' } })).toThrow(
      /not a valid/,
    );
    expect(() => stack.execute('schedule.remove', { id: 'zzz' })).toThrow(/No schedule/);
    expect(docText(stack.doc)).toBe(before);
  });
});
