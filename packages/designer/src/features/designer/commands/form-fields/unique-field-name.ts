/** Behaviour before `formField.add`: a new field always gets a valid id unique in its section. */
import { uniqueKey } from '../../model/design-doc';
import { fieldOrder, segmentsOf } from '../../model/form-paths';
import type { DocBehaviour } from '../command-map';
import { FIELD_NAME } from '../key-patterns';

export const uniqueFieldName: DocBehaviour<'formField.add'> = (ctx) => {
  const p = ctx.params;
  const parent = segmentsOf(p.parent ?? '');
  p.name = uniqueKey(
    p.name && FIELD_NAME.test(p.name) ? p.name : p.kind,
    fieldOrder(ctx.doc, p.form, parent),
  );
};
