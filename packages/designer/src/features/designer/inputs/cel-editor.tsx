/**
 * A CEL expression editor: completion from the case schema, parameters and variables, and live
 * type checking with the engine's own CEL environment. Commits on blur.
 */
import { createCelEnvironment, type ExpectedType } from '@flowform/engine/browser';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useDesignerText } from '../i18n/use-designer-text';
import { useDesigner } from '../state/designer-context';
import { completionsFor, suggest } from './cel-completions';

interface Props {
  label: string;
  value: string;
  expected?: ExpectedType;
  onCommit: (value: string) => void;
  name?: string;
}

export function CelEditor({ label, value, expected = 'bool', onCommit, name }: Props) {
  const { doc } = useDesigner();
  const { dt } = useDesignerText();
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(value);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  useEffect(() => setText(value), [value]);
  const { caseSchema, parameters } = doc.definition;
  const env = useMemo(
    () =>
      createCelEnvironment({
        caseSchema,
        parameters: Object.fromEntries(Object.entries(parameters ?? {}).map(([k, p]) => [k, p.value])),
      }),
    [caseSchema, parameters],
  );
  const all = useMemo(() => completionsFor({ caseSchema, parameters }), [caseSchema, parameters]);
  const check = text.trim() ? env.check(text, expected) : undefined;
  const { token, items } = suggest(text, caret, all);
  const accept = (item: string) => {
    const next = text.slice(0, caret - token.length) + item + text.slice(caret);
    setText(next);
    const at = caret - token.length + item.length;
    setCaret(at);
    requestAnimationFrame(() => ref.current?.setSelectionRange(at, at));
    ref.current?.focus();
  };
  return (
    <div className="ff-field ff-cel">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={ref}
        id={id}
        name={name}
        rows={2}
        spellCheck={false}
        value={text}
        aria-invalid={check && !check.ok ? true : undefined}
        aria-describedby={`${id}-check`}
        onChange={(e) => {
          setText(e.target.value);
          setCaret(e.target.selectionStart);
          setActive(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={(e) => {
          if (!items.length) return;
          if (e.key === 'ArrowDown') setActive((a) => (a + 1) % items.length);
          else if (e.key === 'ArrowUp') setActive((a) => (a + items.length - 1) % items.length);
          else if (e.key === 'Tab' || e.key === 'Enter') accept(items[active] ?? items[0]!);
          else return;
          e.preventDefault();
        }}
        onBlur={(e) => {
          if (e.relatedTarget?.closest?.('.ff-suggest')) return;
          if (text !== value) onCommit(text);
        }}
      />
      {items.length > 0 && (
        <ul className="ff-suggest" aria-label={dt('cel.suggestions')}>
          {items.map((item, i) => (
            <li key={item} className={i === active ? 'is-active' : undefined}>
              <button
                type="button"
                tabIndex={-1}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => accept(item)}
              >
                {item}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p id={`${id}-check`} className={check ? (check.ok ? 'ff-ok' : 'ff-error') : 'ff-muted'} role="status">
        {check
          ? check.ok
            ? dt('cel.ok', { type: check.type })
            : `${check.code}: ${check.message}`
          : dt('cel.empty')}
      </p>
    </div>
  );
}
