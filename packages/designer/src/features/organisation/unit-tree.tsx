import { UNIT_KIND_LABELS } from '@flowform/engine/browser';
import type { OrgIndex, OrgUnit } from './org-index';
import { useOrgText } from './use-org-text';

/**
 * The units as a tree of nested lists, each with its kind; a unit with units under it opens and
 * closes with its toggle (which says whether it is expanded); pressing a unit selects it.
 */
export function UnitTree({
  index,
  expanded,
  onToggle,
  selected,
  onSelect,
}: {
  index: OrgIndex;
  expanded: ReadonlySet<string>;
  onToggle: (id: string, open?: boolean) => void;
  selected: string | undefined;
  onSelect: (id: string) => void;
}) {
  const { ot } = useOrgText();
  return (
    <ul aria-label={ot('tree.label')} className="org-tree">
      {index.roots.map((unit) => (
        <UnitNode
          key={unit.id}
          unit={unit}
          index={index}
          level={1}
          expanded={expanded}
          onToggle={onToggle}
          selected={selected}
          onSelect={onSelect}
        />
      ))}
    </ul>
  );
}

function UnitNode({
  unit,
  index,
  level,
  expanded,
  onToggle,
  selected,
  onSelect,
}: {
  unit: OrgUnit;
  index: OrgIndex;
  level: number;
  expanded: ReadonlySet<string>;
  onToggle: (id: string, open?: boolean) => void;
  selected: string | undefined;
  onSelect: (id: string) => void;
}) {
  const { ot, locale } = useOrgText();
  const children = index.children(unit.id);
  const open = expanded.has(unit.id);
  const name = unit.name[locale] || unit.id;
  return (
    <li data-level={level}>
      <div className="org-node">
        {children.length > 0 ? (
          <button
            type="button"
            className="org-toggle"
            aria-label={`${open ? ot('tree.collapse') : ot('tree.expand')} ${name}`}
            aria-expanded={open}
            onClick={() => onToggle(unit.id)}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="org-toggle" aria-hidden="true" />
        )}
        <button
          type="button"
          className="org-node-row"
          data-unit={unit.id}
          aria-current={selected === unit.id ? 'true' : undefined}
          onClick={() => onSelect(unit.id)}
        >
          <span className="org-node-name">{name}</span>
          <span className={`tag org-kind org-kind-${unit.kind}`}>{UNIT_KIND_LABELS[unit.kind][locale]}</span>
        </button>
      </div>
      {open && children.length > 0 && (
        <ul>
          {children.map((child) => (
            <UnitNode
              key={child.id}
              unit={child}
              index={index}
              level={level + 1}
              expanded={expanded}
              onToggle={onToggle}
              selected={selected}
              onSelect={onSelect}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
