import { describe, expect, it } from 'vitest';
import { docText } from '../model/design-doc';
import { SAMPLES } from './command-samples';
import { createDesignerStack } from './designer-commands';
import { approvalDoc } from './test-fixture';

describe('every designer command', () => {
  it('given the registered commands, when compared with the sample table, then each one has a do/undo/redo case', () => {
    const registered = createDesignerStack(approvalDoc()).commands();
    expect([...new Set(SAMPLES.map((s) => s.command))].sort()).toEqual(registered);
  });

  for (const sample of SAMPLES) {
    it(`given the approval flow, when ${sample.command} runs, is undone and redone, then the document follows byte for byte`, () => {
      const stack = createDesignerStack(approvalDoc());
      for (const [command, params] of sample.setup ?? []) stack.execute(command, params);
      const before = docText(stack.doc);

      stack.execute(sample.command, sample.params());
      const after = docText(stack.doc);
      expect(sample.check(stack.doc)).toEqual(sample.expected);

      stack.undo();
      expect(docText(stack.doc)).toBe(before);
      stack.redo();
      expect(docText(stack.doc)).toBe(after);
      stack.undo();
      expect(docText(stack.doc)).toBe(before);
    });
  }
});
