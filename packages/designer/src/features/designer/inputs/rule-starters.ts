/** The rule kinds the builder offers and what each starts as when chosen. */
import type { AssignmentRule } from '@flowform/engine/browser';

export const KINDS: AssignmentRule['kind'][] = [
  'roleInCaseUnit',
  'role',
  'contractingLeader',
  'initiator',
  'initiatorSuperior',
  'performerOf',
  'users',
  'field',
  'cel',
  'anyOf',
];

export function starterRule(kind: AssignmentRule['kind'], fields: string[], units: string[]): AssignmentRule {
  switch (kind) {
    case 'users':
      return { kind, users: [] };
    case 'role':
      return { kind, role: 'branchSecretary', unit: units[0] ?? '' };
    case 'roleInCaseUnit':
      return { kind, role: 'branchSecretary', unitField: fields[0] ?? 'unit' };
    case 'contractingLeader':
      return { kind, unitField: fields[0] ?? 'unit' };
    case 'performerOf':
      return { kind, state: '' };
    case 'field':
      return { kind, field: fields[0] ?? '' };
    case 'cel':
      return { kind, expr: 'data.reviewer' };
    case 'anyOf':
      return { kind, rules: [{ kind: 'initiator' }] };
    default:
      return { kind } as AssignmentRule;
  }
}
