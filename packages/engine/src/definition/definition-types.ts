/**
 * The process definition format: plain JSON data, never code.
 * These types mirror `schema/definition.schema.json`; a test keeps the two in step.
 */

/** Text in the two languages every user-facing string carries. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

/** A CEL expression as source text; type-checked against the case schema before use. */
export type CelSource = string;

/**
 * ISO 8601 duration (`P3D`, `PT4H`), working days (`P3WD`), a day count (`{ days: 3, working: true }`
 * counts working days on the calendar, `working: false` calendar days; `days` may be CEL giving an
 * int, `"params.statementDays"`), or a CEL expression yielding
 * a duration or timestamp.
 */
export type DurationSpec = string | { cel: CelSource } | { days: number | CelSource; working: boolean };

/** A named guard or action from the fixed registry, with its parameters. */
export interface RegistryRef<TType extends string = string> {
  type: TType;
  params?: Record<string, unknown>;
}

/** Guards: only CEL, referenced by name so JSON never carries code. */
export type GuardRef = RegistryRef<'cel'> & { params: { expr: CelSource } };

/** Actions the engine knows; unknown names are lint errors. */
export type ActionRef =
  | { type: 'assignCel'; params: { field: string; expr: CelSource } }
  | { type: 'notify'; params: NotifyParams }
  | { type: 'startChild'; params: StartChildParams }
  | { type: 'cancelChildren'; params?: { process?: string } }
  | { type: 'directoryChange'; params: DirectoryChangeParams };

export interface NotifyParams {
  to: AssignmentRule;
  message: LocalizedText;
}

export interface StartChildParams {
  process: string;
  /** Case data for the child: field → CEL over the parent's environment. */
  input?: Record<string, CelSource>;
  /** Start one child per element of this CEL list (bound as `item`). */
  forEach?: CelSource;
}

/** "The branch's secretary becomes X": set the holder of a role in a unit. */
export interface DirectoryChangeParams {
  kind: 'setRoleHolder';
  role: string;
  unit: CelSource;
  user: CelSource;
}

/** A transition target with optional guard and actions (XState-shaped). */
export interface TransitionDef {
  target?: string;
  guard?: GuardRef;
  actions?: ActionRef[];
  description?: LocalizedText;
}

export type TransitionSpec = string | TransitionDef | TransitionDef[];

/** Who gets a task. Resolved against the Directory at the moment the task is created. */
export type AssignmentRule =
  | { kind: 'users'; users: string[] }
  | { kind: 'role'; role: string; unit: string }
  | { kind: 'roleInCaseUnit'; role: string; unitField: string; up?: number }
  | { kind: 'contractingLeader'; unitField: string }
  | { kind: 'initiator' }
  | { kind: 'initiatorSuperior' }
  | { kind: 'performerOf'; state: string }
  | { kind: 'field'; field: string }
  | { kind: 'cel'; expr: CelSource }
  | { kind: 'anyOf'; rules: AssignmentRule[] };

export type EmptyAssignmentPolicy = 'admins' | 'skip' | 'error';

/**
 * What to do when a task's candidates, after exclusions, are nobody: a fixed policy, or fallback
 * rules tried in order (each minus the same exclusions); if every fallback is empty too, the
 * administrators. So no case is ever stuck on a task nobody may perform.
 */
export type OnEmptyDef = EmptyAssignmentPolicy | { fallback: AssignmentRule[] };

/**
 * Separation of duties (职责分离): people who may not act on a task of this case, whatever the
 * assignment rule says. Applied to every task operation (claim, complete, vote, delegate, transfer,
 * add/remove signer, return, withdraw, CC) for the acting person and, for people-moving operations,
 * for the person reached.
 */
export type Exclusion =
  /** The person who started the case. */
  | { kind: 'initiator' }
  /** A case field holding a username or a list of usernames (e.g. the person concerned). */
  | { kind: 'field'; field: string }
  /** Whoever completed that state's task in this case. */
  | { kind: 'performerOf'; state: string }
  /** Whoever holds an open task of that state in this case. */
  | { kind: 'holderOf'; state: string };

