import { useState } from 'react';
import type { OrgIndex } from './org-index';
import type { DirectoryOp } from './organisation-api';
import { UnitDetail } from './unit-detail';
import { UnitTree } from './unit-tree';
import { useOrgText } from './use-org-text';

/** The unit tree beside (on a phone: above) the selected unit's detail. */
export function UnitsPanel({ index, propose }: { index: OrgIndex; propose: (ops: DirectoryOp[]) => void }) {
  const { ot } = useOrgText();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(index.roots.map((u) => u.id)));
  const [selected, setSelected] = useState<string>();
  const unit = selected ? index.unit(selected) : undefined;
  const toggle = (id: string, open?: boolean) =>
    setExpanded((now) => {
      const next = new Set(now);
      if (open ?? !now.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <div className="org-split">
      <section className="org-list" aria-label={ot('tree.label')}>
        <div className="org-actions">
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={() => setExpanded(new Set(index.org.units.map((u) => u.id)))}
          >
            {ot('tree.expandAll')}
          </button>
          <button type="button" className="btn btn-small btn-quiet" onClick={() => setExpanded(new Set())}>
            {ot('tree.collapseAll')}
          </button>
        </div>
        <UnitTree
          index={index}
          expanded={expanded}
          onToggle={toggle}
          selected={selected}
          onSelect={setSelected}
        />
      </section>
      {unit ? (
        <UnitDetail key={unit.id} index={index} unit={unit} propose={propose} />
      ) : (
        <p className="muted org-none">{ot('unit.none')}</p>
      )}
    </div>
  );
}
