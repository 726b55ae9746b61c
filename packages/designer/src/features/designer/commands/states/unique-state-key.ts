/** Behaviour before `state.add`: a new state always gets a valid key unique among its siblings. */
import { uniqueKey } from '../../model/design-doc';
import { BASE_KEY } from '../../model/state-templates';
import type { DocBehaviour } from '../command-map';
import { STATE_KEY } from '../key-patterns';
import { siblingKeys } from './sibling-keys';

export const uniqueStateKey: DocBehaviour<'state.add'> = (ctx) => {
  const p = ctx.params;
  p.key = uniqueKey(
    p.key && STATE_KEY.test(p.key) ? p.key : BASE_KEY[p.kind ?? 'task'],
    siblingKeys(ctx.doc, p.parent),
  );
};
