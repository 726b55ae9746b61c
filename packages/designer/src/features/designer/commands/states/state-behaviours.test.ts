import { lintDefinition } from '@flowform/engine/browser';
import { describe, expect, it } from 'vitest';
import { docText } from '../../model/design-doc';
import { allTransitions, stateIndex } from '../../model/state-graph';
import { createDesignerStack } from '../designer-commands';
import { approvalDoc, SHIPPED, shippedDoc } from '../test-fixture';
import type { AddStateParams } from './state-params';

const lintCodes = (doc: ReturnType<typeof approvalDoc>) =>
  lintDefinition(doc.definition, { forms: doc.forms }).map((p) => `${p.code}@${p.path}`);

describe('state behaviours', () => {
  it('given the palette end, when added at the top and inside a parallel branch, then only the top one says how the case ended and lint is clean of outcome problems', () => {
    const stack = createDesignerStack(approvalDoc());
    const top: AddStateParams = { kind: 'end' };
    const block: AddStateParams = { kind: 'parallel' };
    stack.execute('state.add', top);
    stack.execute('state.add', block);
    const inner: AddStateParams = { kind: 'end', parent: `${block.created}.branchA` };
    stack.execute('state.add', inner);
    const states = stack.doc.definition.machine.states;
    expect(states[top.created!]).toMatchObject({ type: 'final', outcome: 'completed' });
    expect(
      states[block.created!]!.states!.branchA!.states![inner.created!.split('.').at(-1)!],
    ).not.toHaveProperty('outcome');
    const codes = lintCodes(stack.doc).filter((c) => /outcome-not-final|final-outcome-missing/.test(c));
    expect(codes).toEqual([]);
  });

  it('given two adds of a task, when both run, then the second gets a unique key and the first became initial only once', () => {
    const stack = createDesignerStack(approvalDoc());
    const first: AddStateParams = { kind: 'task' };
    const second: AddStateParams = { kind: 'task' };
    stack.execute('state.add', first);
    stack.execute('state.add', second);
    expect([first.created, second.created]).toEqual(['task', 'task2']);
    expect(stack.doc.definition.machine.initial).toBe('review');
  });

  it('given an empty machine, when a state is added, then it becomes the initial state in the same undo unit', () => {
    const doc = approvalDoc();
    doc.definition.machine = { initial: '', states: {} };
    const stack = createDesignerStack(doc);
    stack.execute('state.add', { kind: 'task', key: 'apply' });
    expect(stack.doc.definition.machine.initial).toBe('apply');
    stack.undo();
    expect(stack.doc.definition.machine).toEqual({ initial: '', states: {} });
  });

  it('given performerOf and returnTargets name a state, when it is renamed, then both follow and one undo restores all', () => {
    const stack = createDesignerStack(approvalDoc());
    const before = docText(stack.doc);
    stack.execute('state.rename', { id: 'review', to: 'secretaryReview' });
    const leader = stack.doc.definition.machine.states.leader!.task!;
    expect(leader.assignment).toEqual({ kind: 'performerOf', state: 'secretaryReview' });
    expect(leader.returnTargets).toEqual(['secretaryReview']);
    expect(stack.doc.definition.machine.initial).toBe('secretaryReview');
    stack.undo();
    expect(docText(stack.doc)).toBe(before);
  });

  for (const key of SHIPPED) {
    it(`given ${key}, when every state is renamed, then lint finds the same problems, targets resolve, and undo restores it`, () => {
      const stack = createDesignerStack(shippedDoc(key));
      const original = docText(stack.doc);
      const before = lintCodes(stack.doc).length;
      const ids = [...stateIndex(stack.doc).keys()].sort((a, b) => b.split('.').length - a.split('.').length);
      for (const id of ids) stack.execute('state.rename', { id, to: `${id.split('.').pop()}X` });
      expect(lintCodes(stack.doc).length).toBe(before);
      expect(allTransitions(stack.doc).filter((t) => t.def.target && !t.to)).toEqual([]);
      expect(Object.keys(stack.doc.definition.machine.states).every((k) => k.endsWith('X'))).toBe(true);
      for (const _ of ids) stack.undo();
      expect(docText(stack.doc)).toBe(original);
    });
  }

  it('given branch-secretary-reassignment, when the parallel block is renamed, then absolute targets into it follow', () => {
    const stack = createDesignerStack(shippedDoc('branch-secretary-reassignment'));
    stack.execute('state.rename', { id: 'opinions', to: 'consultation' });
    const text = JSON.stringify(stack.doc.definition);
    expect(text).not.toMatch(/#opinions\b/);
    expect(stack.doc.definition.machine.initial).toBe('consultation');
    expect(
      lintDefinition(stack.doc.definition, { forms: stack.doc.forms }).filter((p) => p.severity === 'error'),
    ).toEqual([]);
  });

  it('given a state others lead to, when it is deleted, then the transitions into it go and one undo brings all back', () => {
    const stack = createDesignerStack(approvalDoc());
    const before = docText(stack.doc);
    stack.execute('state.delete', { id: 'approved' });
    expect(allTransitions(stack.doc).filter((t) => t.def.target === 'approved')).toEqual([]);
    expect(stack.doc.definition.machine.states.decide!.always).toEqual([{ target: 'leader' }]);
    stack.undo();
    expect(docText(stack.doc)).toBe(before);
  });

  it('given a rename to an existing key, when executed, then it is refused and nothing changes', () => {
    const stack = createDesignerStack(approvalDoc());
    const before = docText(stack.doc);
    expect(() => stack.execute('state.rename', { id: 'review', to: 'leader' })).toThrow(/already exists/);
    expect(docText(stack.doc)).toBe(before);
    expect(stack.canUndo()).toBe(false);
  });
});
