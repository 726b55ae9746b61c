/**
 * The registry: the designer's command stack with one handler per command of DesignerCommandMap
 * (the table must be total, so a command without a handler does not compile) and the behaviours
 * that keep the document's invariants, each run in the same undo unit as its command.
 */
import { CommandStack, type HandlerTable } from '../model/command-stack';
import type { DesignDoc } from '../model/design-doc';
import type { DesignerCommandMap, DocStack } from './command-map';
import { replaceDocument } from './definition/replace-document';
import { setCaseField } from './definition/set-case-field';
import { setDefinition } from './definition/set-definition';
import { setParameter } from './definition/set-parameter';
import { deleteElements } from './elements/delete-elements';
import { pasteElements } from './elements/paste-elements';
import { addField } from './form-fields/add-field';
import { caseFieldForNewField } from './form-fields/case-field-for-new-field';
import { moveField } from './form-fields/move-field';
import { removeField } from './form-fields/remove-field';
import { renameField } from './form-fields/rename-field';
import { setFieldHelp } from './form-fields/set-field-help';
import { setFieldLabel } from './form-fields/set-field-label';
import { setFieldLimits } from './form-fields/set-field-limits';
import { setFieldOptions } from './form-fields/set-field-options';
import { setFieldRequired } from './form-fields/set-field-required';
import { setFieldShowIf } from './form-fields/set-field-show-if';
import { uniqueFieldName } from './form-fields/unique-field-name';
import { addForm } from './forms/add-form';
import { releaseRemovedForm } from './forms/release-removed-form';
import { removeForm } from './forms/remove-form';
import { setFormTitle } from './forms/set-form-title';
import { addSchedule } from './schedules/add-schedule';
import { removeSchedule } from './schedules/remove-schedule';
import { setSchedule } from './schedules/set-schedule';
import { addState } from './states/add-state';
import { appendState } from './states/append-state';
import { deleteState } from './states/delete-state';
import { deleteStateReferences } from './states/delete-state-references';
import { renameState } from './states/rename-state';
import { renameStateReferences } from './states/rename-state-references';
import { setChildProcess } from './states/set-child-process';
import { setInitialState } from './states/set-initial-state';
import { setOutcome } from './states/set-outcome';
import { setStateName } from './states/set-state-name';
import { setTimer } from './states/set-timer';
import { uniqueStateKey } from './states/unique-state-key';
import { moveOutcomeTransitions } from './tasks/move-outcome-transitions';
import { TASK_HANDLERS } from './tasks/set-task-property';
import { connect } from './transitions/connect';
import { deleteTransition } from './transitions/delete-transition';
import { setEvent } from './transitions/set-event';
import { setGuard } from './transitions/set-guard';
import { setTarget } from './transitions/set-target';

const HANDLERS: HandlerTable<DesignDoc, DesignerCommandMap> = {
  'document.replace': replaceDocument,
  'definition.set': setDefinition,
  'caseSchema.setField': setCaseField,
  'parameter.set': setParameter,
  'state.add': addState,
  'state.append': appendState,
  'state.rename': renameState,
  'state.delete': deleteState,
  'state.setName': setStateName,
  'state.setInitial': setInitialState,
  'state.setTimer': setTimer,
  'state.setInvoke': setChildProcess,
  'state.setOutcome': setOutcome,
  'transition.connect': connect,
  'transition.setGuard': setGuard,
  'transition.setTarget': setTarget,
  'transition.setEvent': setEvent,
  'transition.delete': deleteTransition,
  ...TASK_HANDLERS,
  'form.add': addForm,
  'form.remove': removeForm,
  'form.setTitle': setFormTitle,
  'formField.add': addField,
  'formField.remove': removeField,
  'formField.rename': renameField,
  'formField.move': moveField,
  'formField.setLabel': setFieldLabel,
  'formField.setHelp': setFieldHelp,
  'formField.setRequired': setFieldRequired,
  'formField.setLimits': setFieldLimits,
  'formField.setOptions': setFieldOptions,
  'formField.setShowIf': setFieldShowIf,
  'elements.delete': deleteElements,
  'elements.paste': pasteElements,
  'schedule.add': addSchedule,
  'schedule.set': setSchedule,
  'schedule.remove': removeSchedule,
};

export function createDesignerStack(doc: DesignDoc): DocStack {
  const stack: DocStack = new CommandStack(doc, HANDLERS);
  stack.on('state.add', 'pre', uniqueStateKey);
  stack.on('state.rename', 'pre', renameStateReferences);
  stack.on('state.delete', 'pre', deleteStateReferences);
  stack.on('task.setOutcomes', 'pre', moveOutcomeTransitions);
  stack.on('form.remove', 'pre', releaseRemovedForm);
  stack.on('formField.add', 'pre', uniqueFieldName);
  stack.on('formField.add', 'post', caseFieldForNewField);
  return stack;
}
