import { describe, expect, it } from 'vitest';
import { createDesignerStack } from '../commands/designer-commands';
import { approvalDoc } from '../commands/test-fixture';
import { docText } from '../model/design-doc';
import { Modeling } from './modeling';

function setup() {
  const stack = createDesignerStack(approvalDoc());
  const notices: (string | undefined)[] = [];
  return { stack, notices, modeling: new Modeling(stack, (n) => notices.push(n)) };
}

describe('Modeling', () => {
  it('given a refused edit, when made through the facade, then it answers false, shows the refusal and changes nothing', () => {
    const { stack, notices, modeling } = setup();
    const before = docText(stack.doc);
    expect(modeling.renameState('review', 'leader')).toBe(false);
    expect(notices).toEqual(["'leader' already exists"]);
    expect(docText(stack.doc)).toBe(before);
    expect(stack.canUndo()).toBe(false);
  });

  it('given a refusal shown, when the next edit succeeds, then the notice is cleared and one undo reverts it', () => {
    const { stack, notices, modeling } = setup();
    modeling.renameState('review', '1st');
    expect(modeling.renameState('review', 'check')).toBe(true);
    expect(notices.at(-1)).toBeUndefined();
    stack.undo();
    expect(Object.keys(stack.doc.definition.machine.states)[0]).toBe('review');
  });

  it('given edits that create something, when made, then the facade answers the new state, field and pasted ids', () => {
    const { stack, modeling } = setup();
    expect(modeling.appendState('task', 'leader')).toBe('task');
    expect(modeling.addField({ form: 'leave-request.apply', kind: 'date' })).toBe('/date');
    expect(modeling.renameField({ form: 'leave-request.apply', field: '/date' }, 'from')).toBe('/from');
    const def = stack.doc.definition.machine.states.approved!;
    expect(modeling.paste({ states: [{ key: 'approved', def }] })).toEqual(['approved2']);
    expect(modeling.paste({ states: [] })).toBeUndefined();
  });

  it('given each task property, when set through the facade, then the task holds the value', () => {
    const { stack, modeling } = setup();
    modeling.setTaskProperty('review', 'due', 'P3D');
    modeling.setTaskProperty('review', 'assignment', { kind: 'initiator' });
    modeling.setTaskProperty('review', 'cc', { kind: 'initiator' });
    modeling.setTaskProperty('review', 'operations', ['urge']);
    modeling.setTaskProperty('review', 'title', { 'zh-CN': '审', en: 'Check' });
    const task = stack.doc.definition.machine.states.review!.task!;
    expect([task.due, task.assignment, task.cc, task.operations, task.title.en]).toEqual([
      'P3D',
      { kind: 'initiator' },
      { kind: 'initiator' },
      ['urge'],
      'Check',
    ]);
  });

  it("given an edit of a missing transition, when made, then the handler's refusal is shown", () => {
    const { notices, modeling } = setup();
    expect(
      modeling.setTransitionTarget({ source: 'review', kind: 'on', key: 'gone', index: 0 }, 'leader'),
    ).toBe(false);
    expect(notices).toEqual(['No such transition']);
  });

  it('given a broken document, when an edit fails with an error that is not a refusal, then it is thrown, not shown', () => {
    const doc = approvalDoc();
    doc.definition.parameters = 'broken' as never;
    const notices: (string | undefined)[] = [];
    const modeling = new Modeling(createDesignerStack(doc), (n) => notices.push(n));
    expect(() => modeling.setParameter('limit', { value: 3, label: { 'zh-CN': '天', en: 'Days' } })).toThrow(
      /Object key expected/,
    );
    expect(notices).toEqual([]);
  });
});
