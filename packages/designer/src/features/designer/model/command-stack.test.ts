import { describe, expect, it } from 'vitest';
import { CommandStack } from './command-stack';

type Doc = { items: string[]; count: number };

function stack() {
  const s = new CommandStack<Doc>({ items: [], count: 0 });
  s.register<{ item: string }>('item.add', {
    execute: (ctx) =>
      ctx.apply({ op: 'insert', path: ['items', ctx.doc.items.length], value: ctx.params.item }),
  });
  s.on<{ item: string }>('item.add', 'post', (ctx) =>
    ctx.execute('count.set', { value: ctx.doc.items.length }),
  );
  s.register<{ value: number }>('count.set', {
    canExecute: (_doc, p) => (p.value > 2 ? 'too many' : undefined),
    execute: (ctx) => ctx.apply({ op: 'put', path: ['count'], value: ctx.params.value }),
  });
  return s;
}

describe('command stack', () => {
  it('given a command whose behaviour runs another, when undone, then both are reverted as one unit', () => {
    const s = stack();
    s.execute('item.add', { item: 'a' });
    expect(s.doc).toEqual({ items: ['a'], count: 1 });
    s.undo();
    expect(s.doc).toEqual({ items: [], count: 0 });
    expect(s.canRedo()).toBe(true);
    s.redo();
    expect(s.doc).toEqual({ items: ['a'], count: 1 });
  });

  it('given a nested command is refused, when the outer one runs, then everything it did is rolled back', () => {
    const s = stack();
    s.execute('item.add', { item: 'a' });
    s.execute('item.add', { item: 'b' });
    expect(() => s.execute('item.add', { item: 'c' })).toThrow('too many');
    expect(s.doc).toEqual({ items: ['a', 'b'], count: 2 });
    s.undo();
    expect(s.doc).toEqual({ items: ['a'], count: 1 });
  });

  it('given an undone edit, when a new edit runs, then redo is no longer possible', () => {
    const s = stack();
    s.execute('item.add', { item: 'a' });
    s.undo();
    s.execute('count.set', { value: 2 });
    expect(s.canRedo()).toBe(false);
  });

  it('given listeners, when edits, undos and redos happen, then each notifies once', () => {
    const s = stack();
    let calls = 0;
    s.subscribe(() => calls++);
    s.execute('item.add', { item: 'a' });
    s.undo();
    s.redo();
    expect(calls).toBe(3);
  });
});
