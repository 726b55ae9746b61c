/**
 * The typed facade in front of the command stack (diagram-js `Modeling` style): panels say what
 * they mean — `modeling.renameState(id, to)` — and never name a command or build its params. Each
 * method runs one command, one undo step. A refusal (CommandError) is handed to `onRefusal` to show
 * beside the designer and answers false / undefined; a success clears the last refusal. What a
 * command creates (a state's id, a field's pointer) is the method's answer.
 */
import type { CaseOutcome, LocalizedText, ScheduleDef, UserTaskDef } from '@flowform/engine/browser';
import type { CommandName, DesignerCommandMap, DocStack } from '../commands/command-map';
import type { ParameterDef, SetDefinitionParams } from '../commands/definition/definition-params';
import type { Clipboard } from '../commands/elements/element-params';
import type { AddFieldParams, FieldOption, FieldRef, Limits } from '../commands/form-fields/field-params';
import type { AppendStateParams } from '../commands/states/state-params';
import { TASK_FIELDS, type TaskCommand, type TaskField } from '../commands/tasks/task-params';
import { CommandError } from '../model/command-stack';
import type { DesignDoc } from '../model/design-doc';
import type { PaletteKind } from '../model/state-templates';
import type { TransitionRef } from '../model/transitions';

/** Task property → the command that sets it (TASK_FIELDS turned round). */
const TASK_COMMAND = Object.fromEntries(
  Object.entries(TASK_FIELDS).map(([command, field]) => [field, command]),
) as Record<TaskField, TaskCommand>;

export class Modeling {
  constructor(
    private readonly stack: DocStack,
    private readonly onRefusal: (message: string | undefined) => void,
  ) {}

  // the document and the definition

  replaceDocument(doc: DesignDoc): boolean {
    return this.run('document.replace', { doc });
  }

  setDefinition(change: SetDefinitionParams): boolean {
    return this.run('definition.set', change);
  }

  setCaseField(name: string, schema?: Record<string, unknown>): boolean {
    return this.run('caseSchema.setField', { name, schema });
  }

  setParameter(name: string, value?: ParameterDef): boolean {
    return this.run('parameter.set', { name, value });
  }

  // states

  /** A palette step after (or into) the `near` state; answers its id. */
  appendState(kind: PaletteKind, near?: string): string | undefined {
    const params: AppendStateParams = { kind, ...(near ? { near } : {}) };
    return this.run('state.append', params) ? params.created : undefined;
  }

  renameState(id: string, to: string): boolean {
    return this.run('state.rename', { id, to });
  }

  setStateName(id: string, name?: LocalizedText): boolean {
    return this.run('state.setName', { id, name });
  }

  setOutcome(id: string, outcome: CaseOutcome): boolean {
    return this.run('state.setOutcome', { id, outcome });
  }

  setInitialState(id: string): boolean {
    return this.run('state.setInitial', { id });
  }

  renameTimer(id: string, from: string, to: string): boolean {
    return this.run('state.setTimer', { id, from, to });
  }

  setChildProcess(id: string, process: string): boolean {
    return this.run('state.setInvoke', { id, process });
  }

  // transitions

  connect(source: string, target: string): boolean {
    return this.run('transition.connect', { source, target });
  }

  setTransitionEvent(ref: TransitionRef, event: string): boolean {
    return this.run('transition.setEvent', { ref, event });
  }

  setTransitionTarget(ref: TransitionRef, target: string): boolean {
    return this.run('transition.setTarget', { ref, target });
  }

  setTransitionGuard(ref: TransitionRef, expr?: string): boolean {
    return this.run('transition.setGuard', { ref, expr });
  }

  // tasks

  /** One property of the task of state `id`; undefined removes an optional one. */
  setTaskProperty<F extends TaskField>(id: string, field: F, value: UserTaskDef[F]): boolean {
    const command: TaskCommand = TASK_COMMAND[field];
    // TASK_COMMAND pairs each property with the command whose params carry that property's type
    return this.run(command, { id, value } as DesignerCommandMap[TaskCommand]);
  }

  // forms and their fields

  addForm(key: string, title: LocalizedText, task?: string): boolean {
    return this.run('form.add', { key, title, task });
  }

  setFormTitle(key: string, title: LocalizedText): boolean {
    return this.run('form.setTitle', { key, title });
  }

  /** A field from the palette; answers its pointer. */
  addField(field: Omit<AddFieldParams, 'created'>): string | undefined {
    const params: AddFieldParams = { ...field };
    return this.run('formField.add', params) ? params.created : undefined;
  }

  /** A new id for a field; answers its new pointer. */
  renameField(ref: FieldRef, to: string): string | undefined {
    const params = { ...ref, to, renamed: undefined as string | undefined };
    return this.run('formField.rename', params) ? params.renamed : undefined;
  }

  removeField(ref: FieldRef): boolean {
    return this.run('formField.remove', ref);
  }

  moveField(ref: FieldRef, to: number): boolean {
    return this.run('formField.move', { ...ref, to });
  }

  setFieldLabel(ref: FieldRef, label: LocalizedText): boolean {
    return this.run('formField.setLabel', { ...ref, label });
  }

  setFieldHelp(ref: FieldRef, help?: LocalizedText): boolean {
    return this.run('formField.setHelp', { ...ref, help });
  }

  setFieldRequired(ref: FieldRef, required: boolean): boolean {
    return this.run('formField.setRequired', { ...ref, required });
  }

  setFieldLimits(ref: FieldRef, limits: Limits): boolean {
    return this.run('formField.setLimits', { ...ref, limits });
  }

  setFieldOptions(ref: FieldRef, options: FieldOption[]): boolean {
    return this.run('formField.setOptions', { ...ref, options });
  }

  setFieldShowIf(ref: FieldRef, expr?: string): boolean {
    return this.run('formField.setShowIf', { ...ref, expr });
  }

  // scheduled starts

  /** A new scheduled start; answers its id (made unique). */
  addSchedule(schedule: ScheduleDef): string | undefined {
    const params: { schedule: ScheduleDef; created?: string } = { schedule };
    return this.run('schedule.add', params) ? params.created : undefined;
  }

  setSchedule(id: string, schedule: ScheduleDef): boolean {
    return this.run('schedule.set', { id, schedule });
  }

  removeSchedule(id: string): boolean {
    return this.run('schedule.remove', { id });
  }

  // the selection

  deleteElements(states: string[], transitions: TransitionRef[]): boolean {
    return this.run('elements.delete', { states, transitions });
  }

  /** Pastes copied states; answers their ids. */
  paste(clipboard: Clipboard): string[] | undefined {
    const params: { clipboard: Clipboard; created?: string[] } = { clipboard };
    return this.run('elements.paste', params) ? (params.created ?? []) : undefined;
  }

  private run<K extends CommandName>(command: K, params: DesignerCommandMap[K]): boolean {
    try {
      this.stack.execute(command, params);
      this.onRefusal(undefined);
      return true;
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      this.onRefusal(error.message);
      return false;
    }
  }
}
