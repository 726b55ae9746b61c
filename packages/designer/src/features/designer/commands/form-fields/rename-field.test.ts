import { lintDefinition } from '@flowform/engine/browser';
import { describe, expect, it } from 'vitest';
import { docText } from '../../model/design-doc';
import { createDesignerStack } from '../designer-commands';
import { approvalDoc, SHIPPED, shippedDoc } from '../test-fixture';

const FORM = 'leave-request.apply';

describe('formField.rename', () => {
  it('given a field a guard reads (data.days), when renamed, then it is refused with where', () => {
    const stack = createDesignerStack(approvalDoc());
    expect(() => stack.execute('formField.rename', { form: FORM, field: '/days', to: 'length' })).toThrow(
      /'days' is used at \/definition\/machine\/states\/decide\/always\/0\/guard\/params\/expr/,
    );
  });

  it('given another field shows only when this one is set, when renamed, then it is refused', () => {
    const stack = createDesignerStack(approvalDoc());
    stack.execute('formField.setShowIf', { form: FORM, field: '/days', expr: "data.reason != ''" });
    expect(() => stack.execute('formField.rename', { form: FORM, field: '/reason', to: 'why' })).toThrow(
      /uiSchema\/days/,
    );
  });

  it.each([
    ['1st', /not a field id/],
    ['days', /already exists/],
    ['has space', /not a field id/],
  ])('given the new id %s, then it is refused', (to, message) => {
    const stack = createDesignerStack(approvalDoc());
    expect(() => stack.execute('formField.rename', { form: FORM, field: '/reason', to })).toThrow(message);
  });

  it('given a field inside a section, when renamed, then only the form changes and undo restores it', () => {
    const stack = createDesignerStack(approvalDoc());
    stack.execute('formField.add', { form: FORM, kind: 'section', name: 'trip' });
    stack.execute('formField.add', { form: FORM, kind: 'date', name: 'date', parent: '/trip' });
    const before = docText(stack.doc);
    stack.execute('formField.rename', { form: FORM, field: '/trip/date', to: 'leaveOn' });
    const trip = stack.doc.forms[FORM]!.schema.properties as Record<string, { properties?: object }>;
    expect(Object.keys(trip.trip!.properties!)).toEqual(['leaveOn']);
    expect(stack.doc.forms[FORM]!.labels!['/trip/leaveOn']).toBeDefined();
    expect(stack.doc.definition.caseSchema.properties).toHaveProperty('trip');
    stack.undo();
    expect(docText(stack.doc)).toBe(before);
  });

  it.each(SHIPPED)(
    'given the shipped %s, when each top-level field is renamed, then it is done whole or refused with where, and lint stays clean',
    (key) => {
      const stack = createDesignerStack(shippedDoc(key));
      let renamed = 0;
      for (const [form, def] of Object.entries(stack.doc.forms))
        for (const name of Object.keys((def.schema.properties ?? {}) as object)) {
          // A multi-instance form's fields live in response sheets, not in the case data.
          const caseField = name in (stack.doc.definition.caseSchema.properties as object);
          try {
            stack.execute('formField.rename', { form, field: `/${name}`, to: `${name}Renamed` });
          } catch (error) {
            expect(String(error)).toMatch(/is used at|already/);
            continue;
          }
          renamed += 1;
          if (!caseField) continue;
          expect(stack.doc.definition.caseSchema.properties).toHaveProperty(`${name}Renamed`);
          expect(stack.doc.definition.caseSchema.properties).not.toHaveProperty(name);
        }
      expect(renamed).toBeGreaterThan(0);
      const errors = lintDefinition(stack.doc.definition, { forms: stack.doc.forms }).filter(
        (p) => p.severity === 'error',
      );
      expect(errors.map((e) => `${e.code} ${e.path} ${e.message}`)).toEqual([]);
    },
  );
});

describe('formField.setShowIf inside a section', () => {
  it('given a field in a section, when a show-if is set on it, then it is refused (show-if is for top-level fields)', () => {
    const stack = createDesignerStack(approvalDoc());
    stack.execute('formField.add', { form: FORM, kind: 'section', name: 'trip' });
    stack.execute('formField.add', { form: FORM, kind: 'date', name: 'date', parent: '/trip' });
    expect(() =>
      stack.execute('formField.setShowIf', { form: FORM, field: '/trip/date', expr: 'data.days > 1' }),
    ).toThrow(/top-level fields only/);
  });
});
