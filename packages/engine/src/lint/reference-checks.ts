import type {
  ActionRef,
  AssignmentRule,
  FormDefinition,
  ProcessDefinition,
} from '../definition/definition-types';
import { caseTitleFields } from '../definition/case-title';
import { createCelEnvironment } from '../expressions';
import { checkFormSchema } from '../forms/check-form-schema';
import type { StateIndex } from '../machine/state-index';
import { checkFieldRules } from './field-rule-checks';
import { type FlowEdge, transitionAt } from './flow-graph';
import { checkFormComputed } from './computed-checks';
import { checkReferenceFormats } from './reference-format-checks';
import { type LintContext, type LintRun, type ProblemList, REGEX_HINT, statePointer } from './lint-types';

/** The fixed action registry: name → required params. Definitions cannot name anything else. */
export const ACTION_REGISTRY: Record<ActionRef['type'], string[]> = {
  assignCel: ['field', 'expr'],
  notify: ['to', 'message'],
  startChild: ['process'],
  cancelChildren: [],
  directoryChange: ['kind', 'role', 'unit', 'user'],
};

/** Names that must exist somewhere: guards, actions, forms, processes, case fields. */
export function checkReferences(
  def: ProcessDefinition,
  index: StateIndex,
  edges: FlowEdge[],
  ctx: LintRun,
  problems: ProblemList,
): void {
  const fields = caseFields(def);
  const field = (name: string | undefined, pointer: string) => {
    if (name !== undefined && !fields.has(name)) {
      problems.error(
        'unknown-field',
        pointer,
        `Case field '${name}' does not exist`,
        `Add '${name}' to caseSchema.properties or use an existing field`,
      );
    }
  };
  field(def.unitField, '/unitField');
  def.initiatorCancel?.whileIn.forEach((id, i) => {
    if (!index.has(id))
      problems.error(
        'unknown-state',
        `/initiatorCancel/whileIn/${i}`,
        `State '${id}' does not exist`,
        'Name a state of the machine (nested states as parent.child)',
      );
  });
  for (const lang of ['zh-CN', 'en'] as const) {
    const template = def.caseTitle?.[lang];
    for (const name of template ? caseTitleFields(template) : []) field(name, `/caseTitle/${lang}`);
  }
  const form = (key: string | undefined, pointer: string) => {
    if (key !== undefined && !ctx.forms[key])
      problems.error(
        'unknown-form',
        pointer,
        `Form '${key}' does not exist`,
        'Add the form under forms/ or fix the key',
      );
  };
  form(def.startForm, '/startForm');
  const actions = (list: ActionRef[] | undefined, pointer: string) =>
    list?.forEach((a, i) => {
      checkAction(a, `${pointer}/${i}`, ctx, problems, field);
    });
  const rule = (r: AssignmentRule | undefined, pointer: string) => r && checkRuleFields(r, pointer, field);
  rule(def.starters, '/starters');
  for (const [name, visibility] of Object.entries(def.fieldVisibility ?? {})) {
    field(name, `/fieldVisibility/${name}`);
    visibility.audience.forEach((entry, i) => {
      if (entry.kind !== 'participants' && entry.kind !== 'confidentialGroup')
        rule(entry, `/fieldVisibility/${name}/audience/${i}`);
    });
  }
  for (const [id, info] of index) {
    const base = statePointer(id);
    actions(info.def.entry, `${base}/entry`);
    actions(info.def.exit, `${base}/exit`);
    const task = info.def.task;
    if (task) {
      form(task.form, `${base}/task/form`);
      rule(task.assignment, `${base}/task/assignment`);
      rule(task.cc, `${base}/task/cc`);
      rule(task.escalation?.reassignTo, `${base}/task/escalation/reassignTo`);
      for (const [op, r] of Object.entries(task.reach ?? {})) rule(r, `${base}/task/reach/${op}`);
      for (const name of Object.keys(task.fieldPermissions ?? {}))
        field(name, `${base}/task/fieldPermissions/${name}`);
      field(task.responses, `${base}/task/responses`);
    }
    if (info.def.invoke) checkProcess(info.def.invoke.process, `${base}/invoke/process`, ctx, problems);
  }
  for (const edge of edges) {
    if (edge.kind === 'return') continue;
    const spec = transitionAt(def, edge.pointer);
    if (spec?.guard && spec.guard.type !== 'cel') {
      problems.error(
        'unknown-guard',
        `${edge.pointer}/guard/type`,
        `Guard type '${spec.guard.type}' is not known`,
        'Use {"type": "cel", "params": {"expr": …}}',
      );
    }
    actions(spec?.actions, `${edge.pointer}/actions`);
  }
  checkForms(def, ctx, fields, problems);
}

