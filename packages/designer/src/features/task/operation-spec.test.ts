import { describe, expect, it } from 'vitest';
import { OPERATIONS, operationBody } from './operation-spec';

const input = { people: [] as string[], target: '', comment: '', position: '' };

describe('task operations', () => {
  it('given a transfer, when its body is built, then it names one person and the note', () => {
    expect(operationBody(OPERATIONS.transfer!, { ...input, people: ['com1b'], comment: ' 回避 ' })).toEqual({
      to: 'com1b',
      comment: '回避',
    });
  });

  it('given a return, when its body is built, then it carries the target step and the required note', () => {
    expect(OPERATIONS.return?.comment).toBe('required');
    expect(
      operationBody(OPERATIONS.return!, { ...input, target: 'homeVisit', comment: '请补充材料' }),
    ).toEqual({
      target: 'homeVisit',
      comment: '请补充材料',
    });
  });

  it('given signers and a comment, when bodies are built, then the API field names are used', () => {
    expect(operationBody(OPERATIONS.addSigner!, { ...input, people: ['a', 'b'], position: 'after' })).toEqual(
      {
        users: ['a', 'b'],
        position: 'after',
      },
    );
    expect(operationBody(OPERATIONS.comment!, { ...input, comment: '已电话联系' })).toEqual({
      text: '已电话联系',
    });
    expect(OPERATIONS.addSigner?.path).toBe('add-signer');
  });

  it('given a claim, when its body is built, then there is none', () => {
    expect(operationBody(OPERATIONS.claim!, input)).toBeUndefined();
  });
});
