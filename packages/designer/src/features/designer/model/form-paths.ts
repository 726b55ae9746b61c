/**
 * Where a form field lives: a field is named by its pointer (`/amount`, `/section/date`); its schema
 * sits under `properties`, its UI schema under the same keys, its English label at the pointer.
 */
import type { FormDefinition } from '@flowform/engine/browser';
import type { DesignDoc } from './design-doc';
import { getAt, type Path } from './json-ops';

type Json = Record<string, unknown>;

export const segmentsOf = (pointer: string) => pointer.split('/').filter(Boolean);
export const pointerOf = (segments: readonly string[]) => `/${segments.join('/')}`;

export const formPath = (form: string): Path => ['forms', form];

/** Path of the object schema holding the fields at `parent` (the form's root when empty). */
export function containerPath(form: string, parent: readonly string[]): Path {
  return ['forms', form, 'schema', ...parent.flatMap((s) => ['properties', s])];
}

export function fieldSchemaPath(form: string, pointer: string): Path {
  const segs = segmentsOf(pointer);
  return [...containerPath(form, segs.slice(0, -1)), 'properties', segs[segs.length - 1]!];
}

export function uiPathOf(form: string, segments: readonly string[]): Path {
  return ['forms', form, 'uiSchema', ...segments];
}

export function formAt(doc: DesignDoc, form: string): FormDefinition | undefined {
  return getAt(doc, formPath(form)) as FormDefinition | undefined;
}

export function fieldSchema(doc: DesignDoc, form: string, pointer: string): Json | undefined {
  return getAt(doc, fieldSchemaPath(form, pointer)) as Json | undefined;
}

/** The field names at `parent` in display order (`ui:order` first, then the rest). */
export function fieldOrder(doc: DesignDoc, form: string, parent: readonly string[]): string[] {
  const container = (getAt(doc, containerPath(form, parent)) ?? {}) as Json;
  const names = Object.keys((container.properties ?? {}) as Json);
  const order = getAt(doc, [...uiPathOf(form, parent), 'ui:order']);
  if (!Array.isArray(order)) return names;
  const listed = order.filter((n): n is string => typeof n === 'string' && names.includes(n));
  return [...listed, ...names.filter((n) => !listed.includes(n))];
}

/** Every field pointer of a form, sections' fields after their section. */
export function allFields(doc: DesignDoc, form: string, parent: string[] = []): string[] {
  return fieldOrder(doc, form, parent).flatMap((name) => {
    const segs = [...parent, name];
    const schema = fieldSchema(doc, form, pointerOf(segs));
    return schema?.type === 'object' && parent.length === 0
      ? [pointerOf(segs), ...allFields(doc, form, segs)]
      : [pointerOf(segs)];
  });
}
