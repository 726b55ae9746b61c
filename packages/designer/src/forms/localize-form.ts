import { type FormDefinition, isSchemaObject, type Locale, labelEntry } from '@flowform/engine/browser';
import { sanitizeUiSchema } from './sanitize-ui-schema';

type Json = Record<string, unknown>;

/**
 * The schema and UI schema as the reader sees them: in English, field titles, option names and
 * help come from `labels`; in Chinese, from the schema (help from `labels[…].help['zh-CN']`).
 * The root title is dropped (the page shows the form's own title). The UI schema is sanitised.
 */
export function localizeForm(
  form: { schema: Json; uiSchema?: Json },
  labels: FormDefinition['labels'],
  locale: Locale,
): { schema: Json; uiSchema: Json } {
  const schema = localizeNode(structuredClone(form.schema), [], labels, locale, 0);
  delete schema.title;
  delete schema.description;
  return { schema, uiSchema: sanitizeUiSchema(form.uiSchema ?? {}, locale) };
}

function localizeNode(
  node: Json,
  at: string[],
  labels: FormDefinition['labels'],
  locale: Locale,
  depth: number,
): Json {
  if (depth > 32) return node;
  const entry = at.length ? labelEntry(labels, at) : undefined;
  if (locale === 'en') {
    if (entry?.en) node.title = entry.en;
    if (entry?.help?.en) node.description = entry.help.en;
    else delete node.description;
  } else if (entry?.help?.['zh-CN']) node.description = entry.help['zh-CN'];
  if (isSchemaObject(node.properties))
    for (const [key, child] of Object.entries(node.properties))
      if (isSchemaObject(child))
        node.properties[key] = localizeNode(child, [...at, key], labels, locale, depth + 1);
  if (isSchemaObject(node.items))
    node.items = localizeNode(node.items, [...at, '0'], labels, locale, depth + 1);
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = node[keyword];
    if (!Array.isArray(list)) continue;
    node[keyword] = list.map((branch) => {
      if (!isSchemaObject(branch)) return branch;
      if ('const' in branch && locale === 'en') {
        const name = labelEntry(labels, optionPath(at), String(branch.const))?.en;
        return name ? { ...branch, title: name } : branch;
      }
      return 'const' in branch ? branch : localizeBranch(branch, at, labels, locale, depth);
    });
  }
  for (const keyword of ['then', 'else'] as const)
    if (isSchemaObject(node[keyword]))
      node[keyword] = localizeBranch(node[keyword] as Json, at, labels, locale, depth);
  return node;
}

/** A branch (allOf/then…) describes the same data: its titles keep the same paths. */
function localizeBranch(
  branch: Json,
  at: string[],
  labels: FormDefinition['labels'],
  locale: Locale,
  depth: number,
): Json {
  const { title, description, ...rest } = branch;
  const localized = localizeNode(rest, at, labels, locale, depth + 1);
  // a branch's own title/description would otherwise override the field's localised one
  if (locale !== 'en')
    Object.assign(
      localized,
      title === undefined ? {} : { title },
      description === undefined ? {} : { description },
    );
  else if (at.length > 0) {
    delete localized.title;
    delete localized.description;
  }
  return localized;
}

/** Options of an array of enums are labelled at the array's path (`/causes/seriousIllness`). */
const optionPath = (at: string[]) => (at.at(-1) === '0' ? at.slice(0, -1) : at);