function checkAction(
  a: ActionRef,
  pointer: string,
  ctx: LintContext,
  problems: ProblemList,
  field: (n: string | undefined, p: string) => void,
): void {
  const required = ACTION_REGISTRY[a.type];
  if (!required) {
    problems.error(
      'unknown-action',
      `${pointer}/type`,
      `Action '${a.type}' is not known`,
      `Use one of: ${Object.keys(ACTION_REGISTRY).join(', ')}`,
    );
    return;
  }
  const params = (a.params ?? {}) as Record<string, unknown>;
  for (const name of required) {
    if (params[name] === undefined)
      problems.error(
        'action-params',
        `${pointer}/params`,
        `Action '${a.type}' needs '${name}'`,
        `Add params.${name}`,
      );
  }
  if (a.type === 'assignCel') field(params.field as string, `${pointer}/params/field`);
  if (a.type === 'startChild' && typeof params.process === 'string')
    checkProcess(params.process, `${pointer}/params/process`, ctx, problems);
}

function checkProcess(key: string, pointer: string, ctx: LintContext, problems: ProblemList): void {
  if (ctx.processes && !ctx.processes.has(key)) {
    problems.error(
      'unknown-process',
      pointer,
      `Process '${key}' does not exist`,
      'Name a process key from workflows/',
    );
  }
}

function checkRuleFields(
  rule: AssignmentRule,
  pointer: string,
  field: (n: string | undefined, p: string) => void,
): void {
  if (rule.kind === 'roleInCaseUnit' || rule.kind === 'contractingLeader')
    field(rule.unitField, `${pointer}/unitField`);
  if (rule.kind === 'field') field(rule.field, `${pointer}/field`);
  if (rule.kind === 'anyOf')
    rule.rules.forEach((r, i) => {
      checkRuleFields(r, `${pointer}/rules/${i}`, field);
    });
}

