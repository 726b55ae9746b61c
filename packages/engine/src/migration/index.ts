export { checkMapping, MIGRATION_PROBLEM_CODES } from './mapping-check';
export {
  type FormChange,
  type MappingProposal,
  type ProposedState,
  proposeMapping,
} from './mapping-proposal';
export { statesOf, type WhatIfVerdict, whatIf } from './what-if';