export interface OutcomeDef {
  key: string;
  label: LocalizedText;
  /** Event sent to the machine when chosen; defaults to the key upper-cased. */
  event?: string;
  requiresComment?: boolean;
  skipValidation?: boolean;
  style?: 'primary' | 'danger' | 'default';
}

export interface VotingDef {
  /** `majority` (表决): more than half of the electorate approves; an even split is not passed. */
  mode: 'all' | 'any' | 'ratio' | 'sequential' | 'majority';
  /** For `ratio`: the fraction of approvals (0..1] needed. */
  ratio?: number;
  /** For `majority`: the fraction (0..1] of the electorate that must have voted before an approval stands. */
  quorum?: number;
  /**
   * The fewest people who may vote, once the task's `excludes` are applied (a committee of at least
   * three). Lint proves it against the directory for every starter (`vote-electorate-too-small`).
   */
  minVoters?: number;
  /** `veto`: one reject ends the vote; `impossible`: wait until the target cannot be reached. */
  rejectPolicy: 'veto' | 'impossible';
  approveOutcome: string;
  rejectOutcome: string;
}

export interface EscalationDef {
  after: DurationSpec;
  /** Remind N times (every `after`), then reassign or send an event. */
  remind?: number;
  reassignTo?: AssignmentRule;
  sendOutcome?: string;
}

export type TaskOperation =
  | 'claim'
  | 'transfer'
  | 'delegate'
  | 'addSigner'
  | 'removeSigner'
  | 'return'
  | 'withdraw'
  | 'cc'
  | 'urge'
  | 'comment';

export type FieldPermission = 'readOnly' | 'hidden' | 'editable';

/** A user task placed on a state. */
export interface UserTaskDef {
  title: LocalizedText;
  form?: string;
  assignment: AssignmentRule;
  onEmpty?: OnEmptyDef;
  /** Who may not act on this task in this case (separation of duties). */
  excludes?: Exclusion[];
  outcomes: OutcomeDef[];
  due?: DurationSpec;
  reminders?: DurationSpec[];
  escalation?: EscalationDef;
  voting?: VotingDef;
  fieldPermissions?: Record<string, FieldPermission>;
  operations?: TaskOperation[];
  /** States this task may return (退回) to; each must be an earlier step. */
  returnTargets?: string[];
  /**
   * Who gets a task returned to this step: its previous performer (the default), or the step's
   * whole candidate pool again.
   */
  returnTo?: 'performer' | 'pool';
  cc?: AssignmentRule;
  /**
   * Case field (an array) collecting every completion of this task as one entry
   * `{ by, outcome, at, comment?, ...formData }`, instead of merging the form into the case: each
   * signer's opinion is kept, not overwritten by the next.
   */
  responses?: string;
  /**
   * Whom each people-moving operation may reach, beyond the people the task's own `assignment`
   * admits (the default reach): e.g. a role or a unit's people. Only widens, never narrows.
   */
  reach?: OperationReach;
  /** 催办: the least time between two urges of one task (ISO 8601 duration); default `PT1H`. */
  urgeInterval?: string;
  /** 多实例: one task per person per element of a CEL list (every rater scores every cadre). */
  multiInstance?: MultiInstanceDef;
  /**
   * Case fields this task writes that another step (or the start form) writes too. The task's form
   * starts from the earlier value (a copy to edit) and each submission stays in its step record;
   * opinion fields (意见, comments) are never pre-filled from another person's submission.
   * A field written by two steps and not listed here is a lint warning (`field-written-twice`).
   */
  sharedFields?: string[];
  /** The case fields a phone shows of the case summary above this task's form (all on a wide screen). */
  keyFields?: string[];
}

