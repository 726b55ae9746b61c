/** Params of the commands on form fields. */
import type { LocalizedText } from '@flowform/engine/browser';
import type { FieldKind } from '../../model/field-kinds';

export interface AddFieldParams {
  form: string;
  kind: FieldKind;
  /** The wished id; a behaviour makes it unique in its section. */
  name?: string;
  /** Pointer of the section to add into; the form's root when absent. */
  parent?: string;
  index?: number;
  label?: LocalizedText;
  /** Set by the command: the new field's pointer. */
  created?: string;
}

/** A field of a form, by its pointer (`/amount`, `/section/date`). */
export interface FieldRef {
  form: string;
  field: string;
}

export interface RenameFieldParams extends FieldRef {
  to: string;
  /** Set by the command: the field's new pointer. */
  renamed?: string;
}

export const LIMIT_KEYS = ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const;
export type Limits = Partial<Record<(typeof LIMIT_KEYS)[number], number>>;

export interface FieldOption {
  value: string;
  zh: string;
  en: string;
}

export interface FormFieldCommands {
  'formField.add': AddFieldParams;
  'formField.remove': FieldRef;
  'formField.rename': RenameFieldParams;
  /** Moves the field to position `to` among its siblings. */
  'formField.move': FieldRef & { to: number };
  'formField.setLabel': FieldRef & { label: LocalizedText };
  'formField.setHelp': FieldRef & { help?: LocalizedText };
  'formField.setRequired': FieldRef & { required: boolean };
  /** The limits named are set (a non-finite value removes one); others stay. */
  'formField.setLimits': FieldRef & { limits: Limits };
  'formField.setOptions': FieldRef & { options: FieldOption[] };
  /** A boolean CEL condition over the form's fields; empty or absent removes it. */
  'formField.setShowIf': FieldRef & { expr?: string };
}