function checkForms(def: ProcessDefinition, ctx: LintRun, fields: Set<string>, problems: ProblemList): void {
  const used = new Set<string>();
  /** Forms whose fields merge into the case (not those only collected into a `responses` list). */
  const merged = new Set<string>();
  if (def.startForm) used.add(def.startForm);
  if (def.startForm) merged.add(def.startForm);
  const caseProps = (def.caseSchema.properties ?? {}) as Record<string, { type?: unknown }>;
  for (const task of collectTasks(def)) {
    if (task.form) used.add(task.form);
    if (task.form && !task.responses) merged.add(task.form);
    if (task.responses && fields.has(task.responses) && caseProps[task.responses]?.type !== 'array') {
      problems.error(
        'responses-not-array',
        `/caseSchema/properties/${task.responses}`,
        `Case field '${task.responses}' collects responses but is not an array`,
        'Declare it as {"type": "array", "items": {"type": "object"}}',
      );
    }
  }
  for (const key of used) {
    const form = ctx.forms[key];
    if (!form) continue;
    const schemaProblems = checkFormSchema(form.schema, ctx.checker);
    for (const p of schemaProblems) {
      problems.error(
        p.code,
        `/forms/${key}${p.path}`,
        `Form '${key}': ${p.message}`,
        p.code.startsWith('regex-') ? REGEX_HINT : 'Make the form schema smaller, simpler or safer',
      );
    }
    // A schema that is unsafe or not a valid JSON Schema is fixed first: the checks below read its
    // shape (a `properties` that is not an object, say) and would only guess.
    if (schemaProblems.length > 0 || !isObject(form.schema)) continue;
    if (!acceptsObjects(form.schema)) {
      const never = key === def.startForm ? 'the process could never start' : 'its task could never be done';
      problems.error(
        'form-not-object',
        `/forms/${key}/schema/type`,
        `Form '${key}' describes ${JSON.stringify(form.schema.type)}, not an object: form data is an object, so ${never}`,
        'Give the form schema "type": "object" and its fields under "properties"',
      );
      continue;
    }
    checkShowIf(key, form, problems);
    checkFieldRules(key, form, problems);
    checkFormComputed(key, form, problems);
    checkReferenceFormats(key, form, ctx.directory, problems);
    const props = (form.schema.properties ?? {}) as Record<string, { type?: unknown }>;
    for (const [name, prop] of merged.has(key) ? Object.entries(props) : []) {
      if (!fields.has(name)) {
        problems.error(
          'form-field-not-in-case',
          `/forms/${key}/schema/properties/${name}`,
          `Form '${key}' field '${name}' is not a case field`,
          `Add '${name}' to caseSchema.properties`,
        );
      } else if (
        prop?.type &&
        caseProps[name]?.type &&
        JSON.stringify(prop.type) !== JSON.stringify(caseProps[name]?.type)
      ) {
        problems.error(
          'form-field-type-mismatch',
          `/forms/${key}/schema/properties/${name}`,
          `Form '${key}' field '${name}' is ${String(prop.type)} but the case field is ${String(caseProps[name]?.type)}`,
          'Use the same type in both',
        );
      }
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Form data is always a JSON object; a schema whose `type` leaves objects out accepts no submission. */
function acceptsObjects(schema: Record<string, unknown>): boolean {
  const { type } = schema;
  if (type === undefined) return true;
  return Array.isArray(type) ? type.includes('object') : type === 'object';
}

function collectTasks(def: ProcessDefinition) {
  const out: { form?: string; responses?: string }[] = [];
  const walk = (states: ProcessDefinition['machine']['states']) => {
    for (const s of Object.values(states)) {
      if (s.task) out.push(s.task);
      if (s.states) walk(s.states);
    }
  };
  walk(def.machine.states);
  return out;
}

function caseFields(def: ProcessDefinition): Set<string> {
  return new Set(Object.keys((def.caseSchema.properties ?? {}) as object));
}

/** Each field's show-if must be a boolean CEL condition over the form's own fields. */
function checkShowIf(key: string, form: FormDefinition, problems: ProblemList): void {
  const ui = (form.uiSchema ?? {}) as Record<string, { 'ui:options'?: { showIf?: unknown } } | undefined>;
  let cel: ReturnType<typeof createCelEnvironment> | undefined;
  for (const [field, entry] of Object.entries(ui)) {
    // Show-if works on top-level fields; one inside a section would be silently ignored.
    for (const [inner, sub] of Object.entries((entry ?? {}) as Record<string, unknown>))
      if ((sub as { 'ui:options'?: { showIf?: unknown } } | null)?.['ui:options']?.showIf !== undefined)
        problems.error(
          'form-show-if-nested',
          `/forms/${key}/uiSchema/${field}/${inner}/ui:options/showIf`,
          `Form '${key}' field '${field}/${inner}': show-if works on top-level fields only`,
          `Put the condition on '${field}' or move the field out of the section`,
        );
    const showIf = entry?.['ui:options']?.showIf;
    if (showIf === undefined || (typeof showIf === 'string' && !showIf.trim())) continue;
    const path = `/forms/${key}/uiSchema/${field}/ui:options/showIf`;
    if (typeof showIf !== 'string') {
      problems.error(
        'form-show-if-invalid',
        path,
        `Form '${key}' field '${field}': show-if is not text`,
        'Write a CEL condition such as data.amount > 5000',
      );
      continue;
    }
    cel ??= createCelEnvironment({ caseSchema: form.schema });
    const checked = cel.check(showIf, 'bool');
    if (!checked.ok)
      problems.error(
        'form-show-if-invalid',
        path,
        `Form '${key}' field '${field}': show-if ${checked.message}`,
        "Write a boolean CEL condition over this form's fields, such as data.amount > 5000",
      );
  }
}