/** The operations that hand a task or a case to more people, each with the rule that widens whom it reaches. */
export interface OperationReach {
  transfer?: AssignmentRule;
  delegate?: AssignmentRule;
  addSigner?: AssignmentRule;
  cc?: AssignmentRule;
}

/**
 * A multi-instance task: for each element of `forEach` (bound as `item`), one task for each person
 * the assignment names, each kept apart (its `item` on the task and in its `responses` entry). The
 * state moves on, with the last completion's outcome, once every instance is done.
 */
export interface MultiInstanceDef {
  /** CEL list: the elements to work on (the cadres to score). */
  forEach: CelSource;
  /**
   * CEL over `item`: the user (or list of users) whose task that element is (a bulletin item goes
   * to the person it names). Without it, every person the assignment names gets one.
   */
  assignee?: CelSource;
  /**
   * CEL over `item`: the user who may never perform that element's task (separation rule: a rater
   * never scores themself). No task is opened for them; claim, transfer, delegate and completion
   * by them are refused.
   */
  notPerformedBy?: CelSource;
}

/** Start another process as a child; its end sends `childDone` here. */
export interface InvokeDef {
  process: string;
  input?: Record<string, CelSource>;
  onDone?: TransitionSpec;
}

/**
 * How a case ended, declared on each top-level final state (`cancelled` is also what an
 * administrator's cancel gives). Lists and badges show it without loading the definition.
 */
export type CaseOutcome = 'approved' | 'rejected' | 'withdrawn' | 'cancelled' | 'completed';

/** A statechart node: XState v5 config as JSON, plus Flowform's task/invoke. */
export interface StateDef {
  type?: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  history?: 'shallow' | 'deep';
  initial?: string;
  states?: Record<string, StateDef>;
  on?: Record<string, TransitionSpec>;
  always?: TransitionSpec;
  /** Delayed transitions: key is an ISO 8601 duration or a name in `delays`. */
  after?: Record<string, TransitionSpec>;
  onDone?: TransitionSpec;
  entry?: ActionRef[];
  exit?: ActionRef[];
  task?: UserTaskDef;
  invoke?: InvokeDef;
  /** On a final state: how a case that ends here ended. */
  outcome?: CaseOutcome;
  description?: LocalizedText;
  name?: LocalizedText;
}

export interface MachineDef {
  id?: string;
  initial: string;
  states: Record<string, StateDef>;
  /** Named delays usable as `after` keys: ISO duration or CEL. */
  delays?: Record<string, DurationSpec>;
}

/** How case numbers are made: a prefix, the case unit's code (the digits its id ends in) if `unit`, the year, `digits` digits. */
export interface CaseNumberDef {
  prefix: string;
  unit?: boolean;
  digits?: number;
}

/** A value that is unique across the cases of a process, and what people call it. */
export interface UniqueValueDef {
  path: string;
  label: LocalizedText;
}

/**
 * Who may see the case beyond its participants. `alsoVisibleTo` widens every case (a case that is
 * not confidential is also seen by administrators and district leaders); `enabled` makes the case
 * invisible to everyone else, administrators included.
 */
export interface ConfidentialityDef {
  enabled: boolean;
  alsoVisibleTo?: AssignmentRule[];
}

/**
 * A scheduled start: when (a cron expression or a named rule), in which time zone, what a missed
 * fire does after downtime, and the start data as CEL over `now` (the fire time) and `people` (the
 * directory). `forEach` starts one case per element (`item` in the data expressions).
 */
export interface ScheduleDef {
  id: string;
  label?: LocalizedText;
  /**
   * Cron (`0 17 * * 5`) or a named rule: `every Friday 17:00`, `every day 08:30`, `every working day
   * 09:00`, `first working day of the month 09:00`, `first working day of each quarter 09:00`
   * (or 每周五 17:00, 每天, 每个工作日, 每月第一个工作日, 每季度第一个工作日).
   */
  when: string;
  /** IANA zone the rule is read in; Asia/Shanghai when absent. */
  timezone?: string;
  /** After downtime: `once` starts one case for the missed fires, `skip` starts none. Default `once`. */
  catchUp?: 'skip' | 'once';
  start?: { forEach?: CelSource; data?: Record<string, CelSource> };
}

