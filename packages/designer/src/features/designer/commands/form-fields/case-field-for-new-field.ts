/** Behaviour after `formField.add`: a top-level field is case data, so the case schema gets it too. */
import { caseFieldSchema } from '../../model/field-kinds';
import { fieldSchema } from '../../model/form-paths';
import type { DocBehaviour } from '../command-map';

export const caseFieldForNewField: DocBehaviour<'formField.add'> = (ctx) => {
  const p = ctx.params;
  const caseFields = (ctx.doc.definition.caseSchema.properties ?? {}) as Record<string, unknown>;
  if (p.parent || caseFields[p.name!] !== undefined) return;
  ctx.execute('caseSchema.setField', {
    name: p.name!,
    schema: caseFieldSchema(fieldSchema(ctx.doc, p.form, p.created!)!),
  });
};
