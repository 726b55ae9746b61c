import { describe, expect, it } from 'vitest';
import type { ExclusionFacts } from './exclusions';
import { excludedUsers } from './exclusions';

const facts: ExclusionFacts = {
  initiator: 'worker1',
  data: { personConcerned: 'sec1', witnesses: ['rep1', 'rep2', 3], nested: { who: 'head101' } },
  performers: { investigate: ['disc1'], propose: ['disc1', 'disc2'] },
  tasks: [
    {
      id: 'c:t1',
      stateId: 'review',
      candidates: { users: [], roles: [] },
      assignee: 'leader1',
      createdAt: '',
      urged: 0,
      remindersSent: 0,
    },
    {
      id: 'c:t2',
      stateId: 'review',
      candidates: { users: ['leader2', 'leader3'], roles: [] },
      createdAt: '',
      urged: 0,
      remindersSent: 0,
    },
    {
      id: 'c:t3',
      stateId: 'other',
      candidates: { users: ['x'], roles: [] },
      createdAt: '',
      urged: 0,
      remindersSent: 0,
    },
  ],
};

describe('excludedUsers', () => {
  it('given no exclusions, when asked, then nobody is excluded', () => {
    expect(excludedUsers(facts, {})).toEqual([]);
  });

  it('given the initiator and a person field, when asked, then both are excluded', () => {
    expect(
      excludedUsers(facts, {
        excludes: [{ kind: 'initiator' }, { kind: 'field', field: 'personConcerned' }],
      }),
    ).toEqual(['sec1', 'worker1']);
  });

  it('given a field holding a list with a non-name in it, when asked, then the names in it are excluded', () => {
    expect(excludedUsers(facts, { excludes: [{ kind: 'field', field: 'witnesses' }] })).toEqual([
      'rep1',
      'rep2',
    ]);
  });

  it('given a dotted field path, when asked, then the nested name is excluded', () => {
    expect(excludedUsers(facts, { excludes: [{ kind: 'field', field: 'nested.who' }] })).toEqual(['head101']);
  });

  it('given performerOf two states, when asked, then everyone who completed either is excluded once', () => {
    const excludes = [
      { kind: 'performerOf', state: 'investigate' },
      { kind: 'performerOf', state: 'propose' },
    ] as const;
    expect(excludedUsers(facts, { excludes: [...excludes] })).toEqual(['disc1', 'disc2']);
  });

  it('given holderOf a state, when asked, then its assignee and the users it is offered to by name are excluded', () => {
    expect(excludedUsers(facts, { excludes: [{ kind: 'holderOf', state: 'review' }] })).toEqual([
      'leader1',
      'leader2',
      'leader3',
    ]);
  });
});