/**
 * One audience a field is shown to: everyone who takes part in the case (`participants`: the
 * initiator, performers, holders, candidates, the CC'd), the case's readers named by
 * `confidential.alsoVisibleTo` (`confidentialGroup`), or the people an assignment rule names now
 * (a role in a unit, `initiator`, a case field naming a person, the performer of a state …).
 */
export type AudienceEntry = { kind: 'participants' } | { kind: 'confidentialGroup' } | AssignmentRule;

/** Who may see one case field; anyone else gets the case without it (the key is absent). */
export interface FieldVisibilityDef {
  audience: AudienceEntry[];
}

export interface ProcessDefinition {
  $schema?: string;
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  caseSchema: Record<string, unknown>;
  /** Parameters an administrator may change (thresholds, day counts); readable in CEL as `params`. */
  parameters?: Record<string, { value: unknown; label: LocalizedText }>;
  confidential?: ConfidentialityDef;
  /** Per case field, who may see it; a field not named here is seen by everyone who sees the case. */
  fieldVisibility?: Record<string, FieldVisibilityDef>;
  /** Who may read the comments of the case (each author always reads their own); default: all who see it. */
  commentVisibility?: FieldVisibilityDef;
  startForm?: string;
  starters: AssignmentRule;
  /** Case field naming the unit the case is about (used by unit-relative rules). */
  unitField?: string;
  /**
   * The kinds that unit must be of (a branch-secretary reassignment is about a branch): a start
   * naming a unit of another kind, or no unit the directory knows, is refused on that field
   * (the schema lists the directory's `UNIT_KINDS`).
   */
  unitKinds?: string[];
  /**
   * How a case is named in inboxes, lists and notifications: `{{field}}` placeholders name case
   * fields (`{{beneficiaryName}} · {{amountRequested}} 元`); lint checks each name.
   */
  caseTitle?: LocalizedText;
  /**
   * The initiator may cancel (撤销) their own case, giving a reason, while it is in one of these
   * states: before the declared point (an approval given, money paid) it is still only a request.
   */
  initiatorCancel?: { whileIn: string[] };
  /**
   * Computed case fields: field → CEL over the case (`sum(data.awards.map(a, a.bonus))`). The engine
   * computes each on every command that changes the data; a submitted value is replaced (and the
   * difference audited); guards and assignment read the computed value. Lint checks the type
   * against the field's and refuses cycles.
   */
  computed?: Record<string, CelSource>;
  /**
   * The case number every case gets when it starts: `<prefix>-[<unit code>-]<year>-<sequence>`
   * (`HS-113-2026-00042`), the sequence counted per prefix, unit and year by the database in the
   * start's own statement, so numbers are unique and consecutive.
   */
  caseNumber?: CaseNumberDef;
  /**
   * Values people enter that must not repeat across cases of this process (scrap item numbers,
   * receipt numbers): a path into the case data (`/receiptNo`; a `*` segment for every list element).
   * A command whose data repeats one held by another case is refused naming that case.
   */
  uniqueValues?: UniqueValueDef[];
  /** Starts the system makes on its own (weekly, monthly, on the first working day of a quarter). */
  schedules?: ScheduleDef[];
  machine: MachineDef;
}

/** A form: JSON Schema for the data, UI schema for rendering, labels in both languages. */
export interface FormDefinition {
  key: string;
  version?: number;
  title: LocalizedText;
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  /** English labels/help per field path; the schema's own titles are zh-CN. */
  labels?: Record<string, { en: string; help?: LocalizedText }>;
}

/** A definition with its forms, pinned together as one published version. */
export interface DefinitionBundle {
  definition: ProcessDefinition;
  forms: Record<string, FormDefinition>;
  version?: number;
}
