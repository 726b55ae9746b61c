/** The designer's screen: header and toolbar, the views (flow, forms, case data, simulation, versions), and live checks. */
import { useCallback, useRef, useState } from 'react';
import { pick } from '../../../i18n/format';
import { Banner } from '../../../ui/status-views';
import type { VersionSummary } from '../api/designer-api';
import { absolute, layoutDoc } from '../canvas/layout';
import { Palette } from '../canvas/palette';
import { ProcessCanvas } from '../canvas/process-canvas';
import { CaseDataEditor } from '../data/case-data-editor';
import { FormDesigner } from '../forms/form-designer';
import type { DesignerKey } from '../i18n/designer-messages';
import { useDesignerText } from '../i18n/use-designer-text';
import { LintPanel } from '../lint/lint-panel';
import { PropertiesPanel } from '../properties/properties-panel';
import { SchedulePanel } from '../schedules/schedule-panel';
import { SimulatorPanel } from '../simulator/simulator-panel';
import { useDesigner } from '../state/designer-context';
import { VersionsPanel } from '../versions/versions-panel';
import { DesignerToolbar } from './designer-toolbar';
import { useAutosave } from './use-autosave';
import { useShortcuts } from './use-shortcuts';

const TABS = ['process', 'forms', 'data', 'schedules', 'simulate', 'versions'] as const;
type Tab = (typeof TABS)[number];

export function DesignerWorkspace({
  onPublished,
  versions,
  notice,
}: {
  onPublished: () => void;
  versions: VersionSummary[];
  notice?: string;
}) {
  const d = useDesigner();
  const { dt, locale } = useDesignerText();
  const [tab, setTab] = useState<Tab>('process');
  const fitRef = useRef<() => void>(() => undefined);
  const fit = useCallback(() => fitRef.current(), []);
  useShortcuts(d, tab === 'process', fit);
  const save = useAutosave(d.doc.definition.key, d.doc, locale);
  const canvas = (
    <ProcessCanvas
      onReady={(f) => {
        fitRef.current = f;
      }}
    />
  );
  return (
    <div className="ff-designer page">
      <header className="ff-designer-head">
        <h1>
          {pick(d.doc.definition.name, locale, d.doc.definition.key)} <code>{d.doc.definition.key}</code>
        </h1>
        <DesignerToolbar save={save} />
      </header>
      {notice && <Banner kind="error">{dt('notice.refused', { detail: notice })}</Banner>}
      <div className="ff-tabs" role="tablist" aria-label={dt('tabs.label')}>
        {TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`ff-tab-${t}`}
            aria-selected={tab === t}
            aria-controls="ff-tabpanel"
            className="ff-tab"
            onClick={() => setTab(t)}
          >
            {dt(`tab.${t}` as DesignerKey)}
          </button>
        ))}
      </div>
      <div
        id="ff-tabpanel"
        role="tabpanel"
        aria-labelledby={`ff-tab-${tab}`}
        className={`ff-view ff-view-${tab}`}
      >
        {tab === 'process' && (
          <>
            <Palette />
            {canvas}
            <PropertiesPanel />
          </>
        )}
        {tab === 'forms' && <FormDesigner />}
        {tab === 'data' && <CaseDataEditor />}
        {tab === 'schedules' && <SchedulePanel />}
        {tab === 'simulate' && (
          <>
            {canvas}
            <SimulatorPanel />
          </>
        )}
        {tab === 'versions' && (
          <VersionsPanel
            onPublished={onPublished}
            versions={versions}
            positions={async () => Object.fromEntries(absolute(await layoutDoc(d.doc)))}
          />
        )}
      </div>
      <LintPanel onShow={(p) => setTab(p.path.startsWith('/schedules/') ? 'schedules' : 'process')} />
    </div>
  );
}
