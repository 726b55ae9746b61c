import { InMemoryDirectory } from '@flowform/engine/browser';
import { describe, expect, it } from 'vitest';
import { approvalDoc } from '../commands/test-fixture';
import { completeTask, fireNextTimer, holdersOf, startCase } from './sim-play';

const directory = new InMemoryDirectory({
  users: [
    { username: 'boss', displayName: { 'zh-CN': '领导', en: 'Boss' } },
    { username: 'clerk', displayName: { 'zh-CN': '职员', en: 'Clerk' }, superior: 'boss' },
  ],
  units: [{ id: 'district', kind: 'district', name: { 'zh-CN': '区', en: 'District' } }],
  memberships: [{ username: 'clerk', role: 'worker', unit: 'district' }],
  contracts: [],
});

describe('interactive simulation', () => {
  it('given the approval flow, when the clerk asks for 5 days and the boss approves twice, then the case ends on the long path', () => {
    const doc = approvalDoc();
    let sim = startCase({ doc, directory, locale: 'zh-CN' }, 'clerk', { days: 5, reason: '探亲' });
    const review = sim.snapshot.tasks[0]!;
    expect(holdersOf(review, directory)).toEqual(['boss']);

    sim = completeTask({ doc, directory, locale: 'zh-CN' }, sim, review.id, 'boss', 'approve', {});
    expect(sim.snapshot.tasks.map((t) => t.stateId)).toEqual(['leader']);
    sim = completeTask(
      { doc, directory, locale: 'zh-CN' },
      sim,
      sim.snapshot.tasks[0]!.id,
      'boss',
      'approve',
      {},
    );

    expect(sim.snapshot.status).toBe('completed');
    expect([...sim.visited]).toEqual(expect.arrayContaining(['review', 'decide', 'leader', 'approved']));
    expect([...sim.transitions]).toEqual(
      expect.arrayContaining(['review|on|approve|0', 'leader|on|approve|0']),
    );
    expect(sim.log.map((e) => e.event.kind)).toEqual(['start', 'complete', 'complete']);
  });

  it('given a task with a due date, when fast-forwarded, then the clock jumps to the deadline', () => {
    const doc = approvalDoc();
    doc.definition.machine.states.review!.task!.reminders = ['P3D'];
    const sim = startCase({ doc, directory, locale: 'zh-CN' }, 'clerk', { days: 1 });
    const later = fireNextTimer({ doc, directory, locale: 'zh-CN' }, sim)!;
    expect(later.at - sim.at).toBe(3 * 86_400_000);
    expect(later.log.at(-1)!.event).toMatchObject({ kind: 'timer', state: 'review' });
  });
});
