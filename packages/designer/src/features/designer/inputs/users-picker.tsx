/** The named people of a `users` rule, picked from the directory. */
import { useDesignerText } from '../i18n/use-designer-text';
import { SelectField } from './select-field';

export function UsersPicker({
  users,
  options,
  onChange,
}: {
  users: string[];
  options: [string, string][];
  onChange: (users: string[]) => void;
}) {
  const { dt } = useDesignerText();
  return (
    <div className="ff-users">
      <ul>
        {users.map((u) => (
          <li key={u}>
            {options.find(([v]) => v === u)?.[1] ?? u}{' '}
            <button
              type="button"
              className="btn btn-small"
              onClick={() => onChange(users.filter((x) => x !== u))}
            >
              {dt('props.remove')}
            </button>
          </li>
        ))}
      </ul>
      <SelectField
        label={dt('rule.addPerson')}
        value=""
        options={options.filter(([v]) => !users.includes(v))}
        onChange={(u) => u && onChange([...users, u])}
      />
    </div>
  );
}
