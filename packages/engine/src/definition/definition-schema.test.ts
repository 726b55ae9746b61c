import { describe, expect, it } from 'vitest';
import schema from '../../schema/definition.schema.json' with { type: 'json' };
import type {
  EscalationDef,
  FieldVisibilityDef,
  InvokeDef,
  MachineDef,
  OutcomeDef,
  ProcessDefinition,
  StateDef,
  TransitionDef,
  UserTaskDef,
  VotingDef,
} from './definition-types';

// Each map must name every key of its TypeScript type (the compiler checks that);
// the test checks the JSON Schema names exactly the same keys.
const keys = {
  definition: {
    $schema: true,
    key: true,
    name: true,
    description: true,
    caseSchema: true,
    parameters: true,
    confidential: true,
    fieldVisibility: true,
    commentVisibility: true,
    startForm: true,
    starters: true,
    unitField: true,
    unitKinds: true,
    caseTitle: true,
    initiatorCancel: true,
    computed: true,
    caseNumber: true,
    uniqueValues: true,
    schedules: true,
    machine: true,
  } satisfies Record<keyof ProcessDefinition, true>,
  machine: { id: true, initial: true, states: true, delays: true } satisfies Record<keyof MachineDef, true>,
  state: {
    type: true,
    history: true,
    initial: true,
    states: true,
    on: true,
    always: true,
    after: true,
    onDone: true,
    entry: true,
    exit: true,
    task: true,
    invoke: true,
    outcome: true,
    description: true,
    name: true,
  } satisfies Record<keyof StateDef, true>,
  transition: { target: true, guard: true, actions: true, description: true } satisfies Record<
    keyof TransitionDef,
    true
  >,
  task: {
    title: true,
    form: true,
    assignment: true,
    onEmpty: true,
    excludes: true,
    outcomes: true,
    due: true,
    reminders: true,
    escalation: true,
    voting: true,
    fieldPermissions: true,
    operations: true,
    returnTargets: true,
    returnTo: true,
    cc: true,
    responses: true,
    reach: true,
    urgeInterval: true,
    multiInstance: true,
    sharedFields: true,
    keyFields: true,
  } satisfies Record<keyof UserTaskDef, true>,
  outcome: {
    key: true,
    label: true,
    event: true,
    requiresComment: true,
    skipValidation: true,
    style: true,
  } satisfies Record<keyof OutcomeDef, true>,
  voting: {
    mode: true,
    ratio: true,
    quorum: true,
    minVoters: true,
    rejectPolicy: true,
    approveOutcome: true,
    rejectOutcome: true,
  } satisfies Record<keyof VotingDef, true>,
  escalation: { after: true, remind: true, reassignTo: true, sendOutcome: true } satisfies Record<
    keyof EscalationDef,
    true
  >,
  invoke: { process: true, input: true, onDone: true } satisfies Record<keyof InvokeDef, true>,
  fieldVisibility: { audience: true } satisfies Record<keyof FieldVisibilityDef, true>,
};

type Props = { properties: Record<string, unknown> };
const defs = schema.$defs as unknown as Record<string, Props>;
const schemaKeys: Record<keyof typeof keys, string[]> = {
  definition: Object.keys(schema.properties),
  machine: Object.keys((schema.properties.machine as Props).properties),
  state: Object.keys(defs.state!.properties),
  transition: Object.keys(defs.transition!.properties),
  task: Object.keys(defs.task!.properties),
  outcome: Object.keys(defs.outcome!.properties),
  voting: Object.keys((defs.task!.properties.voting as Props).properties),
  escalation: Object.keys((defs.task!.properties.escalation as Props).properties),
  invoke: Object.keys(defs.invoke!.properties),
  fieldVisibility: Object.keys(defs.visibility!.properties),
};

describe('definition schema and TypeScript types', () => {
  it.each(Object.keys(keys) as (keyof typeof keys)[])(
    'given the %s part, then the schema and the type name the same keys',
    (part) => {
      expect(schemaKeys[part].sort()).toEqual(Object.keys(keys[part]).sort());
    },
  );
});
