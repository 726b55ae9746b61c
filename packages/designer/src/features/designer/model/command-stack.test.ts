import { describe, expect, it } from 'vitest';
import { CommandStack } from './command-stack';

type Doc = { items: string[]; count: number };
type Commands = { 'item.add': { item: string }; 'count.set': { value: number } };

function stack() {
  const s = new CommandStack<Doc, Commands>(
    { items: [], count: 0 },
    {
      'item.add': {
        execute: (ctx) =>
          ctx.apply({ op: 'insert', path: ['items', ctx.doc.items.length], value: ctx.params.item }),
      },
      'count.set': {
        canExecute: (_doc, p) => (p.value > 2 ? 'too many' : undefined),
        execute: (ctx) => ctx.apply({ op: 'put', path: ['count'], value: ctx.params.value }),
      },
    },
  );
  s.on('item.add', 'post', (ctx) => ctx.execute('count.set', { value: ctx.doc.items.length }));
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

  it('given a command the map lacks or params of another shape, when type-checked, then they do not compile', () => {
    const s = stack();
    // tsc -b checks the tests too: each @ts-expect-error below fails the build if the line compiles
    // @ts-expect-error 'item.remove' is not in the command map
    expect(() => s.execute('item.remove', { item: 'a' })).toThrow("Unknown command 'item.remove'");
    // @ts-expect-error a behaviour on a command the map lacks
    s.on('item.rename', 'pre', () => undefined);
    const wrongParams = () =>
      // @ts-expect-error count.set takes { value: number }
      s.execute('count.set', { item: 'a' });
    expect(wrongParams).toBeTypeOf('function');
    const missingHandler = () =>
      // @ts-expect-error the handler table must name every command of the map ('count.set' is missing)
      new CommandStack<Doc, Commands>({ items: [], count: 0 }, { 'item.add': { execute: () => undefined } });
    expect(missingHandler).toBeTypeOf('function');
    expect(s.commands()).toEqual(['count.set', 'item.add']);
  });
});
