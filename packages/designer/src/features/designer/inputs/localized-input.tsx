/** A pair of inputs for text in Chinese and English; commits on blur (one undo step per edit). */
import type { LocalizedText } from '@flowform/engine/browser';
import { useEffect, useId, useState } from 'react';
import { useDesignerText } from '../i18n/use-designer-text';

interface Props {
  label: string;
  value: LocalizedText | undefined;
  onCommit: (value: LocalizedText) => void;
  multiline?: boolean;
  name?: string;
}

export function LocalizedInput({ label, value, onCommit, multiline, name }: Props) {
  const { dt } = useDesignerText();
  const id = useId();
  const [zh, setZh] = useState(value?.['zh-CN'] ?? '');
  const [en, setEn] = useState(value?.en ?? '');
  useEffect(() => {
    setZh(value?.['zh-CN'] ?? '');
    setEn(value?.en ?? '');
  }, [value]);
  const commit = () => {
    if (zh !== (value?.['zh-CN'] ?? '') || en !== (value?.en ?? '')) onCommit({ 'zh-CN': zh, en });
  };
  const Field = multiline ? 'textarea' : 'input';
  return (
    <fieldset className="ff-pair">
      <legend>{label}</legend>
      <label htmlFor={`${id}-zh`}>{dt('props.nameZh')}</label>
      <Field
        id={`${id}-zh`}
        name={name ? `${name}-zh` : undefined}
        value={zh}
        lang="zh-CN"
        onChange={(e) => setZh(e.target.value)}
        onBlur={commit}
      />
      <label htmlFor={`${id}-en`}>{dt('props.nameEn')}</label>
      <Field
        id={`${id}-en`}
        name={name ? `${name}-en` : undefined}
        value={en}
        lang="en"
        onChange={(e) => setEn(e.target.value)}
        onBlur={commit}
      />
    </fieldset>
  );
}

/** One text input that commits on blur or Enter. */
export function CommitInput({
  label,
  value,
  onCommit,
  placeholder,
  name,
  type = 'text',
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  placeholder?: string;
  name?: string;
  type?: 'text' | 'number';
}) {
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => text !== value && onCommit(text);
  return (
    <div className="ff-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        value={text}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </div>
  );
}
