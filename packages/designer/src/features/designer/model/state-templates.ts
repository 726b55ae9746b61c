/** What each palette item puts on the canvas: a state definition with sensible starting content. */
import type { LocalizedText, StateDef } from '@flowform/engine/browser';

export type PaletteKind = 'task' | 'decision' | 'parallel' | 'timer' | 'child' | 'end';

export const PALETTE_KINDS: PaletteKind[] = ['task', 'decision', 'parallel', 'timer', 'child', 'end'];

/** The key a new state of this kind is given (made unique among its siblings). */
export const BASE_KEY: Record<PaletteKind, string> = {
  task: 'task',
  decision: 'decision',
  parallel: 'parallel',
  timer: 'wait',
  child: 'child',
  end: 'end',
};

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/**
 * A user task starts without an assignee on purpose: lint reports it until one is chosen.
 * A parallel block has two branches that each end in a final state; its `onDone` is the join.
 */
export function stateTemplate(kind: PaletteKind, name?: LocalizedText): StateDef {
  switch (kind) {
    case 'task':
      return {
        ...(name ? { name } : {}),
        task: {
          title: name ?? text('办理', 'Task'),
          outcomes: [{ key: 'submit', label: text('提交', 'Submit'), style: 'primary' }],
        } as StateDef['task'],
      };
    case 'decision':
      return { name: name ?? text('判断', 'Decision'), always: [] };
    case 'parallel':
      return {
        name: name ?? text('并行', 'Parallel'),
        type: 'parallel',
        states: {
          branchA: {
            name: text('分支一', 'Branch A'),
            initial: 'done',
            states: { done: { name: text('完成', 'Done'), type: 'final' } },
          },
          branchB: {
            name: text('分支二', 'Branch B'),
            initial: 'done',
            states: { done: { name: text('完成', 'Done'), type: 'final' } },
          },
        },
      };
    case 'timer':
      return { name: name ?? text('等待', 'Wait'), after: { P1D: [] } };
    case 'child':
      return { name: name ?? text('子流程', 'Child process'), invoke: { process: '' } };
    case 'end':
      // `completed` until the author says whether this end approves, rejects …
      return { name: name ?? text('结束', 'End'), type: 'final', outcome: 'completed' };
  }
}

/** What kind of element a state is, for the canvas and the properties panel. */
export function kindOf(state: StateDef): PaletteKind | 'group' | 'state' {
  if (state.type === 'final') return 'end';
  if (state.type === 'parallel') return 'parallel';
  if (state.task) return 'task';
  if (state.invoke) return 'child';
  if (state.states && Object.keys(state.states).length > 0) return 'group';
  if (state.after) return 'timer';
  if (state.always !== undefined) return 'decision';
  return 'state';
}
