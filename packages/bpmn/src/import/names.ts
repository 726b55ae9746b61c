/** BPMN ids and names → the keys Flowform's format allows (state keys, process keys, form keys, roles). */

/** A state key (`^[a-zA-Z][a-zA-Z0-9_]*$`, at most 64) from an element id. */
export function stateKey(id: string): string {
  const cleaned = id.replace(/[^a-zA-Z0-9_]/g, '_').replace(/^[^a-zA-Z]+/, '');
  return (cleaned || 'state').slice(0, 64);
}

/** A kebab-case key (`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`) from an id or name: process keys, form keys. */
export function kebabKey(text: string, fallback: string): string {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  while (words.length && /^\d/.test(words[0]!)) words.shift();
  const key = words.join('-').slice(0, 64).replace(/-+$/, '');
  return key || fallback;
}

/** A key unique among `taken` (adds 2, 3 …); records it. */
export function uniqueKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base.slice(0, 60)}${n}`;
  taken.add(key);
  return key;
}

/** A case field name (`^[a-zA-Z][a-zA-Z0-9_]*$`) from a BPMN variable. */
export function fieldName(variable: string): string | undefined {
  const name = variable.trim();
  return /^[a-zA-Z][a-zA-Z0-9_]*$/.test(name) && name.length <= 64 ? name : undefined;
}

/** The variable an expression names alone (`${approver}`, `#{x}`, `=x`), if that is all it is. */
export function expressionVariable(text: string): string | undefined {
  const m = /^(?:[$#]\{\s*([a-zA-Z_][\w]*)\s*\}|=\s*([a-zA-Z_][\w]*))$/.exec(text.trim());
  return m ? (m[1] ?? m[2]) : undefined;
}

/** True for text that is an expression (`${…}`, `#{…}`, FEEL `=…`) rather than a literal. */
export function isExpression(text: string): boolean {
  return /^\s*([$#]\{|=)/.test(text);
}

/** Both languages of a text the BPMN file gives once. */
export function bothLanguages(text: string): { 'zh-CN': string; en: string } {
  return { 'zh-CN': text, en: text };
}
