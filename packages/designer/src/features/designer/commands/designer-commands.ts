/** The designer's command stack with every command and behaviour registered. */
import { CommandStack } from '../model/command-stack';
import type { DesignDoc } from '../model/design-doc';
import { registerDefinitionCommands } from './definition-commands';
import { registerElementCommands } from './element-commands';
import { registerFormCommands } from './form-commands';
import { registerFormFieldCommands } from './form-field-commands';
import { registerFormFieldRename } from './form-field-rename';
import { registerStateCommands } from './state-commands';
import { registerTaskCommands } from './task-commands';
import { registerTransitionCommands } from './transition-commands';

export function createDesignerStack(doc: DesignDoc): CommandStack<DesignDoc> {
  const stack = new CommandStack<DesignDoc>(doc);
  registerDefinitionCommands(stack);
  registerStateCommands(stack);
  registerTransitionCommands(stack);
  registerTaskCommands(stack);
  registerFormCommands(stack);
  registerFormFieldCommands(stack);
  registerFormFieldRename(stack);
  registerElementCommands(stack);
  return stack;
}
