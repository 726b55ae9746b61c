/** Params of the commands on forms as a whole. */
import type { LocalizedText } from '@flowform/engine/browser';

export interface FormCommands {
  /** A new empty form; with `task`, that task uses it. */
  'form.add': { key: string; title: LocalizedText; task?: string };
  'form.remove': { key: string };
  'form.setTitle': { key: string; title: LocalizedText };
}
