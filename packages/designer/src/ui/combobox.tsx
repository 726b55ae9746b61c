import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';

/** One suggestion: what is picked (`key`), its name and a second line (unit path, roles). */
export interface ComboOption {
  key: string;
  primary: string;
  secondary?: string;
}

interface Props {
  id?: string;
  text: string;
  onText: (text: string) => void;
  /** Suggestions for the text; `undefined` while searching. */
  options: ComboOption[] | undefined;
  onPick: (key: string) => void;
  placeholder: string;
  emptyText: string;
  searchingText: string;
  disabled?: boolean;
  required?: boolean;
  invalid?: boolean;
  describedBy?: string;
  label?: string;
}

/**
 * A text box that suggests as you type (the ARIA 1.2 combobox pattern): arrow keys move through the
 * suggestions, Enter picks, Escape closes; each suggestion is a tall row a finger can hit at 360 px.
 */
export function Combobox(props: Props) {
  const { id, text, onText, options, onPick, placeholder, emptyText, searchingText } = props;
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shown = open && text.trim() !== '';
  const list = options ?? [];
  const listRef = useRef<HTMLDivElement>(null);
  const count = shown ? list.length : 0;
  // New suggestions are brought into view: near the bottom of a phone they would open off screen
  // or under the sticky action bar (the list's scroll margins leave room for both bars).
  useEffect(() => {
    if (count > 0) listRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [count]);
  const pick = (key: string) => {
    onPick(key);
    setOpen(false);
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      if (list.length > 0) setActive((a) => (a + step + list.length) % list.length);
    } else if (event.key === 'Enter' && shown && list[active]) {
      event.preventDefault();
      pick(list[active].key);
    } else if (event.key === 'Escape' && shown) {
      event.preventDefault();
      setOpen(false);
    }
  };
  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div className="combo">
      <input
        id={id}
        className="form-control"
        role="combobox"
        aria-label={props.label}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && list[active] ? optionId(active) : undefined}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        value={text}
        placeholder={placeholder}
        autoCapitalize="none"
        autoComplete="off"
        spellCheck={false}
        disabled={props.disabled}
        required={props.required}
        onChange={(e) => {
          onText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div className="combo-list" id={listId} role="listbox" hidden={!shown} ref={listRef}>
        {shown && options === undefined && <div className="combo-note">{searchingText}</div>}
        {shown && options?.length === 0 && <div className="combo-note">{emptyText}</div>}
        {shown &&
          list.map((option, i) => (
            <div
              key={option.key}
              id={optionId(i)}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={i === active ? 'combo-option active' : 'combo-option'}
              // Picked on mouse down, before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(option.key);
              }}
            >
              <span className="combo-primary">{option.primary}</span>
              {option.secondary && <span className="combo-secondary">{option.secondary}</span>}
            </div>
          ))}
      </div>
    </div>
  );
}
