/**
 * The designer's command map — every command name and its params, in one type — and the handler,
 * behaviour and stack types derived from it. A command is checked by name and params everywhere:
 * registering, executing, a handler's `ctx.execute`, a behaviour, the facade and the samples.
 */
import type { Behaviour, CommandContext, CommandHandler, CommandStack } from '../model/command-stack';
import type { DesignDoc } from '../model/design-doc';
import type { DefinitionCommands } from './definition/definition-params';
import type { ElementCommands } from './elements/element-params';
import type { FormFieldCommands } from './form-fields/field-params';
import type { FormCommands } from './forms/form-params';
import type { ScheduleCommands } from './schedules/schedule-params';
import type { StateCommands } from './states/state-params';
import type { TaskCommands } from './tasks/task-params';
import type { TransitionCommands } from './transitions/transition-params';

export interface DesignerCommandMap
  extends DefinitionCommands,
    StateCommands,
    TransitionCommands,
    TaskCommands,
    FormCommands,
    FormFieldCommands,
    ElementCommands,
    ScheduleCommands {}

export type CommandName = keyof DesignerCommandMap;
export type DocStack = CommandStack<DesignDoc, DesignerCommandMap>;
export type DocContext<K extends CommandName> = CommandContext<DesignDoc, DesignerCommandMap, K>;
export type DocHandler<K extends CommandName> = CommandHandler<DesignDoc, DesignerCommandMap, K>;
export type DocBehaviour<K extends CommandName> = Behaviour<DesignDoc, DesignerCommandMap, K>;

/** What the shared edit helpers need of a running command: the document and `apply`. */
export type DocEdit = Pick<DocContext<CommandName>, 'doc' | 'apply'>;
