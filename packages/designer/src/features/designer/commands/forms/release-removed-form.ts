/** Behaviour before `form.remove`: tasks and the start form stop naming the removed form. */
import { statePath } from '../../model/design-doc';
import { stateIndex } from '../../model/state-graph';
import type { DocBehaviour } from '../command-map';

export const releaseRemovedForm: DocBehaviour<'form.remove'> = (ctx) => {
  const { key } = ctx.params;
  const tasks = [...stateIndex(ctx.doc)].filter(([, info]) => info.def.task?.form === key);
  for (const [id] of tasks) ctx.apply({ op: 'delete', path: [...statePath(id), 'task', 'form'] });
  if (ctx.doc.definition.startForm === key) ctx.apply({ op: 'delete', path: ['definition', 'startForm'] });
};
